import type { Book } from '../connection.js';
import { stmt } from '../statements.js';

/** A receipt line nobody delivered, with the user's word on it if there is one. */
export interface UnexpectedRow {
  line_id: number; period: string; ka: string | null; store: string | null; store_name: string | null; sku: string | null; product_name: string | null;
  order_no: string | null; receipt_no: string; receipt_date: string; qty_milli: number | null; price_e4: number | null; amount_fen: number; reason: string;
  decision: string | null; note: string | null;
}

/** The receipt lines the matching found without a delivery, for a range of months, oldest first. */
export function unexpectedRows(book: Book, f: { fromPeriod: string; toPeriod: string; kaAccountId: number | null; open: boolean }): UnexpectedRow[] {
  return stmt<[Record<string, unknown>], UnexpectedRow>(book.db, `SELECT r.line_id, r.period, k.code AS ka, s.store_code AS store, s.name AS store_name,
      p.sku, p.name AS product_name, coalesce(l.order_no, d.order_no) AS order_no, d.doc_no AS receipt_no, d.doc_date AS receipt_date, l.qty_milli, l.price_e4,
      l.amount_fen, r.reason, x.decision, x.note
    FROM recon_receipt_lines r JOIN document_lines l ON l.id = r.line_id JOIN documents d ON d.id = l.document_id
      LEFT JOIN ka_accounts k ON k.id = r.ka_account_id LEFT JOIN stores s ON s.id = coalesce(l.store_id, d.store_id)
      LEFT JOIN products p ON p.id = l.product_id LEFT JOIN recon_decisions x ON x.line_id = r.line_id
    WHERE r.status = 'unexpected' AND r.period BETWEEN @from AND @to AND (@ka IS NULL OR r.ka_account_id = @ka) AND (@open = 0 OR x.line_id IS NULL)
    ORDER BY d.doc_date, r.line_id`).all({ from: f.fromPeriod, to: f.toPeriod, ka: f.kaAccountId, open: f.open ? 1 : 0 });
}

/**
 * The delivery lines a receipt line could belong to: same KA, store and product, delivered up to `windowDays`
 * before the receipt (or after it, a late note), and not matched — nearest date first.
 */
export function deliveryCandidates(book: Book, receiptLineId: number, windowDays: number) {
  return stmt<[Record<string, unknown>], { line_id: number; delivery_no: string; delivery_date: string; status: string; delivered_qty: number; received_qty: number; line_delivered_fen: number; order_no: string | null }>(book.db, `SELECT c.line_id,
      dd.doc_no AS delivery_no, c.delivery_date, coalesce(x.override_to, c.status) AS status, c.delivered_qty, c.received_qty, c.line_delivered_fen, c.order_no
    FROM document_lines rl JOIN documents rd ON rd.id = rl.document_id
      JOIN recon_delivery_lines c ON c.ka_account_id = rd.ka_account_id AND c.store_id = coalesce(rl.store_id, rd.store_id) AND c.product_id = rl.product_id
      JOIN document_lines dl ON dl.id = c.line_id JOIN documents dd ON dd.id = dl.document_id
      LEFT JOIN recon_decisions x ON x.line_id = c.line_id
    WHERE rl.id = @line AND coalesce(x.override_to, c.status) <> 'matched'
      AND c.delivery_date BETWEEN date(rd.doc_date, '-' || @window || ' days') AND date(rd.doc_date, '+' || @window || ' days')
    ORDER BY abs(julianday(c.delivery_date) - julianday(rd.doc_date)), c.line_id LIMIT 50`).all({ line: receiptLineId, window: windowDays });
}
