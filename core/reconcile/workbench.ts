import type { Book } from '../../db/connection.js';
import { findKaAccount } from '../../db/queries/master-data.js';
import { deliverySide, receiptSide, workbenchPage, workbenchRow, workbenchTotals, type WorkbenchFilter } from '../../db/queries/workbench.js';
import { assertPeriod } from '../calendar/dates.js';
import { readStoredMessage, type Message } from '../../locale/index.js';
import { UserError } from '../errors.js';

/** A result row with its stored reason read back as a message. */
function withReason<R extends { reason: string }>(row: R): Omit<R, 'reason'> & { reason: Message } {
  return { ...row, reason: readStoredMessage(row.reason) };
}

/** The workbench's filter as the window sends it (codes, not ids). */
export interface WorkbenchQuery {
  from: string; to: string; ka?: string; status?: string; store?: string; sku?: string; dateFrom?: string; dateTo?: string;
}

/** The months and KA a workbench list is asked for, as codes from the window, checked and turned into ids. */
export function monthsAndKa(book: Book, q: { from: string; to: string; ka?: string }): { fromPeriod: string; toPeriod: string; kaAccountId: number | null } {
  const fromPeriod = assertPeriod(q.from, { field: 'from' });
  const toPeriod = assertPeriod(q.to, { field: 'to' });
  let kaAccountId: number | null = null;
  if (q.ka) {
    const ka = findKaAccount(book, q.ka);
    if (!ka) throw new UserError('master.unknown-ka', { code: q.ka }, { field: 'ka' });
    kaAccountId = ka.id;
  }
  return { fromPeriod, toPeriod, kaAccountId };
}

export function workbenchFilter(book: Book, q: WorkbenchQuery): WorkbenchFilter {
  const { fromPeriod, toPeriod, kaAccountId } = monthsAndKa(book, q);
  return {
    fromPeriod, toPeriod, kaAccountId, status: q.status ?? null, storeCode: q.store ?? null, sku: q.sku ?? null,
    dateFrom: q.dateFrom ?? null, dateTo: q.dateTo ?? null,
  };
}

/**
 * A page of reconciliation results, and (when asked, for the first page) how many lines the filter selects and
 * their sums — delivered, received and the difference — for the grid's 合计 row over every page, not just this one.
 */
export function workbenchLines(book: Book, q: WorkbenchQuery & { withTotal?: boolean; offset: number; limit: number }) {
  const f = workbenchFilter(book, q);
  const rows = workbenchPage(book, f, q.limit, q.offset).map(withReason);
  if (!q.withTotal) return { rows };
  const t = workbenchTotals(book, f);
  return { rows, total: t.lines, sums: { delivered: t.deliveredFen, received: t.receivedFen, difference: t.receivedFen - t.deliveredFen } };
}

/** One delivery line with both sides of its match. */
export function workbenchLine(book: Book, lineId: number) {
  const line = workbenchRow(book, lineId);
  const delivery = deliverySide(book, lineId);
  if (!line || !delivery) throw new UserError('reconcile.no-result', { line: lineId }, { field: 'lineId' });
  return { line: withReason(line), delivery, receipts: receiptSide(book, lineId) };
}

