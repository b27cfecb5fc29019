import type { Book } from '../connection.js';
import { stmt } from '../statements.js';

/** What the reconciliation workbench selects: a range of months and optional narrowing. */
export interface WorkbenchFilter {
  fromPeriod: string; toPeriod: string; kaAccountId: number | null; status: string | null; storeCode: string | null; sku: string | null;
  dateFrom: string | null; dateTo: string | null;
}

export interface WorkbenchRow {
  line_id: number; period: string; ka: string | null; store: string | null; store_name: string | null; sku: string | null;
  product_name: string | null; order_no: string | null; delivery_no: string; delivery_date: string; status: string; found_status: string;
  matched_by: string | null; delivered_qty: number; received_qty: number; line_delivered_fen: number; line_received_fen: number;
  delivered_price_e4: number | null; received_price_e4: number | null; list_price_e4: number | null; receipt_doc_nos: string | null;
  days_outstanding: number | null; reason: string; decision: string | null; note: string | null; decision_stale: number;
}

/** Every narrowing but the status. */
const NARROW = `r.period BETWEEN @fromPeriod AND @toPeriod AND (@ka IS NULL OR r.ka_account_id = @ka)
  AND (@store IS NULL OR r.store_id IN (SELECT id FROM stores WHERE store_code = @store))
  AND (@sku IS NULL OR r.product_id IN (SELECT id FROM products WHERE sku = @sku))
  AND (@dateFrom IS NULL OR r.delivery_date >= @dateFrom) AND (@dateTo IS NULL OR r.delivery_date <= @dateTo)`;

/** The status as the user sees it: the found status, or the user's override of it. */
const STATUS = `(@status IS NULL OR coalesce(x.override_to, r.status) = @status OR (@status = 'unmatched' AND coalesce(x.override_to, r.status) <> 'matched'))`;

const WHERE = `${NARROW} AND ${STATUS}`;

function params(f: WorkbenchFilter) {
  return { fromPeriod: f.fromPeriod, toPeriod: f.toPeriod, ka: f.kaAccountId, status: f.status, store: f.storeCode, sku: f.sku, dateFrom: f.dateFrom, dateTo: f.dateTo };
}

const OUTER = `SELECT p.line_id, p.period, k.code AS ka, s.store_code AS store, s.name AS store_name, pr.sku, pr.name AS product_name, p.order_no,
      d.doc_no AS delivery_no, p.delivery_date, p.eff_status AS status, p.status AS found_status, p.matched_by, p.delivered_qty,
      p.received_qty, p.line_delivered_fen, p.line_received_fen, p.delivered_price_e4, p.received_price_e4, p.list_price_e4,
      p.receipt_doc_nos, p.days_outstanding, p.reason, p.decision, p.note,
      CASE WHEN p.decision IS NOT NULL AND p.status_seen <> p.status THEN 1 ELSE 0 END AS decision_stale
    FROM pick p JOIN document_lines l ON l.id = p.line_id JOIN documents d ON d.id = l.document_id
      LEFT JOIN ka_accounts k ON k.id = p.ka_account_id LEFT JOIN stores s ON s.id = p.store_id LEFT JOIN products pr ON pr.id = p.product_id`;
const PICK = 'SELECT r.*, coalesce(x.override_to, r.status) AS eff_status, x.decision, x.note, x.status_seen';

/**
 * One page in (period, delivery date, line) order, which the index recon_delivery_by_period_date gives without a
 * sort, so the first page of a million-line year comes back at once. Names are looked up for the page only.
 */
export function workbenchPage(book: Book, f: WorkbenchFilter, limit: number, offset: number): WorkbenchRow[] {
  if (narrowsToUnmatched(f)) return unmatchedPage(book, f, limit, offset);
  return stmt<[Record<string, unknown>], WorkbenchRow>(book.db, `WITH pick AS (
      ${PICK} FROM recon_delivery_lines r INDEXED BY recon_delivery_by_period_date LEFT JOIN recon_decisions x ON x.line_id = r.line_id
      WHERE ${WHERE}
      ORDER BY r.period, r.delivery_date, r.line_id LIMIT @limit OFFSET @offset)
    ${OUTER} ORDER BY p.period, p.delivery_date, p.line_id`).all({ ...params(f), limit, offset });
}

/**
 * A status other than 'matched' (or 'unmatched', every one of them) selects a few per cent of the results, in two
 * disjoint halves: lines found not matched, read in the grid's order from the partial index recon_delivery_unmatched
 * with the override beside each, and lines found matched that a user overrode to another status,
 * read from the decisions. Asked for 'matched', the filter keeps nearly every line and the plain page serves it.
 */
function narrowsToUnmatched(f: WorkbenchFilter): boolean {
  return f.status !== null && f.status !== 'matched';
}

const FOUND_UNMATCHED = `FROM recon_delivery_lines r INDEXED BY recon_delivery_unmatched LEFT JOIN recon_decisions x ON x.line_id = r.line_id
  WHERE r.status <> 'matched' AND ${WHERE}`;
// CROSS JOIN keeps the decisions first: left to itself the planner walks every result of the range to find them.
const OVERRIDDEN_FROM_MATCHED = `FROM recon_decisions x CROSS JOIN recon_delivery_lines r ON r.line_id = x.line_id
  WHERE x.override_to IS NOT NULL AND x.override_to <> 'matched' AND r.status = 'matched' AND ${WHERE}`;

