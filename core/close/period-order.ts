import type { Book } from '../../db/connection.js';
import { earlierActivePeriods, laterClosedPeriod } from '../../db/queries/periods.js';
import { UserError } from '../errors.js';

/**
 * Months close in order, so nothing dated in an open month can move a closed month's opening balances: a month
 * is prepared only when no earlier month with documents is still open, and approved (closed) only when every such
 * month is closed.
 */
export function assertEarlierMonthsDone(book: Book, period: string, step: 'prepare' | 'approve'): void {
  const blocking = earlierActivePeriods(book, period).find((p) => (step === 'prepare' ? p.status === 'open' : p.status !== 'closed'));
  if (blocking) throw new UserError('security.earlier-month-open', { earlier: blocking.period, status: blocking.status, step, period });
}

/** A month is reopened only when no later month is closed (reopen the later one first). */
export function assertNoLaterMonthClosed(book: Book, period: string): void {
  const later = laterClosedPeriod(book, period);
  if (later) throw new UserError('security.later-month-closed', { later, period });
}
