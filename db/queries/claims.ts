import type { Book } from '../connection.js';
import { stmt } from '../statements.js';

export type { ClaimStatus } from '../../vocabulary/index.js';
import type { ClaimStatus } from '../../vocabulary/index.js';

/** Undisputed, unclaimed deduction lines with a manufacturer share, grouped later by KA and distributor. */
export function claimableDeductions(book: Book, period: string, kaAccountId: number | null) {
  return stmt<[string, number | null, number | null], { line_id: number; doc_no: string; ka_account_id: number; ka_code: string; distributor_id: number | null; distributor_code: string | null; manufacturer_id: number | null; store_id: number | null; store_code: string | null; fee_type: string; fee_text: string | null; amount_fen: number; manufacturer_fen: number; distributor_fen: number }>(book.db, `SELECT c.line_id,
      d.doc_no, d.ka_account_id, k.code AS ka_code, coalesce(d.distributor_id, s.distributor_id) AS distributor_id,
      (SELECT code FROM distributors WHERE id = coalesce(d.distributor_id, s.distributor_id)) AS distributor_code,
      coalesce(d.manufacturer_id, (SELECT manufacturer_id FROM distributors WHERE id = coalesce(d.distributor_id, s.distributor_id))) AS manufacturer_id,
      coalesce(l.store_id, d.store_id) AS store_id, s.store_code, c.fee_type, l.fee_text, l.amount_fen, c.manufacturer_fen, c.distributor_fen
    FROM deduction_checks c JOIN document_lines l ON l.id = c.line_id JOIN documents d ON d.id = l.document_id
      JOIN ka_accounts k ON k.id = d.ka_account_id LEFT JOIN stores s ON s.id = coalesce(l.store_id, d.store_id)
    WHERE c.period = ? AND (? IS NULL OR c.ka_account_id = ?) AND c.disputed = 0 AND c.verdict = 'ok'
      AND NOT EXISTS (SELECT 1 FROM deduction_postings f WHERE f.deduction_line_id = c.line_id)
    ORDER BY d.ka_account_id, distributor_id, c.line_id`).all(period, kaAccountId, kaAccountId);
}

export function insertClaim(book: Book, r: { document_id: number; status: ClaimStatus; period: string; ka_account_id: number; distributor_id: number | null; evidence_json: string; changed_by: string }): void {
  stmt(book.db, `INSERT INTO fee_claims (document_id, status, period, ka_account_id, distributor_id, evidence_json, changed_by, changed_at)
    VALUES (@document_id, @status, @period, @ka_account_id, @distributor_id, @evidence_json, @changed_by, @changed_at)`)
    .run({ ...r, changed_at: new Date().toISOString() });
}

export function insertDeductionPosting(book: Book, r: { deduction_line_id: number; claim_document_id: number | null; adjustment_document_id: number | null; manufacturer_fen: number; distributor_fen: number }): void {
  stmt(book.db, `INSERT INTO deduction_postings (deduction_line_id, claim_document_id, adjustment_document_id, manufacturer_fen, distributor_fen)
    VALUES (?, ?, ?, ?, ?)`).run(r.deduction_line_id, r.claim_document_id, r.adjustment_document_id, r.manufacturer_fen, r.distributor_fen);
}

export function countClaims(book: Book, kaAccountId: number, distributorId: number | null, period: string): number {
  return stmt<[number, number | null, number | null, string], { n: number }>(book.db, `SELECT count(*) AS n FROM fee_claims
    WHERE ka_account_id = ? AND (distributor_id = ? OR (? IS NULL AND distributor_id IS NULL)) AND period = ?`).get(kaAccountId, distributorId, distributorId, period)!.n;
}

export interface ClaimRow {
  id: number; doc_no: string; doc_date: string; period: string; ka: string | null; distributor: string | null; status: ClaimStatus;
  amount_fen: number; open_fen: number; lines: number; changed_by: string; changed_at: string; evidence_json: string;
  distributor_id: number | null; open_item_id: number | null;
  /** the reversal (红字) that withdrew the claim, if any */
  reversed_by: number | null;
}

const CLAIM_SELECT = `SELECT d.id, d.doc_no, d.doc_date, c.period, k.code AS ka, di.code AS distributor, c.status, d.total_fen AS amount_fen,
    coalesce((SELECT o.amount_fen + coalesce((SELECT sum(p.amount_fen) FROM clearing_parts p WHERE p.open_item_id = o.id), 0)
      FROM open_items o WHERE o.document_id = d.id AND o.account = 'claims_manufacturer'), 0) AS open_fen,
    (SELECT count(*) FROM deduction_postings f WHERE f.claim_document_id = d.id) AS lines, c.changed_by, c.changed_at, c.evidence_json,
    c.distributor_id, (SELECT o.id FROM open_items o WHERE o.document_id = d.id AND o.account = 'claims_manufacturer') AS open_item_id,
    (SELECT r.id FROM documents r WHERE r.reverses_id = d.id) AS reversed_by
  FROM fee_claims c JOIN documents d ON d.id = c.document_id LEFT JOIN ka_accounts k ON k.id = c.ka_account_id
    LEFT JOIN distributors di ON di.id = c.distributor_id`;

export function listClaims(book: Book, status: string | null, limit: number, offset: number): ClaimRow[] {
  return stmt<[string | null, string | null, number, number], ClaimRow>(book.db, `${CLAIM_SELECT}
    WHERE (? IS NULL OR c.status = ?) ORDER BY d.doc_date, d.id LIMIT ? OFFSET ?`).all(status, status, limit, offset);
}

export function getClaim(book: Book, id: number): ClaimRow | undefined {
  return stmt<[number], ClaimRow>(book.db, `${CLAIM_SELECT} WHERE c.document_id = ?`).get(id);
}

export function setClaimStatus(book: Book, id: number, status: ClaimStatus, by: string): void {
  stmt(book.db, 'UPDATE fee_claims SET status = ?, changed_by = ?, changed_at = ? WHERE document_id = ?').run(status, by, new Date().toISOString(), id);
}

export function claimCounts(book: Book) {
  return stmt<[], { status: string; claims: number; amount_fen: number }>(book.db, `SELECT c.status, count(*) AS claims, sum(d.total_fen) AS amount_fen
    FROM fee_claims c JOIN documents d ON d.id = c.document_id GROUP BY c.status ORDER BY c.status`).all();
}
