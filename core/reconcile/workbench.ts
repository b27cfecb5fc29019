import type { Book } from '../../db/connection.js';
import { findKaAccount } from '../../db/queries/master-data.js';
import { deliverySide, receiptSide, workbenchCount, workbenchPage, workbenchRow, type WorkbenchFilter } from '../../db/queries/workbench.js';
import { assertPeriod } from '../calendar/dates.js';
import { UserError } from '../errors.js';

/** The workbench's filter as the window sends it (codes, not ids). */
export interface WorkbenchQuery {
  from: string; to: string; ka?: string; status?: string; store?: string; sku?: string; dateFrom?: string; dateTo?: string;
}

export function workbenchFilter(book: Book, q: WorkbenchQuery): WorkbenchFilter {
  const fromPeriod = assertPeriod(q.from, { field: 'from' });
  const toPeriod = assertPeriod(q.to, { field: 'to' });
  let kaAccountId: number | null = null;
  if (q.ka) {
    const ka = findKaAccount(book, q.ka);
    if (!ka) throw new UserError('unknown-code', `unknown KA account "${q.ka}"`, { field: 'ka' });
    kaAccountId = ka.id;
  }
  return {
    fromPeriod, toPeriod, kaAccountId, status: q.status ?? null, storeCode: q.store ?? null, sku: q.sku ?? null,
    dateFrom: q.dateFrom ?? null, dateTo: q.dateTo ?? null,
  };
}

/** A page of reconciliation results, and (when asked, for the first page) how many lines the filter selects. */
export function workbenchLines(book: Book, q: WorkbenchQuery & { withTotal?: boolean; offset: number; limit: number }) {
  const f = workbenchFilter(book, q);
  const rows = workbenchPage(book, f, q.limit, q.offset);
  return q.withTotal ? { rows, total: workbenchCount(book, f) } : { rows };
}

/** One delivery line with both sides of its match. */
export function workbenchLine(book: Book, lineId: number) {
  const line = workbenchRow(book, lineId);
  const delivery = deliverySide(book, lineId);
  if (!line || !delivery) throw new UserError('not-found', `line ${lineId} has no reconciliation result; reconcile its month first`, { field: 'lineId' });
  return { line, delivery, receipts: receiptSide(book, lineId) };
}

