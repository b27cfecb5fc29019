import type Database from 'better-sqlite3';

/** Prepared statements are compiled once per connection and reused: preparing is the slow part of a query. */
const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function stmt<P extends unknown[] | {} = unknown[], R = unknown>(
  db: Database.Database,
  sql: string,
): Database.Statement<P, R> {
  let perDb = cache.get(db);
  if (!perDb) {
    perDb = new Map();
    cache.set(db, perDb);
  }
  let s = perDb.get(sql);
  if (!s) {
    s = db.prepare(sql);
    perDb.set(sql, s);
  }
  return s as unknown as Database.Statement<P, R>;
}
