import type { Book } from '../../db/connection.js';
import { getPeriod } from '../../db/queries/periods.js';
import type { Message } from '../../locale/index.js';
import { UserError } from '../errors.js';

/**
 * For writes the book's triggers do not see (reconciliation decisions, reclassifications, accepted exceptions):
 * a closed month refuses them too, with the same message.
 */
export function assertPeriodOpen(book: Book, period: string, what: Message): void {
  if (getPeriod(book, period)?.status === 'closed') {
    throw new UserError('ledger.period-closed-for', { period, what });
  }
}
