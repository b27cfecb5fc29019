import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useAction } from '../../host/use-action';
import type { HqState } from './HqOpenPanel';

/** The head office's own sign-in (its users are not a book's), and who is signed in. */
export function HqSignIn({ state, onState }: { state: HqState; onState: (s: HqState) => void }) {
  const { t } = useTranslation();
  const { act, error, setError } = useAction();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  if (state.user) {
    return (
      <span className="row" data-testid="hq-user">
        {t('hq.signedIn', { name: state.user.displayName, role: t(`hqRoles.${state.user.role}`) })}
        <button type="button" className="link" onClick={async () => { const s = await act('hq.signOut', {}); if (s) onState(s); }} data-testid="hq-sign-out">{t('hq.signOut')}</button>
      </span>
    );
  }
  return (
    <form className="row" onSubmit={async (e) => { e.preventDefault(); const s = await act('hq.signIn', { username, password }); if (s) { setPassword(''); onState(s); } }}>
      <input value={username} onChange={(e) => setUsername(e.target.value)} placeholder={t('hq.user')} aria-label={t('hq.user')} data-testid="hq-sign-in-user" />
      <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} placeholder={t('hq.password')} aria-label={t('hq.password')} data-testid="hq-sign-in-password" />
      <button type="submit" disabled={!username || !password} data-testid="hq-sign-in">{t('hq.signIn')}</button>
      <ErrorNotice error={error} onClose={() => setError(null)} />
    </form>
  );
}
