import type { Book } from '../../db/connection.js';
import { listPeriods } from '../../db/queries/periods.js';
import { addMonths, firstDayOf, periodOf, today, type IsoDate } from '../calendar/dates.js';
import { UserError, type ErrorPlace } from '../errors.js';

/** How far before the book's first month a document may be dated without being confirmed. */
export const MONTHS_BEFORE_FIRST_PERIOD = 12;
/** Rows reported per date outside the window (each such date is one mistake, often on many rows). */
const ROWS_PER_DATE = 1_000;

/**
 * The dates a document may carry without the user confirming them: from a year before the book's first month to
 * today (this computer's calendar). A 9999-12-31 or a 1900-01-00 from a broken cell would otherwise open a month
 * of its own. A book with no months yet takes the file's own latest date (up to today) as its first month, so a
 * typo in the first file of a new book is caught as well. `--allow-dates` (the wizard's confirmation) lets them in.
 */
export class DateWindow {
  private readonly outside = new Map<IsoDate, { row: number; place: ErrorPlace }[]>();
  private latest: IsoDate | undefined;
  private readonly firstPeriod: string | undefined;
  private fixedFrom: IsoDate | undefined;
  readonly today: IsoDate;

  constructor(book: Book, private readonly allowed: boolean, now = new Date()) {
    this.firstPeriod = listPeriods(book)[0]?.period;
    this.today = today(now);
  }

  /** Whether a date is known to be in the window already, so noting it would change nothing (nearly every row's). */
  admits(date: IsoDate): boolean {
    return this.allowed || (this.firstPeriod !== undefined && date >= this.from() && date <= this.today);
  }

  /** Notes a document's date; the verdict waits for the whole file (an empty book's window needs all its dates). */
  note(date: IsoDate, place: ErrorPlace & { row: number }): void {
    if (this.admits(date)) return;
    if (date <= this.today && (!this.latest || date > this.latest)) this.latest = date;
    const rows = this.outside.get(date);
    if (rows) {
      if (rows.length < ROWS_PER_DATE) rows.push({ row: place.row, place });
      return;
    }
    this.outside.set(date, [{ row: place.row, place }]);
  }

  /** The first day a document may be dated. */
  from(): IsoDate {
    if (this.fixedFrom) return this.fixedFrom;
    const anchor = this.firstPeriod ?? periodOf(this.latest ?? this.today);
    const from = firstDayOf(addMonths(anchor, -MONTHS_BEFORE_FIRST_PERIOD));
    if (this.firstPeriod) this.fixedFrom = from;
    return from;
  }

  /** Each row dated outside the window, refused by row and field. */
  refusals(): UserError[] {
    if (this.allowed) return [];
    const from = this.from();
    const out: UserError[] = [];
    for (const [date, rows] of this.outside) {
      if (date >= from && date <= this.today) continue;
      for (const { place } of rows) out.push(new UserError('import-files.date-outside-window', { date, from, to: this.today }, place));
    }
    return out.sort((a, b) => (a.place.row ?? 0) - (b.place.row ?? 0));
  }
}
