import { freshSchema, schemaVersion, type Book } from '../../db/connection.js';
import { schemaObjects, type SchemaObjectRow } from '../../db/queries/tamper.js';
import type { Message } from '../../locale/index.js';
import { finding, type CheckResult } from './check-result.js';

const normalise = (sql: string | null) => (sql ?? '').replace(/\s+/g, ' ').trim();
const keyOf = (o: SchemaObjectRow) => `${o.type} ${o.name}`;

/**
 * The book's tables, indexes, triggers and views against a fresh in-memory book built from the same migrations
 * this build has (up to the book's schema version): a dropped or edited trigger — the period lock, the audit log's
 * immutability — or an object nobody's migration made shows here. Nothing is hard-coded, so a migration that
 * replaces triggers is compared as it is.
 */
export function checkSchema(book: Book): CheckResult {
  const fresh = freshSchema(schemaVersion(book));
  let expected: SchemaObjectRow[];
  try {
    expected = schemaObjects(fresh);
  } finally {
    fresh.close();
  }
  const actual = new Map(schemaObjects(book.db).map((o) => [keyOf(o), o]));
  const problems: Message[] = [];
  for (const want of expected) {
    const have = actual.get(keyOf(want));
    actual.delete(keyOf(want));
    if (!have) problems.push({ code: 'security.check-schema-missing', params: { type: want.type, name: want.name } });
    else if (normalise(have.sql) !== normalise(want.sql) || have.tbl_name !== want.tbl_name) problems.push({ code: 'security.check-schema-differs', params: { type: want.type, name: want.name } });
  }
  for (const extra of actual.values()) problems.push({ code: 'security.check-schema-extra', params: { type: extra.type, name: extra.name } });
  return finding('check.schema', problems, { code: 'security.check-schema-ok', params: { count: expected.length } });
}
