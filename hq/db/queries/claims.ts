import type { HqSql } from '../connection.js';

export interface HqClaimRow {
  id: number; distributor_id: number; distributor: string; distributor_name: string; book: string; doc_no: string; period: string; ka: string | null;
  book_status: string; amount_fen: number; open_fen: number; lines: number; state: string; proposal: string | null; reason: string | null;
  proposed_by: string | null; decided_by: string | null; credit_no: string | null; evidence: unknown;
}

const SELECT = `SELECT c.id, c.distributor_id, d.code AS distributor, d.name AS distributor_name, s.book, c.doc_no, c.period, c.ka, c.book_status,
    c.amount_fen, c.open_fen, c.lines, c.state, c.proposal, c.reason, c.proposed_by, c.decided_by, c.credit_no, c.evidence
  FROM claims c JOIN distributors d ON d.id = c.distributor_id JOIN senders s ON s.id = d.sender_id`;

export async function listHqClaims(db: HqSql, f: { states: string[] | null; distributorId: number | null; ka: string | null; limit: number; offset: number }) {
  const where = `($1::text[] IS NULL OR c.state = ANY($1)) AND ($2::int IS NULL OR c.distributor_id = $2) AND ($3::text IS NULL OR c.ka = $3)`;
  const rows = await db.query<HqClaimRow>(`${SELECT} WHERE ${where} ORDER BY c.period, s.book, d.code, c.doc_no LIMIT $4 OFFSET $5`,
    [f.states, f.distributorId, f.ka, f.limit, f.offset]);
  const total = (await db.query<{ n: number; amount: number }>(`SELECT count(*)::int AS n, coalesce(sum(c.open_fen), 0)::bigint AS amount FROM claims c WHERE ${where}`,
    [f.states, f.distributorId, f.ka]))[0]!;
  return { rows, total: total.n, openFen: total.amount };
}

export async function claimById(db: HqSql, id: number): Promise<HqClaimRow | undefined> {
  return (await db.query<HqClaimRow>(`${SELECT} WHERE c.id = $1`, [id]))[0];
}

/** The maker's step, only on a claim still pending: a second controller doing the same finds it no longer pending. */
export async function proposeClaim(tx: HqSql, id: number, proposal: 'approve' | 'reject', reason: string | null, by: string): Promise<boolean> {
  return (await tx.query(`UPDATE claims SET state = 'proposed', proposal = $2, reason = $3, proposed_by = $4, proposed_at = now()
    WHERE id = $1 AND state = 'pending' RETURNING id`, [id, proposal, reason, by])).length === 1;
}

/** The checker's step, only on a proposed claim and only by someone other than its maker. */
export async function decideClaim(tx: HqSql, id: number, by: string): Promise<boolean> {
  return (await tx.query(`UPDATE claims SET state = CASE WHEN proposal = 'approve' THEN 'approved' ELSE 'rejected' END, decided_by = $2, decided_at = now()
    WHERE id = $1 AND state = 'proposed' AND proposed_by <> $2 RETURNING id`, [id, by])).length === 1;
}

/** A checker who disagrees sends the proposal back to the queue, with the reason. */
export async function sendBackClaim(tx: HqSql, id: number, reason: string): Promise<boolean> {
  return (await tx.query(`UPDATE claims SET state = 'pending', proposal = NULL, reason = $2, proposed_by = NULL, proposed_at = NULL
    WHERE id = $1 AND state = 'proposed' RETURNING id`, [id, reason])).length === 1;
}

/**
 * Approved claims not yet paid, per distributor — red ones (negative) among them, to be set off in the same file
 * (locked: two controllers writing credits files never pay one claim twice).
 */
export async function approvedUncredited(tx: HqSql, distributorId: number | null) {
  return tx.query<HqClaimRow & { manufacturer_code: string | null }>(`${SELECT.replace('SELECT c.id,', 'SELECT s.manufacturer_code, c.id,')}
    WHERE c.state = 'approved' AND c.open_fen <> 0 AND ($1::int IS NULL OR c.distributor_id = $1)
    ORDER BY c.distributor_id, c.period, c.doc_no FOR UPDATE OF c`, [distributorId]);
}

export async function insertCreditsFile(tx: HqSql, r: { distributor_id: number; credit_date: string; method: string; claims: number; amount_fen: number; written_by: string }): Promise<{ id: number; file_no: string }> {
  const id = (await tx.query<{ id: number }>("SELECT nextval(pg_get_serial_sequence('credits_files', 'id'))::bigint AS id"))[0]!.id;
  const fileNo = `HQ${r.credit_date.replace(/-/g, '')}-${String(id).padStart(5, '0')}`;
  await tx.query(`INSERT INTO credits_files (id, distributor_id, file_no, credit_date, method, claims, amount_fen, written_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [id, r.distributor_id, fileNo, r.credit_date, r.method, r.claims, r.amount_fen, r.written_by]);
  return { id, file_no: fileNo };
}

export async function markCredited(tx: HqSql, claimId: number, fileId: number, creditNo: string): Promise<void> {
  await tx.query(`UPDATE claims SET state = 'credited', credits_file_id = $2, credit_no = $3 WHERE id = $1 AND state = 'approved'`, [claimId, fileId, creditNo]);
}

export async function creditsFileById(db: HqSql, fileNo: string) {
  return (await db.query<{ id: number; distributor_id: number; file_no: string; credit_date: string; method: string; claims: number; amount_fen: number; distributor: string; book: string; manufacturer_code: string | null }>(`SELECT f.id,
      f.distributor_id, f.file_no, f.credit_date, f.method, f.claims, f.amount_fen, d.code AS distributor, s.book, s.manufacturer_code
    FROM credits_files f JOIN distributors d ON d.id = f.distributor_id JOIN senders s ON s.id = d.sender_id WHERE f.file_no = $1`, [fileNo]))[0];
}

export async function claimsOfCreditsFile(db: HqSql, fileId: number) {
  return db.query<{ credit_no: string; doc_no: string; ka: string | null; open_fen: number; period: string }>(`SELECT credit_no, doc_no, ka, open_fen, period FROM claims
    WHERE credits_file_id = $1 ORDER BY credit_no`, [fileId]);
}

export async function listCreditsFiles(db: HqSql) {
  return db.query<{ file_no: string; distributor: string; book: string; credit_date: string; method: string; claims: number; amount_fen: number; written_by: string }>(`SELECT f.file_no,
      d.code AS distributor, s.book, f.credit_date, f.method, f.claims, f.amount_fen, f.written_by
    FROM credits_files f JOIN distributors d ON d.id = f.distributor_id JOIN senders s ON s.id = d.sender_id ORDER BY f.id DESC`);
}

/** Distributors by code (a code may repeat across books: then the book tells them apart). */
export async function distributorsByCode(db: HqSql, code: string) {
  return db.query<{ id: number; code: string; name: string; book: string }>(`SELECT d.id, d.code, d.name, s.book FROM distributors d JOIN senders s ON s.id = d.sender_id
    WHERE d.code = $1 OR (s.book || '/' || d.code) = $1 ORDER BY s.book`, [code]);
}
