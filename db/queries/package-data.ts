import type { Book } from '../connection.js';
import { stmt } from '../statements.js';

/** What a settlement package (DESIGN.md §6) is made of, read from the book. Money in fen. */

export interface SigningKeyRow { key_id: string; public_pem: string; private_pem: string; created_by: string; created_at: string }

export function currentSigningKey(book: Book): SigningKeyRow | undefined {
  return stmt<[], SigningKeyRow>(book.db, 'SELECT key_id, public_pem, private_pem, created_by, created_at FROM signing_keys ORDER BY id DESC LIMIT 1').get();
}

export function insertSigningKey(book: Book, r: { key_id: string; public_pem: string; private_pem: string; created_by: string }): void {
  stmt(book.db, `INSERT INTO signing_keys (algorithm, key_id, public_pem, private_pem, created_by, created_at)
    VALUES ('ed25519', @key_id, @public_pem, @private_pem, @created_by, @created_at)`).run({ ...r, created_at: new Date().toISOString() });
}

export function insertPackageRecord(book: Book, r: { period: string; edition: number; body_sha256: string; key_id: string; written_by: string }): void {
  stmt(book.db, `INSERT INTO settlement_packages (period, edition, body_sha256, key_id, written_by, written_at)
    VALUES (@period, @edition, @body_sha256, @key_id, @written_by, @written_at)`).run({ ...r, written_at: new Date().toISOString() });
}

/** How many times the month was approved: a reopened and re-approved month is its second edition. */
export function approvalsOfPeriod(book: Book, period: string): number {
  return stmt<[string], { n: number }>(book.db, `SELECT count(DISTINCT approved_at) AS n FROM settlement_statements
    WHERE period = ? AND approved_at IS NOT NULL`).get(period)!.n;
}

export function distributorsWithRegion(book: Book) {
  return stmt<[], { id: number; code: string; name: string; region: string | null; manufacturer_code: string; manufacturer_name: string }>(book.db, `SELECT d.id, d.code,
      d.name, d.region, m.code AS manufacturer_code, m.name AS manufacturer_name
    FROM distributors d JOIN manufacturers m ON m.id = d.manufacturer_id ORDER BY d.code`).all();
}

/** Receivables and what the manufacturer owes, open at a date (clearings after it not counted), per item. */
export function openItemsAt(book: Book, distributorId: number, asOf: string) {
  return stmt<[Record<string, unknown>], { account: string; kind: string; doc_no: string; doc_date: string; due_date: string | null; ka: string | null; store: string | null; amount_fen: number; open_fen: number }>(book.db, `SELECT
      o.account, d.kind, d.doc_no, o.doc_date, o.due_date, k.code AS ka, s.store_code AS store, o.amount_fen,
      o.amount_fen + coalesce((SELECT sum(p.amount_fen) FROM clearing_parts p JOIN clearings c ON c.id = p.clearing_id
        WHERE p.open_item_id = o.id AND c.clearing_date <= @asOf), 0) AS open_fen
    FROM open_items o JOIN documents d ON d.id = o.document_id LEFT JOIN ka_accounts k ON k.id = o.ka_account_id
      LEFT JOIN stores s ON s.id = o.store_id
    WHERE o.distributor_id = @distributor AND o.account IN ('ar_ka', 'claims_manufacturer', 'ar_manufacturer') AND o.doc_date <= @asOf
      AND o.amount_fen + coalesce((SELECT sum(p.amount_fen) FROM clearing_parts p JOIN clearings c ON c.id = p.clearing_id
        WHERE p.open_item_id = o.id AND c.clearing_date <= @asOf), 0) <> 0
    ORDER BY o.account, o.doc_date, o.id`).all({ distributor: distributorId, asOf });
}

/** The month's deductions with the contract's verdict, its reason and the split. */
export function deductionVerdicts(book: Book, distributorId: number, period: string) {
  return stmt<[number, string], { doc_no: string; doc_date: string; ka: string | null; store: string | null; wording: string | null; fee_type: string | null; method: string | null; amount_fen: number; manufacturer_fen: number; distributor_fen: number; verdict: string; disputed: number; reason: string }>(book.db, `SELECT d.doc_no,
      d.doc_date, k.code AS ka, s.store_code AS store, l.fee_text AS wording, c.fee_type, d.method, l.amount_fen, c.manufacturer_fen,
      c.distributor_fen, c.verdict, c.disputed, c.reason
    FROM deduction_checks c JOIN document_lines l ON l.id = c.line_id JOIN documents d ON d.id = l.document_id
      LEFT JOIN ka_accounts k ON k.id = d.ka_account_id LEFT JOIN stores s ON s.id = coalesce(l.store_id, d.store_id)
    WHERE coalesce(d.distributor_id, s.distributor_id) = ? AND c.period = ? ORDER BY d.doc_date, c.line_id`).all(distributorId, period);
}

/**
 * Fee claims of the distributor up to the month, with their evidence, what was open at its end, and the red reversal
 * (冲销) that withdrew one by then — so a claim of a month already packaged that is reversed later reaches the head
 * office as withdrawn in the package of the month the reversal is booked in.
 */
