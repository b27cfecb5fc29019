import { useTranslation } from 'react-i18next';
import type { ServiceResult } from '../../../contract/service-contract';
import { DifferenceTable } from './DifferenceTable';

type Preview = ServiceResult<'import.preview'>;

/**
 * What a re-imported file changes against the book (old → new, line by line), and 替换: tick it, give a reason and
 * preview again to see what would be replaced; importing then reverses each old version and posts the new one.
 */
export function ConflictsPanel({ preview, replace, reason, onReplace, onReason }: {
  preview: Preview; replace: boolean; reason: string; onReplace: (on: boolean) => void; onReason: (text: string) => void;
}) {
  const { t } = useTranslation();
  const list = replace ? preview.replaced : preview.conflicts;
  if (preview.conflicts.length === 0 && preview.replaced.length === 0) return null;
  return (
    <section className={`notice ${replace ? 'warn' : 'error'}`} data-testid="import-conflicts">
      <strong>{replace ? t('corrections.replacedTitle', { count: preview.replaced.length }) : t('corrections.conflictsTitle', { count: preview.conflicts.length })}</strong>
      {list.slice(0, 50).map((c) => (
        <div key={c.key} className="conflict" data-testid={`conflict-${c.docNo}`}>
          <p><strong>{c.key}</strong>{c.row !== undefined ? ` · ${t('errors.row', { row: c.row })}` : ''}{c.reason === 'reversed' ? ` · ${t('corrections.reversedInBook')}` : ''}</p>
          {c.difference && <DifferenceTable d={c.difference} />}
        </div>
      ))}
      <div className="row">
        <label className="inline"><input type="checkbox" checked={replace} data-testid="import-replace" onChange={(e) => onReplace(e.target.checked)} />{t('corrections.replace')}</label>
        {replace && <input aria-label={t('corrections.replaceReason')} placeholder={t('corrections.replaceReason')} value={reason} maxLength={500} data-testid="import-replace-reason" onChange={(e) => onReason(e.target.value)} />}
      </div>
      {!replace && <p className="muted small">{t('corrections.replaceHint')}</p>}
    </section>
  );
}

/** After the import: how many documents were replaced. */
export function ReplacedSummary({ count }: { count: number }) {
  const { t } = useTranslation();
  return count > 0 ? <p className="notice ok" role="status" data-testid="import-replaced">{t('corrections.replacedDone', { count })}</p> : null;
}
