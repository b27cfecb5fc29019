import { readRefusal } from '../../db/errors.js';
import { UserError } from '../errors.js';

/** Turns the book's trigger and constraint refusals into messages an accountant can act on. */
export function asUserError(error: unknown): unknown {
  const refusal = readRefusal(error);
  if (!refusal) return error;
  switch (refusal.code) {
    case 'period-closed':
      return new UserError('ledger.period-closed', { period: refusal.period });
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

/** Runs fn and rethrows book refusals as UserErrors. */
export function withBookErrors<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw asUserError(e);
  }
}
