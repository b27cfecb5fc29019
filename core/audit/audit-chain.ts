import type { Book } from '../../db/connection.js';
import { insertAudit, iterateAudit, lastAuditHash, type AuditRow } from '../../db/queries/audit.js';
import type { Message } from '../../locale/index.js';
import type { AuditAction, AuditEntity } from '../../vocabulary/index.js';
import { canonicalJson, sha256Hex } from '../canonical-json.js';

/** The first row of every book chains to this. */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEvent {
  actor: string;
  /** create, post, reverse, prepare, reopen, set … (vocabulary/audit.ts) */
  action: AuditAction;
  /** the kind of thing changed: document, store, period, setting … */
  entity: AuditEntity;
  entityKey: string;
  before?: unknown;
  after?: unknown;
}

type ChainedFields = Omit<AuditRow, 'id' | 'hash'>;

/** The hash of one row covers every field and the previous row's hash. */
export function auditRowHash(row: ChainedFields): string {
  // An array of texts (or nulls) is its own canonical JSON: no keys to sort (test/core/audit/audit-chain.test.ts).
  return sha256Hex(JSON.stringify([row.prev_hash, row.at, row.actor, row.action, row.entity, row.entity_key, row.before_json, row.after_json]));
}

/**
 * Appends events to the log. It must run inside the write transaction that makes the change, so the change and
 * its audit row are committed together and the chain is read and extended under the same lock. The previous
 * hash is read afresh for every row, so several writers in one transaction still form one chain.
 */
export class AuditWriter {
  constructor(private readonly book: Book) {}

  append(event: AuditEvent): void {
    if (!this.book.db.inTransaction) throw new Error('audit rows are written inside the write transaction of the change');
    const prev = lastAuditHash(this.book) ?? GENESIS_HASH;
    const fields: ChainedFields = {
      at: new Date().toISOString(),
      actor: event.actor,
      action: event.action,
      entity: event.entity,
      entity_key: event.entityKey,
      before_json: event.before === undefined ? null : canonicalJson(event.before),
      after_json: event.after === undefined ? null : canonicalJson(event.after),
      prev_hash: prev,
    };
    insertAudit(this.book, { ...fields, hash: auditRowHash(fields) });
  }
}

export interface ChainVerdict {
  ok: boolean;
  rows: number;
  /** the first row whose hash or link does not hold */
  brokenAt?: { id: number; reason: Message };
}

/** Walks the whole log and recomputes every hash. */
export function verifyAuditChain(book: Book): ChainVerdict {
  let prev = GENESIS_HASH;
  let rows = 0;
  let lastId = 0;
  for (const row of iterateAudit(book)) {
    rows++;
    if (row.id !== lastId + 1) return { ok: false, rows, brokenAt: { id: row.id, reason: { code: 'audit.row-missing', params: { row: lastId + 1 } } } };
    lastId = row.id;
    if (row.prev_hash !== prev) return { ok: false, rows, brokenAt: { id: row.id, reason: { code: 'audit.not-linked' } } };
    if (auditRowHash(row) !== row.hash) return { ok: false, rows, brokenAt: { id: row.id, reason: { code: 'audit.hash-mismatch' } } };
    prev = row.hash;
  }
  return { ok: true, rows };
}
