import type { ReactNode } from 'react';
import i18next from 'i18next';
import type { ServiceError } from '../../contract/service-contract';
import { hasMessage, isMessage, languageOf, renderMessage } from '../../locale/index.js';

/** Whether a failed call's field is this one (core names fields by key or path, e.g. "name" or "rebate.tiers.0.rate"). */
export function errorFor(error: ServiceError | null, name: string): string | null {
  if (!error?.field) return null;
  const f = error.field.replace(/ \(column [A-Z]+\)$/, '');
  if (!(f === name || f.startsWith(`${name}.`) || f.endsWith(`.${name}`))) return null;
  // A core message with its parameters is said in the window's language; a refused argument (invalid-arguments, a
  // transport code) by the contract's own message about it; an older English sentence as it came.
  const lang = languageOf(i18next.language);
  if (error.params && hasMessage(error.code)) return renderMessage(lang, { code: error.code, params: error.params as never });
  const detail = error.params?.detail;
  return isMessage(detail) ? renderMessage(lang, detail) : error.message;
}

/** A labelled form field with its validation message right beside it. */
export function Field({ label, error, children, wide }: { label: string; error?: string | null; children: ReactNode; wide?: boolean }) {
  return (
    <label className={`field ${wide ? 'wide' : ''} ${error ? 'has-error' : ''}`}>
      <span>{label}</span>
      {children}
      {error && <span className="field-error" role="alert">{error}</span>}
    </label>
  );
}
