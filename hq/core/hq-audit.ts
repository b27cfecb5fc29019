import { GENESIS_HASH, auditRowHash } from '../../core/audit/audit-chain.js';
import { canonicalJson } from '../../core/canonical-json.js';
import type { HqDb, HqSql } from '../db/connection.js';
import { auditPage, insertHqAudit, lockAuditHead, type HqAuditRow } from '../db/queries/people.js';

export interface HqAuditEvent { actor: string; action: string; entity: string; entityKey: string; before?: unknown; after?: unknown }

/**
 * Appends to the head office's audit log inside the transaction that makes the change, hash-chained exactly as the
 * book's log is (core/audit: each row's hash covers its fields and the previous row's hash). The chain's lock is
 * held to the end of the transaction, so two controllers writing at once still make one chain.
 */
export async function appendHqAudit(tx: HqSql, event: HqAuditEvent): Promise<void> {
  await insertHqAudit(tx, await nextHqAuditRow(tx, event));
}

/** The next row of the chain for an event, its head locked to the end of the transaction; the caller inserts it. */
export async function nextHqAuditRow(tx: HqSql, event: HqAuditEvent): Promise<HqAuditRow> {
  const head = await lockAuditHead(tx);
  const fields = {
    at: new Date().toISOString(), actor: event.actor, action: event.action, entity: event.entity, entity_key: event.entityKey,
    before_json: event.before === undefined ? null : canonicalJson(event.before), after_json: event.after === undefined ? null : canonicalJson(event.after),
    prev_hash: head.hash ?? GENESIS_HASH,
  };
  return { seq: head.seq + 1, ...fields, hash: auditRowHash(fields) };
}

export interface HqChainVerdict { ok: boolean; rows: number; brokenAt?: { seq: number; reason: 'missing' | 'link' | 'hash' } }

/** Walks the whole log in pages and recomputes every hash. */
export async function verifyHqAudit(db: HqDb): Promise<HqChainVerdict> {
  let prev = GENESIS_HASH;
  let expected = 1;
  for (;;) {
    const page = await auditPage(db, expected, 5000);
    if (!page.length) return { ok: true, rows: expected - 1 };
    for (const row of page) {
      if (row.seq !== expected) return { ok: false, rows: expected - 1, brokenAt: { seq: expected, reason: 'missing' } };
      if (row.prev_hash !== prev) return { ok: false, rows: expected, brokenAt: { seq: row.seq, reason: 'link' } };
      if (auditRowHash(row) !== row.hash) return { ok: false, rows: expected, brokenAt: { seq: row.seq, reason: 'hash' } };
      prev = row.hash;
      expected++;
    }
  }
}
