import type { Book } from '../../db/connection.js';
import { firstOpenPeriodFrom } from '../../db/queries/corrections.js';
import { firstDayOf, lastDayOf, periodOf, type IsoDate } from '../calendar/dates.js';

/** The day within a month nearest to `today` (the month's first or last day when today is outside it). */
function dayIn(period: string, today: IsoDate): IsoDate {
  const first = firstDayOf(period);
  const last = lastDayOf(period);
  return today < first ? first : today > last ? last : today;
}

const later = (a: IsoDate, b: IsoDate) => (a > b ? a : b);

/**
 * When a reversal (红字) is dated: in the original's month if that month is open, else in the earliest open month
 * after it — on today's date when today falls in that month, else on the month's nearest day, and never before the
 * original itself.
 */
export function reversalDate(book: Book, originalDate: IsoDate, today: IsoDate): IsoDate {
  const period = firstOpenPeriodFrom(book, periodOf(originalDate));
  return later(dayIn(period, today), originalDate);
}

/**
 * The first open day on or after `date`: clearings that undo earlier clearings are dated no earlier than those,
 * so that ageing on any day between them still ties to the ledger.
 */
export function openDayFrom(book: Book, date: IsoDate, today: IsoDate): IsoDate {
  const period = firstOpenPeriodFrom(book, periodOf(date));
  return period === periodOf(date) ? date : later(dayIn(period, today), date);
}
