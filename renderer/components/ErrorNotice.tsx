import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import { hasMessage, isMessage, languageOf, renderMessage, type Params } from '../../locale/index.js';
import type { ServiceError } from '../../contract/service-contract';
import { CallError } from '../host/host';
import { useWords } from '../i18n/words';

/**
 * Any failure as a ServiceError (an unexpected exception becomes `internal`, never a stack on screen), its message
 * said in the window's language when it is a core message (so a form shows it beside its field as it is).
 */
export function asServiceError(e: unknown): ServiceError {
  if (!(e instanceof CallError)) return { code: 'internal', message: 'unexpected error' };
  const error = e.error;
  const lang = languageOf(i18next.language);
  if (hasMessage(error.code)) return { ...error, message: renderMessage(lang, { code: error.code, params: (error.params ?? {}) as Params }) };
  const detail = error.params?.detail;
  if (isMessage(detail)) return { ...error, message: renderMessage(lang, detail) };
  return error;
}

/** Failures of the way to the book (not of the book): their message is an English line for the log. */
const TRANSPORT = new Set(['internal', 'unknown-method', 'invalid-arguments', 'unauthorised', 'no-book', 'busy', 'offline', 'upload-failed', 'print-failed', 'cancelled']);

/**
 * A failed call in the user's words: what went wrong and where (file, row, field). A core message is said from the
 * catalog in the window's language; a failure of the transport (no book, busy, the bridge gone) by its own words.
 */
export function ErrorNotice({ error, onClose }: { error: ServiceError | null; onClose?: () => void }) {
  const { t } = useTranslation();
  const { say } = useWords();
  if (!error) return null;
  const detail = error.params?.detail;
  const said = hasMessage(error.code) ? say({ code: error.code, params: error.params ?? {} }) : '';
  // A transport failure by the window's own words; a check the window made itself by the words it gave.
  const title = said || (i18next.exists(`errors.${error.code}`) ? t(`errors.${error.code}`) : error.message || t('errors.generic'));
  // A check the window made itself carries its own words; a transport's message is for the log only.
  const own = !said && !TRANSPORT.has(error.code) && error.message && error.message !== title ? error.message : '';
  const more = !said && isMessage(detail) ? say(detail) : own;
  const where = [error.file ?? '', error.row !== undefined ? t('errors.row', { row: error.row }) : '', error.field ? t('errors.field', { field: error.field }) : ''].join('');
  return (
    <div className="notice error" role="alert" data-testid="error-notice" data-code={error.code}>
      <strong>{title}</strong>
      {where && <span className="where">{where}</span>}
      {more && <span className="detail">{more}</span>}
      {onClose && <button type="button" className="link" onClick={onClose}>{t('app.close')}</button>}
    </div>
  );
}