function unmatchedPage(book: Book, f: WorkbenchFilter, limit: number, offset: number): WorkbenchRow[] {
  return stmt<[Record<string, unknown>], WorkbenchRow>(book.db, `WITH pick AS (
      ${PICK} ${FOUND_UNMATCHED}
      UNION ALL ${PICK} ${OVERRIDDEN_FROM_MATCHED}
      ORDER BY period, delivery_date, line_id LIMIT @limit OFFSET @offset)
    ${OUTER} ORDER BY p.period, p.delivery_date, p.line_id`).all({ ...params(f), limit, offset });
}

export function workbenchRow(book: Book, lineId: number): WorkbenchRow | undefined {
  return stmt<[number], WorkbenchRow>(book.db, `WITH pick AS (
      ${PICK} FROM recon_delivery_lines r LEFT JOIN recon_decisions x ON x.line_id = r.line_id WHERE r.line_id = ?)
    ${OUTER}`).get(lineId);
}


/** How many lines the filter selects and what they add up to (the grid's 合计 row), in one pass. */
export function workbenchTotals(book: Book, f: WorkbenchFilter): { lines: number; deliveredFen: number; receivedFen: number } {
  const sums = 'count(*) AS n, coalesce(sum(r.line_delivered_fen), 0) AS delivered, coalesce(sum(r.line_received_fen), 0) AS received';
  const sql = narrowsToUnmatched(f)
    ? `SELECT sum(n) AS n, sum(delivered) AS delivered, sum(received) AS received FROM (
        SELECT ${sums} ${FOUND_UNMATCHED} UNION ALL SELECT ${sums} ${OVERRIDDEN_FROM_MATCHED})`
    : `SELECT ${sums} FROM recon_delivery_lines r LEFT JOIN recon_decisions x ON x.line_id = r.line_id WHERE ${WHERE}`;
  const r = stmt<[Record<string, unknown>], { n: number; delivered: number; received: number }>(book.db, sql).get(params(f))!;
  return { lines: r.n, deliveredFen: r.delivered, receivedFen: r.received };
}

/** Every row the filter selects, for an export, one at a time. */
export function* workbenchRows(book: Book, f: WorkbenchFilter): Generator<WorkbenchRow> {
  const size = 5_000;
  for (let offset = 0; ; offset += size) {
    const rows = workbenchPage(book, f, size, offset);
    yield* rows;
    if (rows.length < size) return;
  }
}

export interface SideLine {
  document_id: number; doc_no: string; doc_date: string; store: string | null; sku: string | null; product_name: string | null; order_no: string | null;
  qty_milli: number | null; price_e4: number | null; amount_fen: number;
}

const SIDE = `SELECT d.id AS document_id, d.doc_no, d.doc_date, s.store_code AS store, p.sku, p.name AS product_name, coalesce(l.order_no, d.order_no) AS order_no,
    l.qty_milli, l.price_e4, l.amount_fen
  FROM document_lines l JOIN documents d ON d.id = l.document_id
    LEFT JOIN stores s ON s.id = coalesce(l.store_id, d.store_id) LEFT JOIN products p ON p.id = l.product_id`;

export function deliverySide(book: Book, lineId: number): SideLine | undefined {
  return stmt<[number], SideLine>(book.db, `${SIDE} WHERE l.id = ?`).get(lineId);
}

/**
 * The receipt lines a delivery line was matched with: its receipt documents' lines for the same store and product.
 * The documents are reached by their numbers (the result's list, split at its commas) through documents_by_ka_number,
 * then their lines by document: a few dozen rows, never every line of the product in the book (issue 18).
 */
export function receiptSide(book: Book, lineId: number): SideLine[] {
  return stmt<[number], SideLine>(book.db, `WITH RECURSIVE r AS (SELECT * FROM recon_delivery_lines WHERE line_id = ?),
      nos(no, rest) AS (SELECT NULL, r.receipt_doc_nos || ',' FROM r WHERE r.receipt_doc_nos IS NOT NULL
        UNION ALL SELECT substr(rest, 1, instr(rest, ',') - 1), substr(rest, instr(rest, ',') + 1) FROM nos WHERE rest <> '')
    SELECT d.id AS document_id, d.doc_no, d.doc_date, s.store_code AS store, p.sku, p.name AS product_name, coalesce(l.order_no, d.order_no) AS order_no,
      l.qty_milli, l.price_e4, l.amount_fen
    FROM r CROSS JOIN (SELECT DISTINCT no FROM nos WHERE no IS NOT NULL) n CROSS JOIN documents d ON d.ka_account_id = r.ka_account_id AND d.kind = 'receipt' AND d.doc_no = n.no
      CROSS JOIN document_lines l ON l.document_id = d.id
      LEFT JOIN stores s ON s.id = coalesce(l.store_id, d.store_id) LEFT JOIN products p ON p.id = l.product_id
    WHERE d.reverses_id IS NULL AND NOT EXISTS (SELECT 1 FROM documents x WHERE x.reverses_id = d.id) AND l.product_id = r.product_id
      AND coalesce(l.store_id, d.store_id) = r.store_id
    ORDER BY d.doc_date, d.doc_no, l.line_no`).all(lineId);
}
