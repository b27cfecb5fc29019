import type { Book } from '../connection.js';
import { stmt } from '../statements.js';

export interface DeliveryStatusCounts { status: string; lines: number; delivered_fen: number; received_fen: number }

/** Counts by effective status (a user's override replaces what matching found). */
export function deliveryStatusCounts(book: Book, period: string, kaAccountId: number | null): DeliveryStatusCounts[] {
  return stmt<[string, number | null, number | null], DeliveryStatusCounts>(book.db, `SELECT coalesce(x.override_to, r.status) AS status,
      count(*) AS lines, sum(r.line_delivered_fen) AS delivered_fen, sum(r.line_received_fen) AS received_fen
    FROM recon_delivery_lines r LEFT JOIN recon_decisions x ON x.line_id = r.line_id AND x.decision = 'overridden'
    WHERE r.period = ? AND (? IS NULL OR r.ka_account_id = ?) GROUP BY 1 ORDER BY 1`).all(period, kaAccountId, kaAccountId);
}

export function unexpectedReceiptCount(book: Book, period: string, kaAccountId: number | null): { lines: number; amount_fen: number } {
  return stmt<[string, number | null, number | null], { lines: number; amount_fen: number }>(book.db, `SELECT count(*) AS lines,
      coalesce(sum(l.amount_fen), 0) AS amount_fen
    FROM recon_receipt_lines r JOIN document_lines l ON l.id = r.line_id
      LEFT JOIN recon_decisions x ON x.line_id = r.line_id AND x.decision = 'overridden'
    WHERE r.period = ? AND (? IS NULL OR r.ka_account_id = ?) AND coalesce(x.override_to, r.status) = 'unexpected'`).get(period, kaAccountId, kaAccountId)!;
}

export interface DeliveryResultRow {
  line_id: number; period: string; ka: string | null; store: string | null; sku: string | null; order_no: string | null;
  delivery_no: string; delivery_date: string; status: string; found_status: string; matched_by: string | null;
  delivered_qty: number; received_qty: number; delivered_fen: number; received_fen: number; line_delivered_fen: number;
  line_received_fen: number; delivered_price_e4: number | null; received_price_e4: number | null; list_price_e4: number | null;
  receipt_doc_nos: string | null; days_outstanding: number | null; reason: string; decision: string | null; note: string | null;
  decision_stale: number;
}

export interface ResultFilter { period: string; kaAccountId?: number | null; status?: string; storeCode?: string; sku?: string }

/** Results with the user's decisions applied, paged. */
export function deliveryResults(book: Book, f: ResultFilter, limit: number, offset: number): DeliveryResultRow[] {
  return stmt<[Record<string, unknown>], DeliveryResultRow>(book.db, `SELECT r.line_id, r.period, k.code AS ka, s.store_code AS store, p.sku,
      r.order_no, d.doc_no AS delivery_no, r.delivery_date, coalesce(x.override_to, r.status) AS status, r.status AS found_status,
      r.matched_by, r.delivered_qty, r.received_qty, r.delivered_fen, r.received_fen, r.line_delivered_fen, r.line_received_fen,
      r.delivered_price_e4, r.received_price_e4, r.list_price_e4, r.receipt_doc_nos, r.days_outstanding, r.reason,
      x.decision, x.note, CASE WHEN x.decision IS NOT NULL AND x.status_seen <> r.status THEN 1 ELSE 0 END AS decision_stale
    FROM recon_delivery_lines r JOIN document_lines l ON l.id = r.line_id JOIN documents d ON d.id = l.document_id
      LEFT JOIN ka_accounts k ON k.id = r.ka_account_id LEFT JOIN stores s ON s.id = r.store_id LEFT JOIN products p ON p.id = r.product_id
      LEFT JOIN recon_decisions x ON x.line_id = r.line_id
    WHERE r.period = @period AND (@ka IS NULL OR r.ka_account_id = @ka) AND (@status IS NULL OR coalesce(x.override_to, r.status) = @status)
      AND (@store IS NULL OR s.store_code = @store) AND (@sku IS NULL OR p.sku = @sku)
    ORDER BY r.delivery_date, r.line_id LIMIT @limit OFFSET @offset`).all({
    period: f.period, ka: f.kaAccountId ?? null, status: f.status ?? null, store: f.storeCode ?? null, sku: f.sku ?? null, limit, offset,
  });
}

