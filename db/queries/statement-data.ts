import type { Book } from '../connection.js';
import { stmt } from '../statements.js';
import { dueDatesInForce } from './due-dates.js';

/** The figures a settlement statement is built from, for one distributor and month. Money in fen. */

export function distributorParty(book: Book, code: string) {
  return stmt<[string], { id: number; code: string; name: string; manufacturer_id: number; manufacturer_code: string; manufacturer_name: string }>(book.db, `SELECT d.id, d.code, d.name,
      m.id AS manufacturer_id, m.code AS manufacturer_code, m.name AS manufacturer_name
    FROM distributors d JOIN manufacturers m ON m.id = d.manufacturer_id WHERE d.code = ?`).get(code);
}

export function activeDistributors(book: Book, period: string) {
  return stmt<[string], { code: string }>(book.db, `SELECT DISTINCT di.code FROM documents d JOIN distributors di ON di.id = d.distributor_id
    WHERE d.period = ? ORDER BY di.code`).all(period);
}

/** Receivable movements per KA: opening before the month, the month's postings on 应收账款-KA by document kind. */
export function receivableRollForward(book: Book, distributorId: number, from: string, to: string) {
  return stmt<[Record<string, unknown>], { ka_account_id: number; ka_code: string; ka_name: string; opening: number; sales: number; returns: number; deductions: number; remittances: number; other: number; closing: number }>(book.db, `SELECT k.id AS ka_account_id,
      k.code AS ka_code, k.name AS ka_name,
      coalesce(sum(CASE WHEN e.entry_date < @from THEN e.amount_fen END), 0) AS opening,
      coalesce(sum(CASE WHEN e.entry_date BETWEEN @from AND @to AND d.kind = 'receipt' THEN e.amount_fen END), 0) AS sales,
      coalesce(sum(CASE WHEN e.entry_date BETWEEN @from AND @to AND d.kind = 'return' THEN e.amount_fen END), 0) AS returns,
      coalesce(sum(CASE WHEN e.entry_date BETWEEN @from AND @to AND d.kind = 'deduction' THEN e.amount_fen END), 0) AS deductions,
      coalesce(sum(CASE WHEN e.entry_date BETWEEN @from AND @to AND d.kind = 'remittance' THEN e.amount_fen END), 0) AS remittances,
      coalesce(sum(CASE WHEN e.entry_date BETWEEN @from AND @to AND d.kind NOT IN ('receipt', 'return', 'deduction', 'remittance') THEN e.amount_fen END), 0) AS other,
      coalesce(sum(CASE WHEN e.entry_date <= @to THEN e.amount_fen END), 0) AS closing
    FROM entries e JOIN documents d ON d.id = e.document_id JOIN ka_accounts k ON k.id = e.ka_account_id
    WHERE e.account = 'ar_ka' AND e.distributor_id = @distributor AND e.entry_date <= @to
    GROUP BY k.id ORDER BY k.code`).all({ distributor: distributorId, from, to });
}

/** An open receivable as of a date, with the due date in force then. */
export interface ReceivableAsOf {
  id: number; ka_account_id: number | null; ka_code: string | null; store_id: number | null; distributor_id: number | null; document_id: number;
  doc_no: string; doc_date: string; due_date: string | null; open_fen: number; days_past_due: number; days_since_document: number;
  /** terms that start at an invoice not yet issued: not due */
  awaiting_invoice: number;
}

/**
 * Open receivables as of a date (clearings after it not counted), by KA and days past the due date in force on it
 * (receivable_due_dates: terms that start at the invoice, or were recalculated, override the posted due date).
 */
export function receivablesAsOf(book: Book, distributorId: number | null, asOf: string): ReceivableAsOf[] {
  // Each item's clearings are summed once (MATERIALIZED keeps SQLite from repeating the sum in the filter).
  const rows = stmt<[Record<string, unknown>], ReceivableAsOf>(book.db, `WITH items AS MATERIALIZED (SELECT o.id, o.ka_account_id,
      k.code AS ka_code, o.store_id, o.distributor_id, o.document_id, d.doc_no, o.doc_date, o.due_date,
      o.amount_fen + coalesce((SELECT sum(p.amount_fen) FROM clearing_parts p JOIN clearings c ON c.id = p.clearing_id
        WHERE p.open_item_id = o.id AND c.clearing_date <= @asOf), 0) AS open_fen,
      CAST(julianday(@asOf) - julianday(coalesce(o.due_date, o.doc_date)) AS INTEGER) AS days_past_due,
      CAST(julianday(@asOf) - julianday(o.doc_date) AS INTEGER) AS days_since_document, 0 AS awaiting_invoice
    FROM open_items o JOIN documents d ON d.id = o.document_id LEFT JOIN ka_accounts k ON k.id = o.ka_account_id
    WHERE o.account = 'ar_ka' AND o.doc_date <= @asOf AND (@distributor IS NULL OR o.distributor_id = @distributor))
    SELECT * FROM items WHERE open_fen <> 0 ORDER BY due_date, id`).all({ distributor: distributorId, asOf });
  const overrides = dueDatesInForce(book, asOf);
  if (overrides.size === 0) return rows;
  for (const r of rows) {
    const due = overrides.get(r.id);
    if (due === undefined) continue;
    r.due_date = due;
    r.awaiting_invoice = due === null ? 1 : 0;
    r.days_past_due = due === null ? 0 : Math.round((Date.parse(asOf) - Date.parse(due)) / 86_400_000);
  }
  return rows;
}

