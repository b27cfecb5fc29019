import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceError, ServiceResult } from '../../contract/service-contract';
import { Dialog } from '../components/Dialog';
import { ErrorNotice, asServiceError } from '../components/ErrorNotice';
import { formatTimestamp } from '../format/dates';
import { useHost } from '../host/host-context';

type Backup = ServiceResult<'book.backups'>['backups'][number];

/** 恢复: the book's backups, newest first; restoring asks once more and backs up the current book first. */
export function RestoreDialog({ onClose, onRestored }: { onClose: () => void; onRestored: (message: string) => void }) {
  const { t } = useTranslation();
  const host = useHost();
  const [backups, setBackups] = useState<Backup[] | null>(null);
  const [asking, setAsking] = useState<Backup | null>(null);
  const [error, setError] = useState<ServiceError | null>(null);
  const [reason, setReason] = useState('');
  useEffect(() => {
    host.call('book.backups', {}).then((r) => setBackups(r.backups), (e) => setError(asServiceError(e)));
  }, [host]);
  const restore = async (b: Backup) => {
    try {
      const r = await host.call('book.restore', { file: b.file, reason: reason.trim() });
      onRestored(t('restore.done', { name: b.name, safety: r.safetyCopy }));
    } catch (e) {
      setError(asServiceError(e));
      setAsking(null);
    }
  };
  return (
    <Dialog title={t('restore.title')} onClose={onClose} testId="restore-dialog">
      <p>{t('restore.intro')}</p>
      <ErrorNotice error={error} />
      {backups?.length === 0 && <p className="muted">{t('restore.none')}</p>}
      {asking ? (
        <div className="confirm">
          <p>{t('restore.confirm', { name: asking.name })}</p>
          {/* Taking a closed month's close away needs a manager or admin who did not sign it, and this reason. */}
          <label className="field wide"><span>{t('security.reason')}</span>
            <input value={reason} onChange={(e) => setReason(e.target.value)} data-testid="restore-reason" /></label>
          <div className="row">
            <button type="button" className="danger" data-testid="restore-confirm" onClick={() => restore(asking)}>{t('app.confirm')}</button>
            <button type="button" onClick={() => setAsking(null)} autoFocus>{t('app.cancel')}</button>
          </div>
        </div>
      ) : backups && backups.length > 0 && (
        <table className="table compact">
          <thead><tr><th>{t('restore.file')}</th><th>{t('restore.taken')}</th><th>{t('restore.size')}</th><th /></tr></thead>
          <tbody>
            {backups.map((b) => (
              <tr key={b.file}><td>{b.name}</td><td>{formatTimestamp(b.takenAt)}</td><td className="num">{(b.bytes / 1024 / 1024).toFixed(1)} MB</td>
                <td><button type="button" onClick={() => setAsking(b)}>{t('restore.choose')}</button></td></tr>
            ))}
          </tbody>
        </table>
      )}
    </Dialog>
  );
}
