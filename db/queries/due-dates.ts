import type { Book } from '../connection.js';
import { stmt } from '../statements.js';

/**
 * The due date of a receivable in force on a date: the latest row of receivable_due_dates on or before it, else the
 * due date it was posted with. As SQL for the queries that age receivables (`o` is the open item, `@asOf` the date).
 */
export const DUE_ROW = `(SELECT t.id FROM receivable_due_dates t WHERE t.open_item_id = o.id AND t.effective_date <= @asOf
  ORDER BY t.effective_date DESC, t.id DESC LIMIT 1)`;

export function insertDueDate(book: Book, r: { open_item_id: number; effective_date: string; basis: string; terms_days: number; start_date: string | null; due_date: string | null; reason: string; created_by: string }): void {
  stmt(book.db, `INSERT INTO receivable_due_dates (open_item_id, effective_date, period, basis, terms_days, start_date, due_date, reason, created_by, created_at)
    VALUES (@open_item_id, @effective_date, @period, @basis, @terms_days, @start_date, @due_date, @reason, @created_by, @created_at)`)
    .run({ ...r, period: r.effective_date.slice(0, 7), created_at: new Date().toISOString() });
}

/** The due date in force on a date, and whether a row (rather than the posting) set it. */
export function dueInForce(book: Book, openItemId: number, asOf: string): { due_date: string | null; basis: string | null; from_row: number } {
  return stmt<[Record<string, unknown>], { due_date: string | null; basis: string | null; from_row: number }>(book.db, `SELECT
      CASE WHEN r.id IS NULL THEN o.due_date ELSE r.due_date END AS due_date, r.basis, CASE WHEN r.id IS NULL THEN 0 ELSE 1 END AS from_row
    FROM open_items o LEFT JOIN receivable_due_dates r ON r.id = ${DUE_ROW}
    WHERE o.id = @id`).get({ id: openItemId, asOf }) ?? { due_date: null, basis: null, from_row: 0 };
}

/** A receipt's receivable (应收账款-KA) and what is still open on it now. */
export function receivableOfDocument(book: Book, documentId: number): { id: number; doc_date: string; due_date: string | null; open_fen: number } | undefined {
  return stmt<[number], { id: number; doc_date: string; due_date: string | null; open_fen: number }>(book.db, `SELECT o.id, o.doc_date, o.due_date,
      o.amount_fen + coalesce((SELECT sum(p.amount_fen) FROM clearing_parts p WHERE p.open_item_id = o.id), 0) AS open_fen
    FROM open_items o WHERE o.document_id = ? AND o.account = 'ar_ka'`).get(documentId);
}

/** The receipts a KA contract governs (its manufacturer and KA, dated within it) that still owe something. */
export function openReceiptsUnderContract(book: Book, manufacturerId: number, kaAccountId: number, from: string, to: string) {
  return stmt<[number, number, string, string], { document_id: number; doc_date: string; open_item_id: number }>(book.db, `SELECT d.id AS document_id,
      d.doc_date, o.id AS open_item_id
    FROM documents d JOIN open_items o ON o.document_id = d.id AND o.account = 'ar_ka'
    WHERE d.kind = 'receipt' AND d.manufacturer_id = ? AND d.ka_account_id = ? AND d.doc_date BETWEEN ? AND ?
      AND o.amount_fen + coalesce((SELECT sum(p.amount_fen) FROM clearing_parts p WHERE p.open_item_id = o.id), 0) <> 0
    ORDER BY d.doc_date, d.id`).all(manufacturerId, kaAccountId, from, to);
}

/** The latest invoice date among the invoices covering a receipt now (none: not invoiced). */
export function lastInvoiceDateOf(book: Book, documentId: number): string | null {
  return stmt<[number], { d: string | null }>(book.db, `SELECT max(i.invoice_date) AS d FROM (
      SELECT invoice_id FROM invoice_links WHERE document_id = ? AND role = 'goods' GROUP BY invoice_id HAVING sum(amount_fen) > 0) x
    JOIN invoices i ON i.document_id = x.invoice_id`).get(documentId)?.d ?? null;
}

/** The date of the last invoice covering each invoiced receipt as of a date (links and invoices dated by then). */
export function invoiceDatesAsOf(book: Book, asOf: string): Map<number, string> {
  const rows = stmt<[string, string], { document_id: number; invoice_date: string }>(book.db, `SELECT x.document_id, max(i.invoice_date) AS invoice_date
    FROM (SELECT document_id, invoice_id FROM invoice_links WHERE role = 'goods' AND link_date <= ? GROUP BY document_id, invoice_id HAVING sum(amount_fen) > 0) x
    JOIN invoices i ON i.document_id = x.invoice_id WHERE i.invoice_date <= ? GROUP BY x.document_id`).all(asOf, asOf);
  return new Map(rows.map((r) => [r.document_id, r.invoice_date]));
}

/** Every receivable's due date set by a row and in force on a date (null: terms start at an invoice not yet issued). */
export function dueDatesInForce(book: Book, asOf: string): Map<number, string | null> {
  const rows = stmt<[string], { open_item_id: number; due_date: string | null }>(book.db, `SELECT open_item_id, due_date FROM receivable_due_dates
    WHERE effective_date <= ? ORDER BY open_item_id, effective_date, id`).all(asOf);
  return new Map(rows.map((r) => [r.open_item_id, r.due_date]));
}

/** The latest date from which a row set a receivable's due date (none: null). */
export function lastDueRowDate(book: Book, openItemId: number): string | null {
  return stmt<[number], { d: string | null }>(book.db, `SELECT max(effective_date) AS d FROM receivable_due_dates WHERE open_item_id = ?`).get(openItemId)?.d ?? null;
}
