import type { Book } from '../connection.js';
import { stmt } from '../statements.js';

export interface LinkRow {
  id: number; invoice_id: number; document_id: number; role: string; amount_fen: number; link_date: string; method: string;
  reverses_id: number | null; note: string | null;
}

export function insertLink(book: Book, r: { invoice_id: number; document_id: number; role: string; amount_fen: number; link_date: string; method: string; reverses_id: number | null; note: string | null; created_by: string }): number {
  return Number(stmt(book.db, `INSERT INTO invoice_links (invoice_id, document_id, role, amount_fen, link_date, period, method, reverses_id, note, created_by, created_at)
    VALUES (@invoice_id, @document_id, @role, @amount_fen, @link_date, @period, @method, @reverses_id, @note, @created_by, @created_at)`)
    .run({ ...r, period: r.link_date.slice(0, 7), created_at: new Date().toISOString() }).lastInsertRowid);
}

/** Several links of one invoice made at once, in one statement (an invoice covering a month of receipts). */
export function insertLinks(book: Book, invoiceId: number, rows: { document_id: number; role: string; amount_fen: number }[], o: { link_date: string; method: string; created_by: string }): void {
  stmt(book.db, `INSERT INTO invoice_links (invoice_id, document_id, role, amount_fen, link_date, period, method, reverses_id, note, created_by, created_at)
    SELECT @invoice_id, json_extract(j.value, '$.document_id'), json_extract(j.value, '$.role'), json_extract(j.value, '$.amount_fen'),
      @link_date, @period, @method, NULL, NULL, @created_by, @created_at FROM json_each(@rows) j ORDER BY j.key`)
    .run({ invoice_id: invoiceId, rows: JSON.stringify(rows), ...o, period: o.link_date.slice(0, 7), created_at: new Date().toISOString() });
}

/** What is linked to each of several documents, by role, by every invoice (all dates). */
export function linkedToDocuments(book: Book, documentIds: number[]): Map<string, number> {
  const rows = stmt<[string], { document_id: number; role: string; s: number }>(book.db, `SELECT document_id, role, sum(amount_fen) AS s FROM invoice_links
    WHERE document_id IN (SELECT value FROM json_each(?)) GROUP BY document_id, role`).all(JSON.stringify(documentIds));
  return new Map(rows.map((r) => [`${r.document_id}|${r.role}`, r.s]));
}

/**
 * Link rows in force (made and not reversed) between an invoice and a document, oldest first. (`+l.reverses_id`, here
 * and below, keeps SQLite on the invoice or document index rather than walking the reverses_id index over every link.)
 */
export function openLinkRows(book: Book, invoiceId: number, documentId: number, role: string | null): LinkRow[] {
  return stmt<[number, number, string | null, string | null], LinkRow>(book.db, `SELECT l.* FROM invoice_links l
    WHERE l.invoice_id = ? AND l.document_id = ? AND (? IS NULL OR l.role = ?) AND +l.reverses_id IS NULL
      AND NOT EXISTS (SELECT 1 FROM invoice_links r WHERE r.reverses_id = l.id) ORDER BY l.id`).all(invoiceId, documentId, role, role);
}

/** Every link row in force of an invoice. */
export function openLinksOfInvoice(book: Book, invoiceId: number): LinkRow[] {
  return stmt<[number], LinkRow>(book.db, `SELECT l.* FROM invoice_links l WHERE l.invoice_id = ? AND +l.reverses_id IS NULL
    AND NOT EXISTS (SELECT 1 FROM invoice_links r WHERE r.reverses_id = l.id) ORDER BY l.id`).all(invoiceId);
}

/** Every link row in force on a document. */
export function openLinksOfDocument(book: Book, documentId: number): LinkRow[] {
  return stmt<[number], LinkRow>(book.db, `SELECT l.* FROM invoice_links l WHERE l.document_id = ? AND +l.reverses_id IS NULL
    AND NOT EXISTS (SELECT 1 FROM invoice_links r WHERE r.reverses_id = l.id) ORDER BY l.id`).all(documentId);
}

/** What is linked to a document in one role, by every invoice, as of a date. */
export function linkedToDocument(book: Book, documentId: number, role: string, asOf: string): number {
  return stmt<[number, string, string], { s: number | null }>(book.db, `SELECT sum(amount_fen) AS s FROM invoice_links
    WHERE document_id = ? AND role = ? AND link_date <= ?`).get(documentId, role, asOf)?.s ?? 0;
}

/** The invoices linked to a document, with what each covers now. */
export function invoicesOfDocument(book: Book, documentId: number) {
  return stmt<[number], { invoice_id: number; number: string; invoice_date: string; role: string; amount_fen: number; methods: string }>(book.db,
    `SELECT l.invoice_id, d.doc_no AS number, i.invoice_date, l.role, sum(l.amount_fen) AS amount_fen, group_concat(DISTINCT l.method) AS methods
     FROM invoice_links l JOIN invoices i ON i.document_id = l.invoice_id JOIN documents d ON d.id = l.invoice_id
     WHERE l.document_id = ? GROUP BY l.invoice_id, l.role HAVING sum(l.amount_fen) <> 0 ORDER BY i.invoice_date, l.invoice_id`).all(documentId);
}

/** The documents an invoice covers now, with their numbers and what it covers of each. */
export function documentsOfInvoice(book: Book, invoiceId: number) {
  return stmt<[number], { document_id: number; kind: string; doc_no: string; doc_date: string; total_fen: number; role: string; amount_fen: number; methods: string }>(book.db,
    `SELECT l.document_id, d.kind, d.doc_no, d.doc_date, d.total_fen, l.role, sum(l.amount_fen) AS amount_fen, group_concat(DISTINCT l.method) AS methods
     FROM invoice_links l JOIN documents d ON d.id = l.document_id
     WHERE l.invoice_id = ? GROUP BY l.document_id, l.role HAVING sum(l.amount_fen) <> 0 ORDER BY d.doc_date, d.id`).all(invoiceId);
}

/** Which of a set of receipts are covered, wholly or in part, by an invoice made by hand (auto-linking leaves them be). */
export function manuallyLinked(book: Book, documentId: number): boolean {
  return stmt<[number], { n: number }>(book.db, `SELECT count(*) AS n FROM invoice_links l WHERE l.document_id = ? AND l.method = 'manual'
    AND +l.reverses_id IS NULL AND NOT EXISTS (SELECT 1 FROM invoice_links r WHERE r.reverses_id = l.id)`).get(documentId)!.n > 0;
}

export function invoiceHasManualLinks(book: Book, invoiceId: number): boolean {
  return stmt<[number], { n: number }>(book.db, `SELECT count(*) AS n FROM invoice_links l WHERE l.invoice_id = ? AND l.method = 'manual'
    AND +l.reverses_id IS NULL AND NOT EXISTS (SELECT 1 FROM invoice_links r WHERE r.reverses_id = l.id)`).get(invoiceId)!.n > 0;
}
