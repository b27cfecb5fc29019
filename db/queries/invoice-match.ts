import type { Book } from '../connection.js';
import { stmt } from '../statements.js';
import { inForce } from './corrections.js';
import { DUE_ROW } from './due-dates.js';

/**
 * The figures of the three-way match (三单匹配), as of a date: a month's receipts, returns and 票扣 deductions of a KA
 * (or every KA), what of each is settled (cleared, clearings dated by then), what invoices cover of it (links dated
 * by then) and, for receipts, the due date in force then.
 */
export interface MonthDocument {
  id: number; kind: string; doc_no: string; doc_date: string; period: string; ka_account_id: number; ka_code: string; ka_name: string;
  distributor_id: number | null; store_id: number | null; total_fen: number; open_fen: number; covered_fen: number;
  due_date: string | null; awaiting_invoice: number;
}

export function monthDocuments(book: Book, periods: string[], kaAccountId: number | null, distributorId: number | null, asOf: string): MonthDocument[] {
  return stmt<[Record<string, unknown>], MonthDocument>(book.db, `SELECT d.id, d.kind, d.doc_no, d.doc_date, d.period, d.ka_account_id,
      k.code AS ka_code, k.name AS ka_name, d.distributor_id, d.store_id, d.total_fen,
      coalesce(o.amount_fen + coalesce((SELECT sum(p.amount_fen) FROM clearing_parts p JOIN clearings c ON c.id = p.clearing_id
        WHERE p.open_item_id = o.id AND c.clearing_date <= @asOf), 0), 0) AS open_fen,
      coalesce((SELECT sum(l.amount_fen) FROM invoice_links l WHERE l.document_id = d.id AND l.link_date <= @asOf
        AND l.role = CASE d.kind WHEN 'receipt' THEN 'goods' WHEN 'return' THEN 'return' ELSE 'discount' END), 0) AS covered_fen,
      CASE WHEN r.id IS NULL THEN o.due_date ELSE r.due_date END AS due_date,
      CASE WHEN r.id IS NOT NULL AND r.due_date IS NULL THEN 1 ELSE 0 END AS awaiting_invoice
    FROM documents d JOIN ka_accounts k ON k.id = d.ka_account_id
      LEFT JOIN open_items o ON o.document_id = d.id AND o.account = 'ar_ka'
      LEFT JOIN receivable_due_dates r ON r.id = ${DUE_ROW}
    WHERE d.period IN (SELECT value FROM json_each(@periods)) AND d.doc_date <= @asOf
      AND (d.kind IN ('receipt', 'return') OR (d.kind = 'deduction' AND d.method = 'invoice'))
      AND (@ka IS NULL OR d.ka_account_id = @ka) AND (@distributor IS NULL OR d.distributor_id = @distributor)
      AND ${inForce('d', '@asOf')}
    ORDER BY k.code, d.doc_date, d.id`).all({ periods: JSON.stringify(periods), ka: kaAccountId, distributor: distributorId, asOf });
}

/**
 * Every link in force on a date of the issued invoices that cover any of the given documents, with the period of what
 * they cover. A link to a document reversed by then covers nothing: the invoice is set against what is in force.
 */
export function linksOfInvoicesCovering(book: Book, documentIds: number[], asOf: string) {
  return stmt<[Record<string, unknown>], { invoice_id: number; document_id: number; role: string; amount_fen: number; doc_period: string; doc_kind: string }>(book.db,
    `SELECT l.invoice_id, l.document_id, l.role, sum(l.amount_fen) AS amount_fen, d.period AS doc_period, d.kind AS doc_kind
     FROM invoice_links l JOIN documents d ON d.id = l.document_id JOIN invoices i ON i.document_id = l.invoice_id
     WHERE l.link_date <= @asOf AND i.direction = 'issued' AND l.role IN ('goods', 'return', 'discount') AND ${inForce('d', '@asOf')}
       AND l.invoice_id IN (SELECT DISTINCT x.invoice_id FROM invoice_links x WHERE x.link_date <= @asOf
         AND x.document_id IN (SELECT value FROM json_each(@docs)))
     GROUP BY l.invoice_id, l.document_id, l.role HAVING sum(l.amount_fen) <> 0`).all({ docs: JSON.stringify(documentIds), asOf });
}

export interface MatchInvoice {
  id: number; doc_no: string; doc_date: string; invoice_date: string; colour: string; gross_fen: number; ka_account_id: number | null;
  distributor_id: number | null; items: number;
}

