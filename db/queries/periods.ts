import type { Book } from '../connection.js';
import { stmt } from '../statements.js';

export type { PeriodStatus } from '../../vocabulary/index.js';
import type { PeriodStatus } from '../../vocabulary/index.js';
export interface PeriodRow { period: string; status: PeriodStatus; changed_at: string | null; changed_by: string | null }

/** Months come into being when something is first dated in them. */
export function ensurePeriod(book: Book, period: string): void {
  stmt(book.db, 'INSERT OR IGNORE INTO periods (period, status) VALUES (?, ?)').run(period, 'open');
}

export function getPeriod(book: Book, period: string): PeriodRow | undefined {
  return stmt<[string], PeriodRow>(book.db, 'SELECT period, status, changed_at, changed_by FROM periods WHERE period = ?').get(period);
}

export function listPeriods(book: Book): PeriodRow[] {
  return stmt<[], PeriodRow>(book.db, 'SELECT period, status, changed_at, changed_by FROM periods ORDER BY period').all();
}

export function setPeriodStatus(book: Book, period: string, status: PeriodStatus, by: string): void {
  stmt(book.db, 'UPDATE periods SET status = ?, changed_at = ?, changed_by = ? WHERE period = ?')
    .run(status, new Date().toISOString(), by, period);
}

/** Each month with its state and how many deliveries are dated in it (the window opens on the latest such month). */
export function periodsWithDeliveries(book: Book): (PeriodRow & { deliveries: number })[] {
  return stmt<[], PeriodRow & { deliveries: number }>(book.db, `SELECT p.period, p.status, p.changed_at, p.changed_by,
      (SELECT count(*) FROM documents d WHERE d.kind = 'delivery' AND d.doc_date BETWEEN p.period || '-01' AND p.period || '-31') AS deliveries
    FROM periods p ORDER BY p.period`).all();
}

/** Earlier months in which something is dated, with their state (months close in order). */
export function earlierActivePeriods(book: Book, period: string): PeriodRow[] {
  return stmt<[string], PeriodRow>(book.db, `SELECT p.period, p.status, p.changed_at, p.changed_by FROM periods p
    WHERE p.period < ? AND EXISTS (SELECT 1 FROM documents d WHERE d.period = p.period) ORDER BY p.period`).all(period);
}

/** The first later month that is closed, if any. */
export function laterClosedPeriod(book: Book, period: string): string | undefined {
  return stmt<[string], { period: string }>(book.db, "SELECT period FROM periods WHERE period > ? AND status = 'closed' ORDER BY period LIMIT 1").get(period)?.period;
}
