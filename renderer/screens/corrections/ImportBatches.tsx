import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatTimestamp } from '../../format/dates';
import { useAction } from '../../host/use-action';
import { useQuery } from '../../host/use-query';

/** The book's import batches, newest first, each with 撤销导入 (a reason, a confirmation, one transaction). */
export function ImportBatches({ refresh }: { refresh: number }) {
  const { t } = useTranslation();
  const list = useQuery('corrections.batches', { limit: 20, offset: 0 });
  // A new import (refresh changes) shows at the top.
  useEffect(() => list.reload(), [refresh]);
  const { act, error, setError } = useAction();
  const [undoing, setUndoing] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const [done, setDone] = useState('');
  const rows = list.data?.rows ?? [];
  const confirm = async () => {
    const r = await act('corrections.undoImport', { batchId: undoing!, reason: reason.trim() });
    if (r) {
      setDone(t('corrections.undone', { batch: r.batch, reversed: r.reversed, reinstated: r.reinstated }));
      setUndoing(null);
      setReason('');
      list.reload();
    }
  };
  return (
    <section className="batches" data-testid="import-batches">
      <h2>{t('corrections.batches')}</h2>
      {done && <p className="notice ok" role="status" data-testid="undo-done">{done}</p>}
      {rows.length === 0 ? <p className="muted">{t('corrections.nothing')}</p> : (
        <table className="table compact">
          <thead><tr><th>{t('corrections.batch')}</th><th>{t('corrections.file')}</th><th>{t('corrections.documents')}</th><th>{t('corrections.by')}</th><th>{t('corrections.at')}</th><th /></tr></thead>
          <tbody>
            {rows.map((b) => (
              <tr key={String(b.batch)} data-testid={`batch-${String(b.batch)}`}>
                <td>{String(b.batch)}{b.kind === 'undo' ? ` · ${t('correctionActions.undo')} ${String(b.undoes)}` : ''}</td>
                <td>{String(b.file ?? '').split(/[\\/]/).pop()}</td><td className="num">{String(b.documents)}</td><td>{String(b.by)}</td>
                <td>{formatTimestamp(String(b.at))}</td>
                <td>{b.kind === 'import' && b.undone_by == null
                  ? <button type="button" className="danger" data-testid="undo-open" onClick={() => { setError(null); setUndoing(Number(b.batch)); }}>{t('corrections.undo')}</button>
                  : b.undone_by != null ? <span className="muted">{t('corrections.undoneBy', { batch: String(b.undone_by) })}</span> : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {undoing !== null && (
        <Dialog title={t('corrections.undoTitle', { batch: undoing })} onClose={() => setUndoing(null)} testId="undo-dialog">
          <p className="muted">{t('corrections.undoExplain')}</p>
          <label className="field wide"><span>{t('corrections.reason')}</span>
            <textarea rows={2} maxLength={500} value={reason} data-testid="undo-reason" onChange={(e) => setReason(e.target.value)} />
          </label>
          <ErrorNotice error={error} onClose={() => setError(null)} />
          <div className="row"><button type="button" className="danger" data-testid="undo-confirm" disabled={!reason.trim()} onClick={confirm}>{t('corrections.confirmUndo')}</button></div>
        </Dialog>
      )}
    </section>
  );
}
