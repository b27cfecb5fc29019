import type { Book } from '../connection.js';
import { stmt } from '../statements.js';
import { inForce } from './corrections.js';

/** A document an invoice may cover: a receipt, a return or a deduction. */
export interface TargetDocument {
  id: number; kind: string; doc_no: string; doc_date: string; period: string; ka_account_id: number | null; ka_code: string | null;
  store_id: number | null; distributor_id: number | null; manufacturer_id: number | null; method: string | null; total_fen: number;
  reference: string | null; order_no: string | null;
}

const TARGET_COLS = `d.id, d.kind, d.doc_no, d.doc_date, d.period, d.ka_account_id, k.code AS ka_code, d.store_id, d.distributor_id,
  d.manufacturer_id, d.method, d.total_fen, d.reference, d.order_no`;

export function targetDocument(book: Book, id: number): TargetDocument | undefined {
  return stmt<[number], TargetDocument>(book.db, `SELECT ${TARGET_COLS} FROM documents d LEFT JOIN ka_accounts k ON k.id = d.ka_account_id
    WHERE d.id = ?`).get(id);
}

/** Several documents at once, by id. */
export function targetDocuments(book: Book, ids: number[]): Map<number, TargetDocument> {
  const rows = stmt<[string], TargetDocument>(book.db, `SELECT ${TARGET_COLS} FROM documents d LEFT JOIN ka_accounts k ON k.id = d.ka_account_id
    WHERE d.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Receipts, returns and deductions in force by number (or natural key), for linking by hand (a reversed one is gone). */
export function targetsByNumber(book: Book, key: string): TargetDocument[] {
  return stmt<[string, string], TargetDocument>(book.db, `SELECT ${TARGET_COLS} FROM documents d LEFT JOIN ka_accounts k ON k.id = d.ka_account_id
    WHERE (d.doc_no = ? OR d.natural_key = ?) AND d.kind IN ('receipt', 'return', 'deduction') AND ${inForce('d')} ORDER BY d.id`).all(key, key);
}

/** An invoice with its document and the KA it belongs to (its own, or its buyer's or seller's entity's when added later). */
export interface InvoiceDocument {
  id: number; doc_no: string; doc_date: string; kind: string; distributor_id: number | null; manufacturer_id: number | null;
  ka_account_id: number | null; ka_code: string | null; direction: string; colour: string; invoice_type: string; invoice_date: string;
  gross_fen: number; net_fen: number; tax_fen: number; remark: string | null; seller_tax_id: string; seller_name: string;
  buyer_tax_id: string; buyer_name: string; original_document_id: number | null; original_number: string | null; source: string;
}

const INVOICE_COLS = `d.id, d.doc_no, d.doc_date, d.kind, d.distributor_id, d.manufacturer_id,
  coalesce(d.ka_account_id, e.ka_account_id) AS ka_account_id, k.code AS ka_code, i.direction, i.colour, i.invoice_type, i.invoice_date,
  i.gross_fen, i.net_fen, i.tax_fen, i.remark, i.seller_tax_id, i.seller_name, i.buyer_tax_id, i.buyer_name, i.original_document_id,
  i.original_number, i.source`;
const INVOICE_FROM = `invoices i JOIN documents d ON d.id = i.document_id
  LEFT JOIN ka_invoicing_entities e ON e.tax_id = CASE WHEN i.direction = 'issued' THEN i.buyer_tax_id ELSE i.seller_tax_id END
  LEFT JOIN ka_accounts k ON k.id = coalesce(d.ka_account_id, e.ka_account_id)`;

export function invoiceDocument(book: Book, id: number): InvoiceDocument | undefined {
  return stmt<[number], InvoiceDocument>(book.db, `SELECT ${INVOICE_COLS} FROM ${INVOICE_FROM} WHERE i.document_id = ?`).get(id);
}

export function invoiceDocumentByNumber(book: Book, key: string): InvoiceDocument | undefined {
  return stmt<[string, string], InvoiceDocument>(book.db, `SELECT ${INVOICE_COLS} FROM ${INVOICE_FROM}
    WHERE d.natural_key = ? OR i.invoice_number = ? ORDER BY d.id LIMIT 1`).get(key, key);
}

/** Invoices of a KA (by their own KA or their entity's), optionally only those booked in a date range. */
export function invoicesOfKa(book: Book, kaAccountId: number, from: string, to: string): InvoiceDocument[] {
  return stmt<[number, string, string], InvoiceDocument>(book.db, `SELECT ${INVOICE_COLS} FROM ${INVOICE_FROM}
    WHERE coalesce(d.ka_account_id, e.ka_account_id) = ? AND i.invoice_date BETWEEN ? AND ? ORDER BY i.invoice_date, d.id`).all(kaAccountId, from, to);
}

/** Every invoice recorded in a batch (an import), for linking what it brought. */
export function invoicesOfBatch(book: Book, batchId: number): number[] {
  return stmt<[number], { id: number }>(book.db, `SELECT d.id FROM documents d WHERE d.batch_id = ? AND d.kind IN ('invoice_issued', 'invoice_received')
    ORDER BY d.id`).all(batchId).map((r) => r.id);
}

/** A deduction's lines with the fee type each was classified as (the reconciliation's, the user's, or none yet). */
export function deductionFeeLines(book: Book, documentId: number) {
  return stmt<[number], { line_id: number; line_no: number; amount_fen: number; fee_text: string | null; fee_type: string | null }>(book.db,
    `SELECT l.id AS line_id, l.line_no, l.amount_fen, l.fee_text, coalesce(c.fee_type, l.fee_type) AS fee_type
     FROM document_lines l LEFT JOIN deduction_checks c ON c.line_id = l.id WHERE l.document_id = ? ORDER BY l.line_no`).all(documentId);
}

/** The deductions of KA months (every KA, or one), up to a date, for the fee-invoice list. */
export function deductionsOfMonths(book: Book, periods: string[], kaAccountId: number | null, distributorId: number | null, asOf: string): TargetDocument[] {
  return stmt<[Record<string, unknown>], TargetDocument>(book.db, `SELECT ${TARGET_COLS} FROM documents d LEFT JOIN ka_accounts k ON k.id = d.ka_account_id
    WHERE d.kind = 'deduction' AND d.reverses_id IS NULL AND d.period IN (SELECT value FROM json_each(@periods)) AND d.doc_date <= @asOf
      AND NOT EXISTS (SELECT 1 FROM documents r WHERE r.reverses_id = d.id AND r.doc_date <= @asOf)
      AND (@ka IS NULL OR d.ka_account_id = @ka) AND (@distributor IS NULL OR d.distributor_id = @distributor)
    ORDER BY k.code, d.doc_date, d.id`).all({ periods: JSON.stringify(periods), ka: kaAccountId, distributor: distributorId, asOf });
}

/** What invoices cover of a document in a role, as of a date, with their numbers. */
export function coverOfDocument(book: Book, documentId: number, role: string, asOf: string): { amount: number; numbers: string[] } {
  const rows = stmt<[number, string, string], { number: string; amount_fen: number }>(book.db, `SELECT d.doc_no AS number, sum(l.amount_fen) AS amount_fen
    FROM invoice_links l JOIN documents d ON d.id = l.invoice_id WHERE l.document_id = ? AND l.role = ? AND l.link_date <= ?
    GROUP BY l.invoice_id HAVING sum(l.amount_fen) > 0 ORDER BY l.invoice_id`).all(documentId, role, asOf);
  return { amount: rows.reduce((s, r) => s + r.amount_fen, 0), numbers: rows.map((r) => r.number) };
}
