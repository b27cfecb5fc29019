import type { Book } from '../../db/connection.js';
import { listDocuments } from '../../db/queries/listings.js';
import { assertPeriod } from '../calendar/dates.js';

/** What the month's accruals posted: rebate accruals, delivery-cost and price-protection claims. */
export function accrualDocuments(book: Book, periodText: string) {
  const period = assertPeriod(periodText, { field: 'period' });
  return ['rebate_accrual', 'delivery_cost_claim', 'price_protection_claim'].flatMap((kind) => listDocuments(book, { kind, period }, { limit: 1000, offset: 0 }));
}
