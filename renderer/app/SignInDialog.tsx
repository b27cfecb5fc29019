import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceError, ServiceResult } from '../../contract/service-contract';
import { Dialog } from '../components/Dialog';
import { asServiceError } from '../components/ErrorNotice';
import { Field, errorFor } from '../components/Field';
import { useHost } from '../host/host-context';

/** 登录: a user of this book proves who they are; sign-offs, settings and credit decisions go in their name. */
export function SignInDialog({ onClose, onSignedIn, reason }: { onClose: () => void; onSignedIn: (u: ServiceResult<'session.signIn'>['user']) => void; reason?: string }) {
  const { t } = useTranslation();
  const host = useHost();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ServiceError | null>(null);
  const submit = async () => {
    try {
      onSignedIn((await host.call('session.signIn', { username: username.trim(), password })).user);
    } catch (e) {
      setError(asServiceError(e));
    }
  };
  return (
    <Dialog title={t('signIn.title')} onClose={onClose} testId="sign-in-dialog">
      {reason && <p className="notice" data-testid="sign-in-reason">{reason}</p>}
      <form className="form-grid column" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <Field label={t('signIn.username')} error={errorFor(error, '--user') ?? (error && !error.field ? error.message : null)}>
          <input value={username} onChange={(e) => setUsername(e.target.value)} autoFocus autoComplete="username" data-testid="sign-in-user" />
        </Field>
        <Field label={t('signIn.password')} error={errorFor(error, 'password')}>
          <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" data-testid="sign-in-password" />
        </Field>
        <button type="submit" className="primary" data-testid="sign-in-submit" disabled={!username.trim() || !password}>{t('signIn.submit')}</button>
      </form>
    </Dialog>
  );
}