export function matchInvoices(book: Book, ids: number[]): MatchInvoice[] {
  return stmt<[string], MatchInvoice>(book.db, `SELECT d.id, d.doc_no, d.doc_date, i.invoice_date, i.colour, i.gross_fen,
      d.ka_account_id, d.distributor_id, (SELECT count(*) FROM invoice_items x WHERE x.document_id = i.document_id) AS items
    FROM invoices i JOIN documents d ON d.id = i.document_id WHERE d.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids));
}

/**
 * Issued invoices of a KA booked by a date, valid on it, dated in the given months, that cover nothing on that date
 * (no links, or rebate links only, or links only to documents reversed by then): invoiced with nothing accepted behind them.
 */
export function uncoveringInvoices(book: Book, periods: string[], kaAccountId: number | null, distributorId: number | null, asOf: string) {
  return stmt<[Record<string, unknown>], MatchInvoice & { ka_code: string; ka_name: string; period: string }>(book.db, `SELECT d.id, d.doc_no, d.doc_date,
      i.invoice_date, i.colour, i.gross_fen, k.id AS ka_account_id, k.code AS ka_code, k.name AS ka_name, d.distributor_id,
      substr(i.invoice_date, 1, 7) AS period, (SELECT count(*) FROM invoice_items x WHERE x.document_id = i.document_id) AS items
    FROM invoices i JOIN documents d ON d.id = i.document_id
      LEFT JOIN ka_invoicing_entities e ON e.tax_id = i.buyer_tax_id
      JOIN ka_accounts k ON k.id = coalesce(d.ka_account_id, e.ka_account_id)
    WHERE i.direction = 'issued' AND substr(i.invoice_date, 1, 7) IN (SELECT value FROM json_each(@periods)) AND d.doc_date <= @asOf
      AND (@ka IS NULL OR k.id = @ka) AND (@distributor IS NULL OR d.distributor_id = @distributor)
      AND coalesce((SELECT s.status FROM invoice_status_changes s WHERE s.document_id = i.document_id AND s.effective_date <= @asOf
        ORDER BY s.effective_date DESC, s.id DESC LIMIT 1), 'valid') = 'valid'
      AND coalesce((SELECT sum(l.amount_fen) FROM invoice_links l JOIN documents c ON c.id = l.document_id
        WHERE l.invoice_id = i.document_id AND l.link_date <= @asOf AND (l.role = 'rebate' OR ${inForce('c', '@asOf')})), 0) = 0
    ORDER BY k.code, i.invoice_date, d.id`).all({ periods: JSON.stringify(periods), ka: kaAccountId, distributor: distributorId, asOf });
}

/** Accepted value by product of receipts, and invoiced value (with tax) by product of invoices, for the lines that differ. */
export function receiptValueByProduct(book: Book, documentIds: number[]) {
  return stmt<[string], { product_id: number | null; sku: string | null; name: string | null; amount_fen: number }>(book.db,
    `SELECT l.product_id, p.sku, p.name, sum(l.amount_fen) AS amount_fen FROM document_lines l LEFT JOIN products p ON p.id = l.product_id
     WHERE l.document_id IN (SELECT value FROM json_each(?)) GROUP BY l.product_id ORDER BY p.sku`).all(JSON.stringify(documentIds));
}

export function invoicedValueByProduct(book: Book, invoiceIds: number[]) {
  return stmt<[string], { product_id: number | null; item_name: string; sku: string | null; name: string | null; amount_fen: number; is_discount: number }>(book.db,
    `SELECT x.product_id, min(x.item_name) AS item_name, p.sku, p.name, sum(x.net_fen + x.tax_fen) AS amount_fen, x.is_discount
     FROM invoice_items x LEFT JOIN products p ON p.id = x.product_id
     WHERE x.document_id IN (SELECT value FROM json_each(?))
     GROUP BY x.is_discount, coalesce(CAST(x.product_id AS TEXT), x.item_name) ORDER BY p.sku, item_name`).all(JSON.stringify(invoiceIds));
}

/** The lines of receipts as an invoice would carry them: product, tax classification, quantity, value with tax. */
export function linesForInvoicing(book: Book, documentIds: number[]) {
  return stmt<[string], { document_id: number; doc_no: string; store_id: number | null; region: string | null; sku: string | null; name: string | null; spec: string | null;
    tax_code: string | null; tax_category: string | null; vat_rate_ppm: number | null; qty_milli: number | null; amount_fen: number }>(book.db,
    `SELECT l.document_id, d.doc_no, coalesce(l.store_id, d.store_id) AS store_id, s.region, p.sku, p.name, p.spec, p.tax_code, p.tax_category,
       p.vat_rate_ppm, l.qty_milli, l.amount_fen
     FROM document_lines l JOIN documents d ON d.id = l.document_id LEFT JOIN products p ON p.id = l.product_id
       LEFT JOIN stores s ON s.id = coalesce(l.store_id, d.store_id)
     WHERE l.document_id IN (SELECT value FROM json_each(?)) ORDER BY d.doc_date, d.id, l.line_no`).all(JSON.stringify(documentIds));
}
