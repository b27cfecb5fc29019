import type { Book } from '../../db/connection.js';
import { bookInfo } from '../../db/queries/book-info.js';
import { addMonths, periodsBetween } from '../calendar/dates.js';
import { reconcilePeriod } from '../reconcile/reconcile-period.js';
import { accruePeriod } from '../terms/accrue-period.js';
import { DEFAULT_DEMO_FROM } from './generate-demo.js';

/**
 * What an accountant would have done with the demo year month by month: every month reconciled (so remittances are
 * applied and deductions classified), and the last month's rebates and subsidies accrued. The window's 打开演示账套
 * and `ka-settle demo` both build the book this way, so they show the same figures.
 */
export function settleDemoYear(book: Book, actor: string): { periods: string[] } {
  const from = bookInfo(book).demo_from ?? DEFAULT_DEMO_FROM;
  const periods = periodsBetween(from, addMonths(from, 11));
  for (const period of periods) reconcilePeriod(book, { period, actor });
  accruePeriod(book, periods.at(-1)!, actor);
  return { periods };
}
