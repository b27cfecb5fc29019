import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { legacyIdentities, migrationIdentity, migrationText } from './migration-identity.js';

/** One numbered schema step: `db/migrations/0003-ledger.sql` is version 3. */
export interface Migration {
  version: number;
  name: string;
  /** the file's text with LF line endings (what is run, so every checkout builds the same schema text) */
  sql: string;
  /** its identity, recorded in the book: the hash of its statements, not of the file's bytes (db/migration-identity.ts) */
  sha256: string;
  /** what earlier builds recorded for the same file, recognised once and replaced by the identity */
  legacySha256: string[];
}

const FILE = /^(\d{4})-([a-z0-9-]+)\.sql$/;

const DEFAULT_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
const loaded = new Map<string, Migration[]>();

/** The migrations this build knows, in order. Numbering must run 1, 2, 3 … without gaps. */
export function knownMigrations(dir: string = DEFAULT_DIR): Migration[] {
  const cached = loaded.get(dir);
  if (cached) return cached;
  const files = readdirSync(dir).filter((f) => FILE.test(f)).sort();
  const migrations = files.map((file, i) => {
    const m = FILE.exec(file)!;
    const version = Number(m[1]);
    if (version !== i + 1) throw new Error(`migration numbering has a gap or duplicate at ${file}`);
    const sql = migrationText(readFileSync(join(dir, file)));
    return { version, name: m[2]!, sql, sha256: migrationIdentity(sql), legacySha256: legacyIdentities(sql) };
  });
  loaded.set(dir, migrations);
  return migrations;
}
