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
  // A backup with users is restored by one of its managers or admins (the damaged book cannot be signed in to).
  const [who, setWho] = useState<{ username: string; password: string; reason: string } | null>(null);
  useEffect(() => {
    host.call('app.lastGoodBackup', { path }).then((r) => setBackup(r.backup), (e) => setError(asServiceError(e)));
  }, [host, path]);
  const restore = async () => {
    if (!backup) return;
    try {
      onRestored(await host.call('app.restoreDamaged', { path, file: backup.file, ...(who ? { username: who.username.trim(), password: who.password, reason: who.reason.trim() } : {}) }));
    } catch (e) {
      const err = asServiceError(e);
      if (err.code === 'security.restore-sign-in') setWho((w) => w ?? { username: '', password: '', reason: '' });
      setError(err);
    }
  };
  return (
    <div className="notice warn" role="alert" data-testid="damaged-offer">
      <ErrorNotice error={error} />
      {backup === null && <p>{t('damaged.none')}</p>}
      {backup && (
        <>
          <p>{t('damaged.offer', { name: backup.name, at: formatTimestamp(backup.takenAt) })}</p>
          {who && (
            <div className="form-grid" data-testid="restore-sign-in">
              <p>{t('security.restoreSignIn')}</p>
              <label className="field"><span>{t('signIn.username')}</span><input value={who.username} onChange={(e) => setWho({ ...who, username: e.target.value })} data-testid="restore-user" /></label>
              <label className="field"><span>{t('signIn.password')}</span><input type="password" value={who.password} onChange={(e) => setWho({ ...who, password: e.target.value })} data-testid="restore-password" /></label>
              <label className="field wide"><span>{t('security.reason')}</span><input value={who.reason} onChange={(e) => setWho({ ...who, reason: e.target.value })} /></label>
            </div>
          )}
          <button type="button" className="primary" data-testid="restore-last-good" onClick={restore}>{t('damaged.restore')}</button>
        </>
      )}
    </div>
  );
}