export function claimsWithEvidence(book: Book, distributorId: number, upToPeriod: string, asOf: string) {
  return stmt<[Record<string, unknown>], { doc_no: string; doc_date: string; period: string; ka: string | null; status: string; amount_fen: number; open_fen: number; lines: number; evidence_json: string; reversal_no: string | null; reversal_date: string | null }>(book.db, `SELECT d.doc_no,
      d.doc_date, c.period, k.code AS ka, c.status, d.total_fen AS amount_fen,
      coalesce((SELECT o.amount_fen + coalesce((SELECT sum(p.amount_fen) FROM clearing_parts p JOIN clearings cl ON cl.id = p.clearing_id
          WHERE p.open_item_id = o.id AND cl.clearing_date <= @asOf), 0)
        FROM open_items o WHERE o.document_id = d.id AND o.account = 'claims_manufacturer'), 0) AS open_fen,
      (SELECT count(*) FROM deduction_postings f WHERE f.claim_document_id = d.id) AS lines, c.evidence_json,
      r.doc_no AS reversal_no, r.doc_date AS reversal_date
    FROM fee_claims c JOIN documents d ON d.id = c.document_id LEFT JOIN ka_accounts k ON k.id = c.ka_account_id
      LEFT JOIN documents r ON r.reverses_id = d.id AND r.doc_date <= @asOf
    WHERE c.distributor_id = @distributor AND c.period <= @upTo ORDER BY c.period, d.doc_no`).all({ asOf, distributor: distributorId, upTo: upToPeriod });
}

/** The month's accruals and claims on the manufacturer other than fee claims: rebates, delivery cost, price protection. */
export function accrualDocuments(book: Book, distributorId: number, period: string) {
  return stmt<[number, string], { kind: string; doc_no: string; doc_date: string; ka: string | null; memo: string | null; amount_fen: number }>(book.db, `SELECT d.kind,
      d.doc_no, d.doc_date, k.code AS ka, d.memo, d.total_fen AS amount_fen
    FROM documents d LEFT JOIN ka_accounts k ON k.id = d.ka_account_id
    WHERE d.distributor_id = ? AND d.period = ? AND d.kind IN ('rebate_accrual', 'delivery_cost_claim', 'price_protection_claim')
    ORDER BY d.kind, d.doc_date, d.id`).all(distributorId, period);
}

/**
 * What the stores accepted and returned in the month, per KA, store and product: quantity, amount and the lowest and
 * highest unit price (the head office's marketing audit and its cross-region price watch are built from these).
 */
export function salesByStoreProduct(book: Book, distributorId: number, period: string) {
  return stmt<[string, number], { ka: string; store: string; store_name: string; region: string; city: string | null; sku: string; product_name: string; qty_milli: number; amount_fen: number; returns_fen: number; min_price_e4: number | null; max_price_e4: number | null }>(book.db, `SELECT
      k.code AS ka, s.store_code AS store, s.name AS store_name, s.region, s.city, p.sku, p.name AS product_name,
      coalesce(sum(CASE WHEN d.kind = 'receipt' THEN l.qty_milli END), 0) AS qty_milli,
      coalesce(sum(CASE WHEN d.kind = 'receipt' THEN l.amount_fen END), 0) AS amount_fen,
      coalesce(sum(CASE WHEN d.kind = 'return' THEN l.amount_fen END), 0) AS returns_fen,
      min(CASE WHEN d.kind = 'receipt' THEN l.price_e4 END) AS min_price_e4, max(CASE WHEN d.kind = 'receipt' THEN l.price_e4 END) AS max_price_e4
    FROM documents d JOIN document_lines l ON l.document_id = d.id JOIN stores s ON s.id = coalesce(l.store_id, d.store_id)
      JOIN ka_accounts k ON k.id = s.ka_account_id JOIN products p ON p.id = l.product_id
    WHERE d.period = ? AND d.kind IN ('receipt', 'return') AND s.distributor_id = ?
    GROUP BY s.id, p.id ORDER BY k.code, s.store_code, p.sku`).all(period, distributorId);
}

/** The summary of the month's last reconciliation over every KA. */
export function lastReconSummary(book: Book, period: string): string | undefined {
  return stmt<[string], { summary_json: string }>(book.db, `SELECT summary_json FROM recon_runs WHERE period = ? AND ka_code IS NULL
    ORDER BY id DESC LIMIT 1`).get(period)?.summary_json;
}

/** The audit chain's head: how many rows and the hash of the last. */
export function auditHead(book: Book): { rows: number; hash: string | null } {
  const r = stmt<[], { rows: number; hash: string | null }>(book.db, 'SELECT count(*) AS rows, (SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1) AS hash FROM audit_log').get()!;
  return r;
}

/** Manufacturer credits of an import batch that name a fee claim of their distributor, with both open items. */
export function creditsNamingClaims(book: Book, batchId: number) {
  return stmt<[number], { credit_doc_no: string; credit_item_id: number; credit_open_fen: number; credit_date: string; claim_document_id: number; claim_doc_no: string; claim_status: string; claim_item_id: number; claim_open_fen: number; claim_date: string }>(book.db, `SELECT
      cr.doc_no AS credit_doc_no, co.id AS credit_item_id, co.amount_fen + coalesce((SELECT sum(p.amount_fen) FROM clearing_parts p WHERE p.open_item_id = co.id), 0) AS credit_open_fen,
      cr.doc_date AS credit_date, cd.id AS claim_document_id, cd.doc_no AS claim_doc_no, fc.status AS claim_status, ci.id AS claim_item_id,
      ci.amount_fen + coalesce((SELECT sum(p.amount_fen) FROM clearing_parts p WHERE p.open_item_id = ci.id), 0) AS claim_open_fen, cd.doc_date AS claim_date
    FROM documents cr JOIN open_items co ON co.document_id = cr.id AND co.account = 'claims_manufacturer'
      JOIN documents cd ON cd.kind = 'fee_claim' AND cd.doc_no = cr.reference AND cd.distributor_id = cr.distributor_id
      JOIN fee_claims fc ON fc.document_id = cd.id JOIN open_items ci ON ci.document_id = cd.id AND ci.account = 'claims_manufacturer'
    WHERE cr.batch_id = ? AND cr.kind = 'manufacturer_credit' ORDER BY cr.id`).all(batchId);
}
