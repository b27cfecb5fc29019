import type { Book } from '../connection.js';
import { stmt } from '../statements.js';

/** The raw facts behind `check`'s tamper evidence: statements with their hashes, audit coverage, the schema. */

export interface StoredStatementRow {
  id: number; period: string; distributor_id: number; distributor: string; version: number; status: string; content_json: string; sha256: string;
}

/** Every stored statement version with its distributor's code, streamed (content included). */
export function iterateStoredStatements(book: Book): IterableIterator<StoredStatementRow> {
  return book.db.prepare(`SELECT s.id, s.period, s.distributor_id, d.code AS distributor, s.version, s.status, s.content_json, s.sha256
    FROM settlement_statements s JOIN distributors d ON d.id = s.distributor_id ORDER BY s.id`).iterate() as IterableIterator<StoredStatementRow>;
}

export function findStoredStatement(book: Book, period: string, distributor: string, version: number): StoredStatementRow | undefined {
  return stmt<[string, string, number], StoredStatementRow>(book.db, `SELECT s.id, s.period, s.distributor_id, d.code AS distributor, s.version, s.status,
      s.content_json, s.sha256
    FROM settlement_statements s JOIN distributors d ON d.id = s.distributor_id WHERE s.period = ? AND d.code = ? AND s.version = ?`).get(period, distributor, version);
}

/** Documents with no audit row of their posting: how many, and the first few keys. */
export function unauditedDocuments(book: Book, limit = 5): { count: number; first: string[] } {
  const where = `FROM documents d WHERE NOT EXISTS (SELECT 1 FROM audit_log a
    WHERE a.entity = 'document' AND a.entity_key = d.kind || ':' || d.natural_key)`;
  const count = stmt<[], { n: number }>(book.db, `SELECT count(*) AS n ${where}`).get()!.n;
  const first = count ? stmt<[number], { key: string }>(book.db, `SELECT d.kind || ':' || d.natural_key AS key ${where} ORDER BY d.id LIMIT ?`).all(limit).map((r) => r.key) : [];
  return { count, first };
}

export function documentCount(book: Book): number {
  return stmt<[], { n: number }>(book.db, 'SELECT count(*) AS n FROM documents').get()!.n;
}

export interface SchemaObjectRow { type: string; name: string; tbl_name: string; sql: string | null }

/** Tables, indexes, triggers and views as SQLite keeps them (its own internal objects left out). */
export function schemaObjects(db: Book['db']): SchemaObjectRow[] {
  return db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all() as SchemaObjectRow[];
}
