import { readRefusal } from '../../db/errors.js';
import { UserError } from '../errors.js';

/** What the writer knows about the row it was writing, to name it when the book refuses. */
export interface WriteContext {
  /** the period (YYYY-MM) of the row being written: the book's period lock does not say which period it refused */
  period?: string;
}

/** Turns the book's trigger and constraint refusals into messages an accountant can act on. */
export function asUserError(error: unknown, context: WriteContext = {}): unknown {
  const refusal = readRefusal(error);
  if (!refusal) return error;
  switch (refusal.code) {
    case 'period-closed': {
      const period = refusal.period ?? context.period;
      if (period === undefined) return new UserError('book.period-closed-unnamed', {});
      return new UserError('ledger.period-closed', { period });
    }
    case 'period-closed-later':
      return new UserError('security.period-before-closed');
    case 'immutable':
      return new UserError('ledger.immutable', { table: refusal.table });
    case 'correction':
      return new UserError(refusal.what === 'version-in-force' ? 'corrections.version-in-force' : 'corrections.not-a-mirror', {});
    case 'duplicate':
      return new UserError('ledger.duplicate', { detail: refusal.detail.replace(/^UNIQUE constraint failed: /, '') });
    case 'constraint':
      return new UserError('ledger.constraint', { detail: refusal.detail });
  }
}

/** Runs fn and rethrows book refusals as UserErrors, naming the period of what was written when the book refuses it. */
export function withBookErrors<T>(fn: () => T, context: WriteContext = {}): T {
  try {
    return fn();
  } catch (e) {
    throw asUserError(e, context);
  }
}
