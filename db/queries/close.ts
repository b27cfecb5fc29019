import type { Book } from '../connection.js';
import { stmt } from '../statements.js';

export interface StatementVersionRow {
  id: number; period: string; distributor_id: number; manufacturer_id: number; version: number; status: string; content_json: string; sha256: string;
  prepared_by: string; prepared_at: string; reviewed_by: string | null; reviewed_at: string | null; approved_by: string | null; approved_at: string | null;
}

export function insertStatementVersion(book: Book, r: { period: string; distributor_id: number; manufacturer_id: number; content_json: string; sha256: string; prepared_by: string }): number {
  const version = stmt<[string, number, number], { v: number | null }>(book.db, `SELECT max(version) AS v FROM settlement_statements
    WHERE period = ? AND distributor_id = ? AND manufacturer_id = ?`).get(r.period, r.distributor_id, r.manufacturer_id)!.v ?? 0;
  return Number(stmt(book.db, `INSERT INTO settlement_statements (period, distributor_id, manufacturer_id, version, status, content_json, sha256, prepared_by, prepared_at)
    VALUES (?, ?, ?, ?, 'prepared', ?, ?, ?, ?)`).run(r.period, r.distributor_id, r.manufacturer_id, version + 1, r.content_json, r.sha256, r.prepared_by, new Date().toISOString()).lastInsertRowid);
}

/** The live (not superseded) statement versions of a period. */
export function liveStatements(book: Book, period: string): StatementVersionRow[] {
  return stmt<[string], StatementVersionRow>(book.db, `SELECT * FROM settlement_statements WHERE period = ? AND status <> 'superseded' ORDER BY distributor_id`).all(period);
}

export function statementVersions(book: Book, period: string, distributorId: number): StatementVersionRow[] {
  return stmt<[string, number], StatementVersionRow>(book.db, `SELECT * FROM settlement_statements WHERE period = ? AND distributor_id = ? ORDER BY version DESC`).all(period, distributorId);
}

export function markStatements(book: Book, period: string, status: 'reviewed' | 'approved' | 'superseded', by: string | null): void {
  const set = status === 'reviewed' ? ', reviewed_by = @by, reviewed_at = @at' : status === 'approved' ? ', approved_by = @by, approved_at = @at' : '';
  stmt(book.db, `UPDATE settlement_statements SET status = @status${set} WHERE period = @period AND status <> 'superseded'`).run({ status, by, at: new Date().toISOString(), period });
}

export function acceptException(book: Book, period: string, key: string, reason: string, by: string): void {
  stmt(book.db, `INSERT INTO close_acceptances (period, exception_key, reason, accepted_by, accepted_at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (period, exception_key) DO UPDATE SET reason = excluded.reason, accepted_by = excluded.accepted_by, accepted_at = excluded.accepted_at`)
    .run(period, key, reason, by, new Date().toISOString());
}

export function acceptedExceptions(book: Book, period: string): Set<string> {
  return new Set(stmt<[string], { exception_key: string }>(book.db, 'SELECT exception_key FROM close_acceptances WHERE period = ?').all(period).map((r) => r.exception_key));
}

export interface OpenResultRow {
  key: string; kind: 'delivery' | 'receipt' | 'deduction'; line_id: number; status: string; doc_no: string; store: string | null; sku: string | null;
  wording: string | null; amount_fen: number; reason: string;
}

/** Results reconciliation left open: lines not matched and not decided on, disputed deductions. */
export function openExceptions(book: Book, period: string): OpenResultRow[] {
  const deliveries = stmt<[string], OpenResultRow>(book.db, `SELECT 'delivery:' || r.line_id AS key, 'delivery' AS kind, r.line_id, r.status, d.doc_no,
      s.store_code AS store, p.sku, NULL AS wording, r.line_delivered_fen - r.line_received_fen AS amount_fen, r.reason
    FROM recon_delivery_lines r JOIN document_lines l ON l.id = r.line_id JOIN documents d ON d.id = l.document_id
      LEFT JOIN stores s ON s.id = r.store_id LEFT JOIN products p ON p.id = r.product_id
    WHERE r.period = ? AND r.status <> 'matched' AND NOT EXISTS (SELECT 1 FROM recon_decisions x WHERE x.line_id = r.line_id)
    ORDER BY r.line_id`).all(period);
  const receipts = stmt<[string], OpenResultRow>(book.db, `SELECT 'receipt:' || r.line_id AS key, 'receipt' AS kind, r.line_id, r.status, d.doc_no,
      s.store_code AS store, p.sku, NULL AS wording, l.amount_fen, r.reason
    FROM recon_receipt_lines r JOIN document_lines l ON l.id = r.line_id JOIN documents d ON d.id = l.document_id
      LEFT JOIN stores s ON s.id = coalesce(l.store_id, d.store_id) LEFT JOIN products p ON p.id = l.product_id
    WHERE r.period = ? AND r.status = 'unexpected' AND NOT EXISTS (SELECT 1 FROM recon_decisions x WHERE x.line_id = r.line_id) ORDER BY r.line_id`).all(period);
  const deductions = stmt<[string], OpenResultRow>(book.db, `SELECT 'deduction:' || c.line_id AS key, 'deduction' AS kind, c.line_id, c.verdict AS status, d.doc_no,
      s.store_code AS store, NULL AS sku, l.fee_text AS wording, l.amount_fen, c.reason
    FROM deduction_checks c JOIN document_lines l ON l.id = c.line_id JOIN documents d ON d.id = l.document_id
      LEFT JOIN stores s ON s.id = coalesce(l.store_id, d.store_id)
    WHERE c.period = ? AND c.disputed = 1 ORDER BY c.line_id`).all(period);
  return [...deliveries, ...receipts, ...deductions];
}

export function insertConfirmation(book: Book, r: { statement_id: number; party: 'manufacturer' | 'ka'; ka_account_id: number | null; result: 'confirmed' | 'disputed'; reasons: string | null; sha256: string; recorded_by: string }): void {
  stmt(book.db, `INSERT INTO statement_confirmations (statement_id, party, ka_account_id, result, reasons, sha256, recorded_by, recorded_at)
    VALUES (@statement_id, @party, @ka_account_id, @result, @reasons, @sha256, @recorded_by, @recorded_at)`).run({ ...r, recorded_at: new Date().toISOString() });
}

export function confirmationsOf(book: Book, statementId: number) {
  return stmt<[number], { party: string; ka: string | null; result: string; reasons: string | null; recorded_by: string; recorded_at: string }>(book.db, `SELECT c.party,
      k.code AS ka, c.result, c.reasons, c.recorded_by, c.recorded_at
    FROM statement_confirmations c LEFT JOIN ka_accounts k ON k.id = c.ka_account_id WHERE c.statement_id = ? ORDER BY c.id`).all(statementId);
}
