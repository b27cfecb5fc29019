import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** One numbered schema step: `db/migrations/0003-ledger.sql` is version 3. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
  sha256: string;
}

const FILE = /^(\d{4})-([a-z0-9-]+)\.sql$/;

let loaded: Migration[] | undefined;

/** The migrations this build knows, in order. Numbering must run 1, 2, 3 … without gaps. */
export function knownMigrations(): Migration[] {
  if (loaded) return loaded;
  const dir = fileURLToPath(new URL('./migrations/', import.meta.url));
  const files = readdirSync(dir).filter((f) => FILE.test(f)).sort();
  loaded = files.map((file, i) => {
    const m = FILE.exec(file)!;
    const version = Number(m[1]);
    if (version !== i + 1) throw new Error(`migration numbering has a gap or duplicate at ${file}`);
    const sql = readFileSync(`${dir}/${file}`, 'utf8');
    return { version, name: m[2]!, sql, sha256: createHash('sha256').update(sql).digest('hex') };
  });
  return loaded;
}
