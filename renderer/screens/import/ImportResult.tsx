import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceResult } from '../../../contract/service-contract';
import type { Route } from '../../app/areas';
import { Money } from '../../components/Money';
import { DOCUMENT_IMPORT_KINDS } from '../../../vocabulary/index.js';

type Report = ServiceResult<'import.commit'>;

const DOCUMENT_KINDS: readonly string[] = DOCUMENT_IMPORT_KINDS;

/** What was imported, with links to where it is worked on. */
export function ImportResult({ report, go, onAnother }: { report: Report; go: (r: Route) => void; onAnother: () => void }) {
  const { t } = useTranslation();
  const isDocuments = DOCUMENT_KINDS.includes(report.kind);
  // 导入 has gone with the preview: the focus comes to what is done next (去对账, or 再导入一个文件).
  const actions = useRef<HTMLDivElement>(null);
  useEffect(() => actions.current?.querySelector<HTMLButtonElement>('button')?.focus(), []);
  return (
    <section className="result" data-testid="import-result">
      <p className="notice ok" role="status">
        {report.created === 0 ? t('import.nothing') : isDocuments
          ? t('import.done', { created: report.created, lines: report.lines, seconds: report.seconds.toFixed(1) })
          : t('import.doneMaster', { created: report.created })}
      </p>
      {report.newDocuments.length > 0 && (
        <>
          <h3>{t('import.newDocs')}</h3>
          <table className="table compact" data-testid="new-documents">
            <thead><tr><th>{t('import.errorRow')}</th><th>#</th><th>{t('import.lineCount')}</th><th>{t('fields.amount')}</th></tr></thead>
            <tbody>
              {report.newDocuments.slice(0, 200).map((d) => (
                <tr key={d.key}><td>{d.row}</td><td>{d.key}</td><td>{d.lines}</td><td className="num"><Money fen={d.total} /></td></tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <div className="row" ref={actions}>
        {['deliveries', 'receipts', 'returns'].includes(report.kind) && (
          <button type="button" className="primary" data-testid="to-reconcile" onClick={() => go({ area: 'reconcile', params: {} })}>{t('import.toReconcile')}</button>
        )}
        {['deductions', 'remittances', 'manufacturer-credits', 'statements'].includes(report.kind) && (
          <button type="button" className="primary" onClick={() => go({ area: 'fees', params: {} })}>{t('areas.fees')}</button>
        )}
        <button type="button" onClick={onAnother}>{t('import.another')}</button>
      </div>
    </section>
  );
}
