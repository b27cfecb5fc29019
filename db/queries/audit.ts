import type { Book } from '../connection.js';
import { stmt } from '../statements.js';

export interface AuditRow {
  id: number; at: string; actor: string; action: string; entity: string; entity_key: string;
  before_json: string | null; after_json: string | null; prev_hash: string; hash: string;
}

export function lastAuditHash(book: Book): string | undefined {
  return stmt<[], { hash: string }>(book.db, 'SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').get()?.hash;
}

export function insertAudit(book: Book, r: Omit<AuditRow, 'id'>): void {
  // Positional parameters: every posted document writes a row here, and binding by name costs a quarter more.
  stmt(book.db, `INSERT INTO audit_log (at, actor, action, entity, entity_key, before_json, after_json, prev_hash, hash)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(r.at, r.actor, r.action, r.entity, r.entity_key, r.before_json, r.after_json, r.prev_hash, r.hash);
}

/** Rows in chain order, streamed: the log grows with every posting and is never loaded whole. */
export function iterateAudit(book: Book): IterableIterator<AuditRow> {
  return book.db.prepare('SELECT * FROM audit_log ORDER BY id').iterate() as IterableIterator<AuditRow>;
}

export function listAudit(book: Book, limit: number, offset: number, entity?: string): AuditRow[] {
  if (entity) {
    return stmt<[string, number, number], AuditRow>(book.db, 'SELECT * FROM audit_log WHERE entity = ? ORDER BY id DESC LIMIT ? OFFSET ?')
      .all(entity, limit, offset);
  }
  return stmt<[number, number], AuditRow>(book.db, 'SELECT * FROM audit_log ORDER BY id DESC LIMIT ? OFFSET ?').all(limit, offset);
}

/** The state recorded by the latest create or update of an entity: what it looks like now. */
export function latestAuditState(book: Book, entity: string, entityKey: string): string | null | undefined {
  return stmt<[string, string], { after_json: string | null }>(book.db, `SELECT after_json FROM audit_log
    WHERE entity = ? AND entity_key = ? AND action IN ('create', 'update') ORDER BY id DESC LIMIT 1`).get(entity, entityKey)?.after_json;
}

export interface AuditFilter { entity: string | null; actor: string | null; action: string | null }

/** The log newest first, narrowed by entity, actor and action, with the count of what the filter selects. */
export function searchAudit(book: Book, f: AuditFilter, limit: number, offset: number): { rows: AuditRow[]; total: number } {
  const where = '(@entity IS NULL OR entity = @entity) AND (@actor IS NULL OR actor = @actor) AND (@action IS NULL OR action = @action)';
  const rows = stmt<[Record<string, unknown>], AuditRow>(book.db, `SELECT * FROM audit_log WHERE ${where} ORDER BY id DESC LIMIT @limit OFFSET @offset`).all({ ...f, limit, offset });
  const total = stmt<[Record<string, unknown>], { n: number }>(book.db, `SELECT count(*) AS n FROM audit_log WHERE ${where}`).get({ ...f })!.n;
  return { rows, total };
}

/** The chain's head: its last row's id (rows run 1, 2, 3 … without gaps) and hash; rows 0 for an empty log. */
export function auditHead(book: Book): { rows: number; hash: string | null } {
  const last = stmt<[], { id: number; hash: string }>(book.db, 'SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get();
  return last ? { rows: last.id, hash: last.hash } : { rows: 0, hash: null };
}

export function auditRow(book: Book, id: number): AuditRow | undefined {
  return stmt<[number], AuditRow>(book.db, 'SELECT * FROM audit_log WHERE id = ?').get(id);
}

/** Rows of some actions in chain order (the close's state changes, restores, postings), streamed. */
export function iterateAuditActions(book: Book, actions: string[]): IterableIterator<AuditRow> {
  return book.db.prepare(`SELECT * FROM audit_log WHERE action IN (${actions.map(() => '?').join(', ')}) ORDER BY id`).iterate(...actions) as IterableIterator<AuditRow>;
}
