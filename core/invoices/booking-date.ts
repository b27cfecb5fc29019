import type { Book } from '../../db/connection.js';
import { ensurePeriod, getPeriod } from '../../db/queries/periods.js';
import { addMonths, firstDayOf, periodOf } from '../calendar/dates.js';

/**
 * The day something about an invoice is booked: the day it happened, unless its month is closed; then the first day
 * of the first open month after it, so a late invoice is never lost and a closed month never changes.
 */
export function bookingDate(book: Book, date: string): string {
  let period = periodOf(date);
  ensurePeriod(book, period);
  if (getPeriod(book, period)!.status !== 'closed') return date;
  do {
    period = addMonths(period, 1);
    ensurePeriod(book, period);
  } while (getPeriod(book, period)!.status === 'closed');
  return firstDayOf(period);
}

/** The later of dates (ISO dates compare as text). */
export function latestOf(...dates: string[]): string {
  return dates.reduce((a, b) => (b > a ? b : a));
}
