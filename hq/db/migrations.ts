import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { UserError } from '../../core/errors.js';
import type { HqDb } from './connection.js';

/** One numbered schema step of the head office's database: `hq/db/migrations/0002-….sql` is version 2. */
export interface HqMigration { version: number; name: string; sql: string; sha256: string }

const FILE = /^(\d{4})-([a-z0-9-]+)\.sql$/;
let loaded: HqMigration[] | undefined;

/** The migrations this build knows, in order; numbering runs 1, 2, 3 … without gaps (as the book's do). */
export function knownHqMigrations(): HqMigration[] {
  if (loaded) return loaded;
  const dir = fileURLToPath(new URL('./migrations/', import.meta.url));
  const files = readdirSync(dir).filter((f) => FILE.test(f)).sort();
  loaded = files.map((file, i) => {
    const m = FILE.exec(file)!;
    if (Number(m[1]) !== i + 1) throw new Error(`head-office migration numbering has a gap or duplicate at ${file}`);
    // Line endings do not change a migration's identity: a checkout with CRLF is the same schema.
    const sql = readFileSync(`${dir}/${file}`, 'utf8').replace(/\r\n/g, '\n');
    return { version: i + 1, name: m[2]!, sql, sha256: createHash('sha256').update(sql).digest('hex') };
  });
  return loaded;
}

// Any fixed number: the lock that keeps two ka-settles from migrating one database at the same time.
const MIGRATION_LOCK = 7_210_021;

/**
 * Brings the database's schema to this build's: each missing migration in its own transaction, recorded with its
 * SHA-256. A database with migrations this build does not know, or a different history under the same numbers, is
 * refused. Returns the versions applied.
 */
export async function migrateHq(db: HqDb): Promise<{ from: number; to: number }> {
  const known = knownHqMigrations();
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.exec(`CREATE TABLE IF NOT EXISTS hq_schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, sha256 text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const recorded = await tx.query<{ version: number; name: string; sha256: string }>('SELECT version, name, sha256 FROM hq_schema_migrations ORDER BY version');
    if (recorded.length > known.length) throw new UserError('hq.newer-schema', { where: db.where, version: recorded.length, known: known.length });
    for (const r of recorded) {
      const mine = known[r.version - 1];
      if (!mine || mine.name !== r.name || mine.sha256 !== r.sha256) throw new UserError('hq.unknown-migration', { where: db.where, version: r.version, name: r.name });
    }
    for (const m of known.slice(recorded.length)) {
      await tx.exec(m.sql);
      await tx.query('INSERT INTO hq_schema_migrations (version, name, sha256) VALUES ($1, $2, $3)', [m.version, m.name, m.sha256]);
    }
    return { from: recorded.length, to: known.length };
  });
}

/** The schema version of a database this build can work on; a database not yet made, or made by a newer build, is refused. */
export async function assertHqSchema(db: HqDb): Promise<number> {
  const exists = await db.query<{ t: string | null }>("SELECT to_regclass('hq_schema_migrations')::text AS t");
  if (!exists[0]?.t) throw new UserError('hq.not-initialised', { where: db.where });
  const rows = await db.query<{ version: number; name: string; sha256: string }>('SELECT version, name, sha256 FROM hq_schema_migrations ORDER BY version');
  const known = knownHqMigrations();
  if (rows.length > known.length) throw new UserError('hq.newer-schema', { where: db.where, version: rows.length, known: known.length });
  for (const r of rows) {
    const mine = known[r.version - 1];
    if (!mine || mine.sha256 !== r.sha256) throw new UserError('hq.unknown-migration', { where: db.where, version: r.version, name: r.name });
  }
  if (rows.length < known.length) throw new UserError('hq.needs-upgrade', { where: db.where, version: rows.length, known: known.length });
  return rows.length;
}