export function unexpectedReceiptLines(book: Book, period: string, kaAccountId: number | null, limit: number, offset: number) {
  return stmt<[string, number | null, number | null, number, number], { line_id: number; receipt_no: string; receipt_date: string; store: string | null; sku: string | null; qty_milli: number | null; amount_fen: number; reason: string }>(book.db, `SELECT r.line_id,
      d.doc_no AS receipt_no, d.doc_date AS receipt_date, s.store_code AS store, p.sku, l.qty_milli, l.amount_fen, r.reason
    FROM recon_receipt_lines r JOIN document_lines l ON l.id = r.line_id JOIN documents d ON d.id = l.document_id
      LEFT JOIN stores s ON s.id = coalesce(l.store_id, d.store_id) LEFT JOIN products p ON p.id = l.product_id
      LEFT JOIN recon_decisions x ON x.line_id = r.line_id AND x.decision = 'overridden'
    WHERE r.period = ? AND (? IS NULL OR r.ka_account_id = ?) AND coalesce(x.override_to, r.status) = 'unexpected'
    ORDER BY d.doc_date, r.line_id LIMIT ? OFFSET ?`).all(period, kaAccountId, kaAccountId, limit, offset);
}

export function resultStatusOf(book: Book, lineId: number): { status: string; period: string; kind: 'delivery' | 'receipt' } | undefined {
  const d = stmt<[number], { status: string; period: string }>(book.db, 'SELECT status, period FROM recon_delivery_lines WHERE line_id = ?').get(lineId);
  if (d) return { ...d, kind: 'delivery' };
  const r = stmt<[number], { status: string; period: string }>(book.db, 'SELECT status, period FROM recon_receipt_lines WHERE line_id = ?').get(lineId);
  return r ? { ...r, kind: 'receipt' } : undefined;
}

export function saveDecision(book: Book, r: { line_id: number; decision: string; status_seen: string; override_to: string | null; note: string | null; decided_by: string }): void {
  stmt(book.db, `INSERT INTO recon_decisions (line_id, decision, status_seen, override_to, note, decided_by, decided_at)
    VALUES (@line_id, @decision, @status_seen, @override_to, @note, @decided_by, @decided_at)
    ON CONFLICT (line_id) DO UPDATE SET decision = excluded.decision, status_seen = excluded.status_seen, override_to = excluded.override_to,
      note = coalesce(excluded.note, recon_decisions.note), decided_by = excluded.decided_by, decided_at = excluded.decided_at`)
    .run({ ...r, decided_at: new Date().toISOString() });
}

export function getDecision(book: Book, lineId: number) {
  return stmt<[number], { decision: string; status_seen: string; override_to: string | null; note: string | null }>(book.db,
    'SELECT decision, status_seen, override_to, note FROM recon_decisions WHERE line_id = ?').get(lineId);
}

export function insertReconRun(book: Book, r: { period: string; ka_code: string | null; as_of: string; settings_json: string; summary_json: string; run_by: string }): number {
  return Number(stmt(book.db, `INSERT INTO recon_runs (period, ka_code, as_of, settings_json, summary_json, run_by, run_at)
    VALUES (@period, @ka_code, @as_of, @settings_json, @summary_json, @run_by, @run_at)`).run({ ...r, run_at: new Date().toISOString() }).lastInsertRowid);
}

/** The period's deliveries and receipts in total (including lines matching did not reach). */
export function periodTotals(book: Book, period: string, kaAccountId: number | null): { delivered_fen: number; received_fen: number } {
  return stmt<[string, number | null, number | null], { delivered_fen: number; received_fen: number }>(book.db, `SELECT
      coalesce(sum(CASE WHEN d.kind = 'delivery' THEN d.total_fen END), 0) AS delivered_fen,
      coalesce(sum(CASE WHEN d.kind = 'receipt' THEN d.total_fen END), 0) AS received_fen
    FROM documents d WHERE d.period = ? AND d.kind IN ('delivery', 'receipt') AND (? IS NULL OR d.ka_account_id = ?)`).get(period, kaAccountId, kaAccountId)!;
}

/** When the period was last reconciled (any KA), or undefined if never. */
export function lastReconRunAt(book: Book, period: string): string | undefined {
  return stmt<[string], { at: string | null }>(book.db, 'SELECT max(run_at) AS at FROM recon_runs WHERE period = ?').get(period)?.at ?? undefined;
}