export function deductionsByFeeType(book: Book, distributorId: number, period: string) {
  return stmt<[number, string], { fee_type: string | null; name_zh: string | null; lines: number; amount_fen: number; manufacturer_fen: number; distributor_fen: number; disputed_fen: number }>(book.db, `SELECT c.fee_type,
      f.name_zh, count(*) AS lines, sum(l.amount_fen) AS amount_fen, sum(c.manufacturer_fen) AS manufacturer_fen, sum(c.distributor_fen) AS distributor_fen,
      sum(CASE WHEN c.disputed = 1 THEN l.amount_fen ELSE 0 END) AS disputed_fen
    FROM deduction_checks c JOIN document_lines l ON l.id = c.line_id JOIN documents d ON d.id = l.document_id
      LEFT JOIN stores s ON s.id = coalesce(l.store_id, d.store_id) LEFT JOIN fee_types f ON f.code = c.fee_type
    WHERE coalesce(d.distributor_id, s.distributor_id) = ? AND c.period = ? GROUP BY c.fee_type ORDER BY c.fee_type`).all(distributorId, period);
}

/** Fee claims up to a month, with what was still open at its end (credits dated later not counted). */
export function claimsOfDistributor(book: Book, distributorId: number, upToPeriod: string, asOf: string) {
  return stmt<[string, number, string, string], { id: number; doc_no: string; period: string; ka_code: string | null; status: string; amount_fen: number; open_fen: number }>(book.db, `SELECT d.id, d.doc_no,
      c.period, k.code AS ka_code, c.status, d.total_fen AS amount_fen,
      coalesce((SELECT o.amount_fen + coalesce((SELECT sum(p.amount_fen) FROM clearing_parts p JOIN clearings cl ON cl.id = p.clearing_id
          WHERE p.open_item_id = o.id AND cl.clearing_date <= ?), 0)
        FROM open_items o WHERE o.document_id = d.id AND o.account = 'claims_manufacturer'), 0) AS open_fen
    FROM fee_claims c JOIN documents d ON d.id = c.document_id LEFT JOIN ka_accounts k ON k.id = c.ka_account_id
    WHERE c.distributor_id = ? AND c.period <= ? AND NOT EXISTS (SELECT 1 FROM documents r WHERE r.reverses_id = d.id AND r.doc_date <= ?)
    ORDER BY c.period, d.doc_no`).all(asOf, distributorId, upToPeriod, asOf);
}

/** The month's documents of one kind for a distributor (accruals, subsidy and price-protection claims, credits, remittances). */
export function documentsOfKind(book: Book, distributorId: number, period: string, kind: string) {
  return stmt<[number, string, string], { id: number; doc_no: string; doc_date: string; ka_code: string | null; method: string | null; total_fen: number; memo: string | null }>(book.db, `SELECT d.id,
      d.doc_no, d.doc_date, k.code AS ka_code, d.method, d.total_fen, d.memo
    FROM documents d LEFT JOIN ka_accounts k ON k.id = d.ka_account_id
    WHERE d.distributor_id = ? AND d.period = ? AND d.kind = ? ORDER BY d.doc_date, d.id`).all(distributorId, period, kind);
}

/** What the manufacturer owes the distributor at a date: fee claims, rebates and subsidies not yet credited, and money it collected centrally. */
export function dueFromManufacturer(book: Book, distributorId: number, asOf: string): { claims_fen: number; collected_fen: number } {
  return stmt<[number, string], { claims_fen: number; collected_fen: number }>(book.db, `SELECT
      coalesce(sum(CASE WHEN account = 'claims_manufacturer' THEN amount_fen END), 0) AS claims_fen,
      coalesce(sum(CASE WHEN account = 'ar_manufacturer' THEN amount_fen END), 0) AS collected_fen
    FROM entries WHERE distributor_id = ? AND entry_date <= ? AND account IN ('claims_manufacturer', 'ar_manufacturer')`).get(distributorId, asOf)!;
}

export type DeliveryDetailRow = { delivery_no: string; delivery_date: string; ka: string | null; store: string | null; sku: string | null; order_no: string | null; delivered_qty: number; received_qty: number; amount_fen: number; accepted_fen: number; status: string };

