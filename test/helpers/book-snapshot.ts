import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';

/** Every row of every table of a book (and its schema), hashed per table: "the book is unchanged" means equal maps. */
export function tableHashes(path: string, except: string[] = []): Record<string, string> {
  const db = new Database(path, { readonly: true });
  try {
    const tables = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
    const out: Record<string, string> = { sqlite_schema: hash(db.prepare('SELECT type, name, sql FROM sqlite_schema ORDER BY type, name').raw().all()) };
    for (const t of tables.filter((x) => !except.includes(x))) out[t] = hash(db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).raw().all());
    return out;
  } finally {
    db.close();
  }
}

function hash(rows: unknown[]): string {
  return `${rows.length}:${createHash('sha256').update(JSON.stringify(rows, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))).digest('hex')}`;
}
