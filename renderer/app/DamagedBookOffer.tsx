import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceResult } from '../../contract/service-contract';
import { ErrorNotice, asServiceError } from '../components/ErrorNotice';
import { formatTimestamp } from '../format/dates';
import { useHost } from '../host/host-context';

type Backup = NonNullable<ServiceResult<'app.lastGoodBackup'>['backup']>;

/**
 * A book failed its startup check: offer its newest backup that passes, restored in its place (the damaged file is
 * kept aside, never deleted).
 */
export function DamagedBookOffer({ path, onRestored }: { path: string; onRestored: (s: ServiceResult<'app.state'>) => void }) {
  const { t } = useTranslation();
  const host = useHost();
  const [backup, setBackup] = useState<Backup | null | undefined>(undefined);
  const [error, setError] = useState<ReturnType<typeof asServiceError> | null>(null);
  useEffect(() => {
    host.call('app.lastGoodBackup', { path }).then((r) => setBackup(r.backup), (e) => setError(asServiceError(e)));
  }, [host, path]);
  const restore = async () => {
    if (!backup) return;
    try {
      onRestored(await host.call('app.restoreDamaged', { path, file: backup.file }));
    } catch (e) {
      setError(asServiceError(e));
    }
  };
  return (
    <div className="notice warn" role="alert" data-testid="damaged-offer">
      <ErrorNotice error={error} />
      {backup === null && <p>{t('damaged.none')}</p>}
      {backup && (
        <>
          <p>{t('damaged.offer', { name: backup.name, at: formatTimestamp(backup.takenAt) })}</p>
          <button type="button" className="primary" data-testid="restore-last-good" onClick={restore}>{t('damaged.restore')}</button>
        </>
      )}
    </div>
  );
}
