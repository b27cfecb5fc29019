import { useTranslation } from 'react-i18next';
import { languageOf, renderMessage } from '../../locale/index.js';
import type { ServiceError } from '../../contract/service-contract';
import { CallError } from '../host/host';

/** Any failure as a ServiceError (an unexpected exception becomes `internal`, never a stack on screen). */
export function asServiceError(e: unknown): ServiceError {
  if (e instanceof CallError) return e.error;
  return { code: 'internal', message: 'unexpected error' };
}

/** A failed call in the user's words: what kind of failure, where (file, row, field), and the detail. */
export function ErrorNotice({ error, onClose }: { error: ServiceError | null; onClose?: () => void }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  // A core message with its parameters is said in the window's language; an older English sentence as it came.
  const detail = error.params ? renderMessage(languageOf(i18n.language), { code: error.code, params: error.params as never }) : error.message;
  const where = [error.file ?? '', error.row !== undefined ? t('errors.row', { row: error.row }) : '', error.field ? t('errors.field', { field: error.field }) : ''].join('');
  const title = t(`errors.${error.code}`, { defaultValue: t('errors.generic') });
  return (
    <div className="notice error" role="alert" data-testid="error-notice" data-code={error.code}>
      <strong>{title}</strong>
      {where && <span className="where">{where}</span>}
      {detail && detail !== title && <span className="detail">{detail}</span>}
      {onClose && <button type="button" className="link" onClick={onClose}>{t('app.close')}</button>}
    </div>
  );
}
