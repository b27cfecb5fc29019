import type { HqRole } from '../../../vocabulary/index.js';
import type { HqSql } from '../connection.js';

export interface HqUserRow { username: string; display_name: string; role: HqRole; password_hash: string; disabled: boolean }

export async function findHqUser(db: HqSql, username: string): Promise<HqUserRow | undefined> {
  return (await db.query<HqUserRow>('SELECT username, display_name, role, password_hash, disabled FROM hq_users WHERE username = $1', [username]))[0];
}

export async function countHqAdmins(db: HqSql): Promise<number> {
  return (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM hq_users WHERE role = 'admin' AND NOT disabled"))[0]!.n;
}

export async function insertHqUser(db: HqSql, r: { username: string; display_name: string; role: HqRole; password_hash: string }): Promise<void> {
  await db.query('INSERT INTO hq_users (username, display_name, role, password_hash) VALUES ($1, $2, $3, $4)', [r.username, r.display_name, r.role, r.password_hash]);
}

export async function setHqUserDisabled(db: HqSql, username: string, disabled: boolean): Promise<number> {
  return (await db.query('UPDATE hq_users SET disabled = $2 WHERE username = $1 RETURNING username', [username, disabled])).length;
}

export async function listHqUsers(db: HqSql) {
  return db.query<{ username: string; display_name: string; role: string; disabled: boolean }>('SELECT username, display_name, role, disabled FROM hq_users ORDER BY username');
}

export interface HqAuditRow { seq: number; at: string; actor: string; action: string; entity: string; entity_key: string; before_json: string | null; after_json: string | null; prev_hash: string; hash: string }

/**
 * Takes the chain's lock for the rest of the transaction (appends are one at a time across every connection, until
 * each commits) and returns its last row — seq 0 and no hash when empty. One round trip (hq_audit_head in 0001).
 */
export async function lockAuditHead(tx: HqSql): Promise<{ seq: number; hash: string | null }> {
  return (await tx.query<{ seq: number; hash: string }>('SELECT seq, hash FROM hq_audit_head()'))[0] ?? { seq: 0, hash: null };
}

export async function insertHqAudit(tx: HqSql, r: HqAuditRow): Promise<void> {
  await tx.query(`INSERT INTO hq_audit (seq, at, actor, action, entity, entity_key, before_json, after_json, prev_hash, hash)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`, [r.seq, r.at, r.actor, r.action, r.entity, r.entity_key, r.before_json, r.after_json, r.prev_hash, r.hash]);
}

/** A page of the chain in order, from a row on. */
export async function auditPage(db: HqSql, fromSeq: number, limit: number): Promise<HqAuditRow[]> {
  return db.query<HqAuditRow>('SELECT * FROM hq_audit WHERE seq >= $1 ORDER BY seq LIMIT $2', [fromSeq, limit]);
}

/** The log newest first, for the window and the command. */
export async function latestAudit(db: HqSql, limit: number, offset: number): Promise<HqAuditRow[]> {
  return db.query<HqAuditRow>('SELECT * FROM hq_audit ORDER BY seq DESC LIMIT $1 OFFSET $2', [limit, offset]);
}
