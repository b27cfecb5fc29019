import { useTranslation } from 'react-i18next';
import type { ServiceResult } from '../../contract/service-contract';

type AppState = ServiceResult<'app.state'>;

/**
 * How the open book is protected, said where every screen shows it: a book without users is unprotected (and the
 * first user is offered); a book with users is read-only until someone signs in; a single-user book may have chosen
 * to be written without signing in.
 */
export function ProtectionBanner({ state, onAddUser, onSignIn }: { state: AppState; onAddUser: () => void; onSignIn: () => void }) {
  const { t } = useTranslation();
  const book = state.book;
  if (!book) return null;
  if (book.protection === 'none') {
    return (
      <p className="notice warn banner" role="status" data-testid="unprotected-banner">
        {t('security.unprotected')} <button type="button" className="link" data-testid="add-first-user" onClick={onAddUser}>{t('security.addFirstUser')}</button>
      </p>
    );
  }
  if (book.protection === 'relaxed' && !state.user) return <p className="notice banner" role="status" data-testid="relaxed-banner">{t('security.relaxed')}</p>;
  if (!state.user) {
    return (
      <p className="notice banner" role="status" data-testid="read-only-banner">
        {t('security.readOnly')} <button type="button" className="link" onClick={onSignIn}>{t('signIn.submit')}</button>
      </p>
    );
  }
  return null;
}