const DELIVERY_DETAIL = `SELECT d.doc_no AS delivery_no,
      r.delivery_date, k.code AS ka, s.store_code AS store, p.sku, r.order_no, l.qty_milli AS delivered_qty,
      CASE WHEN r.delivered_qty = 0 THEN 0 ELSE r.received_qty * l.qty_milli / r.delivered_qty END AS received_qty,
      r.line_delivered_fen AS amount_fen, r.line_received_fen AS accepted_fen, coalesce(x.override_to, r.status) AS status
    FROM recon_delivery_lines r JOIN document_lines l ON l.id = r.line_id JOIN documents d ON d.id = l.document_id
      LEFT JOIN ka_accounts k ON k.id = r.ka_account_id LEFT JOIN stores s ON s.id = r.store_id LEFT JOIN products p ON p.id = r.product_id
      LEFT JOIN recon_decisions x ON x.line_id = r.line_id AND x.decision = 'overridden'
    WHERE d.distributor_id = @distributor AND r.period = @period ORDER BY r.delivery_date, r.line_id`;

export function deliveryDetail(book: Book, distributorId: number, period: string): DeliveryDetailRow[] {
  return stmt<[Record<string, unknown>], DeliveryDetailRow>(book.db, DELIVERY_DETAIL).all({ distributor: distributorId, period });
}

/** One page of deliveryDetail, in its order. */
export function deliveryDetailPage(book: Book, distributorId: number, period: string, limit: number, offset: number): DeliveryDetailRow[] {
  return stmt<[Record<string, unknown>], DeliveryDetailRow>(book.db, `${DELIVERY_DETAIL} LIMIT @limit OFFSET @offset`).all({ distributor: distributorId, period, limit, offset });
}

/**
 * How many delivery lines deliveryDetail lists (its left joins add no rows: each is by a primary key). Counted from
 * the distributor's delivery documents of the month (documents_by_period), not from every result of the month: a
 * result's period is its delivery document's (reconcile-deliveries.ts), so the two count the same lines, and a
 * month of a large book's four distributors is read a quarter as far (7–9 ms against 18–22).
 */
export function deliveryDetailCount(book: Book, distributorId: number, period: string): number {
  return stmt<[Record<string, unknown>], { n: number }>(book.db, `SELECT count(*) AS n
    FROM documents d CROSS JOIN document_lines l ON l.document_id = d.id CROSS JOIN recon_delivery_lines r ON r.line_id = l.id
    WHERE d.period = @period AND +d.kind = 'delivery' AND d.distributor_id = @distributor AND r.period = d.period`).get({ distributor: distributorId, period })!.n;
}

export function deductionDetail(book: Book, distributorId: number, period: string) {
  return stmt<[number, string], { doc_no: string; doc_date: string; ka: string | null; store: string | null; wording: string | null; fee_type: string | null; method: string | null; amount_fen: number; manufacturer_fen: number; distributor_fen: number; verdict: string }>(book.db, `SELECT d.doc_no,
      d.doc_date, k.code AS ka, s.store_code AS store, l.fee_text AS wording, c.fee_type, d.method, l.amount_fen, c.manufacturer_fen, c.distributor_fen, c.verdict
    FROM deduction_checks c JOIN document_lines l ON l.id = c.line_id JOIN documents d ON d.id = l.document_id
      LEFT JOIN ka_accounts k ON k.id = d.ka_account_id LEFT JOIN stores s ON s.id = coalesce(l.store_id, d.store_id)
    WHERE coalesce(d.distributor_id, s.distributor_id) = ? AND c.period = ? ORDER BY d.doc_date, c.line_id`).all(distributorId, period);
}

/** How many deduction lines deductionDetail lists. */
export function deductionDetailCount(book: Book, distributorId: number, period: string): number {
  return stmt<[number, string], { n: number }>(book.db, `SELECT count(*) AS n
    FROM deduction_checks c JOIN document_lines l ON l.id = c.line_id JOIN documents d ON d.id = l.document_id
      LEFT JOIN stores s ON s.id = coalesce(l.store_id, d.store_id)
    WHERE coalesce(d.distributor_id, s.distributor_id) = ? AND c.period = ?`).get(distributorId, period)!.n;
}

/** Rebate accruals of a month on KA contracts (owed to the KA, no distributor named), per KA account. */
export function kaRebateAccruals(book: Book, period: string): { ka_account_id: number; total_fen: number }[] {
  return stmt<[string], { ka_account_id: number; total_fen: number }>(book.db, `SELECT ka_account_id, sum(total_fen) AS total_fen FROM documents
    WHERE kind = 'rebate_accrual' AND period = ? AND distributor_id IS NULL AND ka_account_id IS NOT NULL GROUP BY ka_account_id`).all(period);
}

/** Each distributor's accepted net sales (receipts less returns) to each KA in a month. */
export function netSalesByDistributor(book: Book, period: string): { ka_account_id: number; distributor_id: number; net_fen: number }[] {
  return stmt<[string], { ka_account_id: number; distributor_id: number; net_fen: number }>(book.db, `SELECT ka_account_id, distributor_id,
      sum(CASE kind WHEN 'receipt' THEN total_fen ELSE -total_fen END) AS net_fen
    FROM documents WHERE kind IN ('receipt', 'return') AND period = ? AND ka_account_id IS NOT NULL AND distributor_id IS NOT NULL
    GROUP BY ka_account_id, distributor_id ORDER BY ka_account_id, distributor_id`).all(period);
}
