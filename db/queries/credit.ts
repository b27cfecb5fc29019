import type { Book } from '../connection.js';
import { stmt } from '../statements.js';
import { inForce } from './corrections.js';

export type CreditEntity = 'ka' | 'distributor';

/** Ledger balance of 应收账款-KA as of a date, optionally for one KA or distributor. */
export function arBalanceAsOf(book: Book, asOf: string, kaAccountId: number | null = null, distributorId: number | null = null): number {
  return stmt<[Record<string, unknown>], { s: number | null }>(book.db, `SELECT sum(amount_fen) AS s FROM entries
    WHERE account = 'ar_ka' AND entry_date <= @asOf AND (@ka IS NULL OR ka_account_id = @ka) AND (@distributor IS NULL OR distributor_id = @distributor)`)
    .get({ asOf, ka: kaAccountId, distributor: distributorId })?.s ?? 0;
}

export function insertLimit(book: Book, r: { entity: CreditEntity; entity_id: number; limit_fen: number; reason: string; set_by: string }): void {
  stmt(book.db, 'INSERT INTO credit_limits (entity, entity_id, limit_fen, reason, set_by, set_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(r.entity, r.entity_id, r.limit_fen, r.reason, r.set_by, new Date().toISOString());
}

export function limitHistory(book: Book, entity: CreditEntity, entityId: number) {
  return stmt<[string, number], { limit_fen: number; reason: string; set_by: string; set_at: string }>(book.db,
    'SELECT limit_fen, reason, set_by, set_at FROM credit_limits WHERE entity = ? AND entity_id = ? ORDER BY id DESC').all(entity, entityId);
}

export function currentLimit(book: Book, entity: CreditEntity, entityId: number): number | null {
  return stmt<[string, number], { limit_fen: number }>(book.db, 'SELECT limit_fen FROM credit_limits WHERE entity = ? AND entity_id = ? ORDER BY id DESC LIMIT 1')
    .get(entity, entityId)?.limit_fen ?? null;
}

/** Deliveries the last reconciliation found not (yet) received, per KA and distributor: delivered less accepted. */
export function undelivered(book: Book): { ka_account_id: number; distributor_id: number | null; fen: number }[] {
  return stmt<[], { ka_account_id: number; distributor_id: number | null; fen: number }>(book.db, `SELECT r.ka_account_id, d.distributor_id,
      sum(r.line_delivered_fen - r.line_received_fen) AS fen
    FROM recon_delivery_lines r JOIN document_lines l ON l.id = r.line_id JOIN documents d ON d.id = l.document_id
    WHERE r.status = 'receipt_missing' GROUP BY r.ka_account_id, d.distributor_id`).all();
}

/** Sales accepted, deductions (and the disputed part), remittances and their short payments in a date window. */
export function behaviourFigures(book: Book, from: string, to: string, kaAccountId: number | null, distributorId: number | null) {
  return stmt<[Record<string, unknown>], { sales_fen: number; deductions_fen: number; disputed_fen: number; remitted_fen: number; short_fen: number }>(book.db, `SELECT
      (SELECT coalesce(sum(total_fen), 0) FROM documents WHERE kind = 'receipt' AND doc_date BETWEEN @from AND @to
         AND (@ka IS NULL OR ka_account_id = @ka) AND (@distributor IS NULL OR distributor_id = @distributor)) AS sales_fen,
      (SELECT coalesce(sum(l.amount_fen), 0) FROM deduction_checks c JOIN document_lines l ON l.id = c.line_id JOIN documents d ON d.id = l.document_id
         WHERE d.doc_date BETWEEN @from AND @to AND (@ka IS NULL OR d.ka_account_id = @ka) AND (@distributor IS NULL OR d.distributor_id = @distributor)) AS deductions_fen,
      (SELECT coalesce(sum(l.amount_fen), 0) FROM deduction_checks c JOIN document_lines l ON l.id = c.line_id JOIN documents d ON d.id = l.document_id
         WHERE c.disputed = 1 AND d.doc_date BETWEEN @from AND @to AND (@ka IS NULL OR d.ka_account_id = @ka) AND (@distributor IS NULL OR d.distributor_id = @distributor)) AS disputed_fen,
      (SELECT coalesce(sum(total_fen), 0) FROM documents WHERE kind = 'remittance' AND doc_date BETWEEN @from AND @to
         AND (@ka IS NULL OR ka_account_id = @ka) AND (@distributor IS NULL OR distributor_id = @distributor)) AS remitted_fen,
      (SELECT coalesce(sum(CASE WHEN rc.total_fen > rl.amount_fen THEN rc.total_fen - rl.amount_fen ELSE 0 END), 0)
         FROM documents r JOIN document_lines rl ON rl.document_id = r.id
         JOIN documents rc ON rc.ka_account_id = r.ka_account_id AND rc.doc_no = rl.reference AND rc.kind = 'receipt' AND ${inForce('rc')}
         WHERE r.kind = 'remittance' AND r.doc_date BETWEEN @from AND @to AND (@ka IS NULL OR r.ka_account_id = @ka) AND ${inForce('r')}
           AND (@distributor IS NULL OR r.distributor_id = @distributor)) AS short_fen`).get({ from, to, ka: kaAccountId, distributor: distributorId })!;
}

export function insertGrade(book: Book, r: { entity: CreditEntity; entity_id: number; as_of: string; grade: string; score: number; reasons_json: string; computed_by: string }): void {
  stmt(book.db, `INSERT INTO credit_grades (entity, entity_id, as_of, grade, score, reasons_json, computed_by, computed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (entity, entity_id, as_of) DO UPDATE SET grade = excluded.grade, score = excluded.score, reasons_json = excluded.reasons_json,
      computed_by = excluded.computed_by, computed_at = excluded.computed_at`)
    .run(r.entity, r.entity_id, r.as_of, r.grade, r.score, r.reasons_json, r.computed_by, new Date().toISOString());
}

export function gradeHistory(book: Book, entity: CreditEntity, entityId: number) {
  return stmt<[string, number], { as_of: string; grade: string; score: number; reasons_json: string }>(book.db,
    'SELECT as_of, grade, score, reasons_json FROM credit_grades WHERE entity = ? AND entity_id = ? ORDER BY as_of DESC').all(entity, entityId);
}

export function latestGrade(book: Book, entity: CreditEntity, entityId: number, asOf: string): { grade: string; as_of: string } | undefined {
  return stmt<[string, number, string], { grade: string; as_of: string }>(book.db,
    'SELECT grade, as_of FROM credit_grades WHERE entity = ? AND entity_id = ? AND as_of <= ? ORDER BY as_of DESC LIMIT 1').get(entity, entityId, asOf);
}

export function insertFollowup(book: Book, kaAccountId: number, note: string, by: string): void {
  stmt(book.db, 'INSERT INTO credit_followups (ka_account_id, note, by_user, at) VALUES (?, ?, ?, ?)').run(kaAccountId, note, by, new Date().toISOString());
}

export function lastFollowup(book: Book, kaAccountId: number): { note: string; by_user: string; at: string } | undefined {
  return stmt<[number], { note: string; by_user: string; at: string }>(book.db,
    'SELECT note, by_user, at FROM credit_followups WHERE ka_account_id = ? ORDER BY id DESC LIMIT 1').get(kaAccountId);
}

export function insertOverride(book: Book, r: { ka_account_id: number; until_date: string; reason: string; by_user: string }): void {
  stmt(book.db, 'INSERT INTO credit_overrides (ka_account_id, until_date, reason, by_user, at) VALUES (?, ?, ?, ?, ?)')
    .run(r.ka_account_id, r.until_date, r.reason, r.by_user, new Date().toISOString());
}

export function activeOverride(book: Book, kaAccountId: number, date: string): { reason: string; by_user: string; until_date: string } | undefined {
  return stmt<[number, string], { reason: string; by_user: string; until_date: string }>(book.db,
    'SELECT reason, by_user, until_date FROM credit_overrides WHERE ka_account_id = ? AND until_date >= ? ORDER BY id DESC LIMIT 1').get(kaAccountId, date);
}

/** 窜货 risk 1: one KA and product at different supply prices in different regions over overlapping dates. */
export function regionalPriceGaps(book: Book) {
  return stmt<[], { ka: string; sku: string; region_a: string; price_a_e4: number; region_b: string; price_b_e4: number; from_date: string; to_date: string }>(book.db, `SELECT k.code AS ka,
      p.sku, a.region AS region_a, a.price_e4 AS price_a_e4, b.region AS region_b, b.price_e4 AS price_b_e4,
      max(a.valid_from, b.valid_from) AS from_date, min(a.valid_to, b.valid_to) AS to_date
    FROM prices a JOIN prices b ON b.ka_account_id = a.ka_account_id AND b.product_id = a.product_id AND b.region <> a.region
      AND b.valid_from <= a.valid_to AND b.valid_to >= a.valid_from AND b.price_e4 <> a.price_e4 AND (a.region < b.region)
      JOIN ka_accounts k ON k.id = a.ka_account_id JOIN products p ON p.id = a.product_id
    ORDER BY k.code, p.sku, from_date`).all();
}

/**
 * 窜货 risk 2: a delivery line far above what the store usually orders — in cases, against the store's own average
 * line of earlier deliveries (any product), so a first order of a product is judged too.
 */
export function orderSpikes(book: Book, factor: number, minPriorLines: number) {
  return stmt<[number, number], { ka: string; store: string; city: string | null; sku: string; delivery_no: string; doc_date: string; cases: number; usual_cases: number }>(book.db, `WITH lines AS (
      SELECT d.ka_account_id, coalesce(l.store_id, d.store_id) AS store_id, l.product_id, d.doc_no, d.doc_date, l.id,
        1.0 * l.qty_milli / (1000 * p.case_pack) AS cases
      FROM documents d JOIN document_lines l ON l.document_id = d.id JOIN products p ON p.id = l.product_id WHERE d.kind = 'delivery'),
    history AS (
      SELECT x.*, avg(x.cases) OVER w AS usual, count(*) OVER w AS n
      FROM lines x WINDOW w AS (PARTITION BY x.store_id ORDER BY x.doc_date, x.id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING))
    SELECT k.code AS ka, s.store_code AS store, s.city, p.sku, h.doc_no AS delivery_no, h.doc_date, CAST(round(h.cases) AS INTEGER) AS cases,
      round(h.usual, 1) AS usual_cases
    FROM history h JOIN ka_accounts k ON k.id = h.ka_account_id JOIN stores s ON s.id = h.store_id JOIN products p ON p.id = h.product_id
    WHERE h.n >= ? AND h.cases > ? * h.usual ORDER BY h.doc_date, k.code, s.store_code`).all(minPriorLines, factor);
}
