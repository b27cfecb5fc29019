import type { ReactNode } from 'react';
import type { ServiceError } from '../../contract/service-contract';

/** Whether a failed call's field is this one (core names fields by key or path, e.g. "name" or "rebate.tiers.0.rate"). */
export function errorFor(error: ServiceError | null, name: string): string | null {
  if (!error?.field) return null;
  const f = error.field.replace(/ \(column [A-Z]+\)$/, '');
  return f === name || f.startsWith(`${name}.`) || f.endsWith(`.${name}`) ? error.message : null;
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
