import { execFileSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { expect } from 'vitest';

/** The system's sqlite3 command (Debian 12: 3.40), a separate build from the SQLite better-sqlite3 bundles. */
export const SQLITE3 = process.env.KA_SETTLE_SQLITE3 ?? 'sqlite3';

export function cli(path: string, sql: string): string {
  return execFileSync(SQLITE3, ['-readonly', '-batch', '-bail', path, sql], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** What the sqlite3 command says on stderr when it refuses (empty when it did not). */
export function cliError(path: string, sql: string): string {
  try {
    cli(path, sql);
    return '';
  } catch (e) {
    return String((e as { stderr?: string }).stderr ?? e);
  }
}

/** The system sqlite3's version as [major, minor]. */
export function cliVersion(): [number, number] {
  const [major, minor] = cli(':memory:', 'SELECT sqlite_version();').trim().split('.').map(Number) as [number, number];
  return [major, minor];
}

function tablesOf(path: string): string[] {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
  } finally {
    db.close();
  }
}

/** integrity_check, foreign_key_check, and one query of every table, with its row count compared to ours. */
export function readWithCli(path: string): void {
  expect(cli(path, 'PRAGMA integrity_check;').trim()).toBe('ok');
  expect(cli(path, 'PRAGMA foreign_key_check;').trim()).toBe('');
  const ours = new Database(path, { readonly: true });
  try {
    for (const table of tablesOf(path)) {
      const theirs = Number(cli(path, `SELECT count(*) FROM "${table}"; SELECT * FROM "${table}" ORDER BY rowid DESC LIMIT 1;`).split('\n')[0]);
      expect(theirs, table).toBe((ours.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n);
    }
  } finally {
    ours.close();
  }
}
