import { execFileSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBook } from '../../core/book/create-book.js';
import { openExistingBook } from '../../core/book/open-book.js';
import { generateDemo } from '../../core/demo/generate-demo.js';
import { openBook } from '../../db/connection.js';
import { knownMigrations } from '../../db/migrations.js';
import { tempDir } from '../helpers/temp-book.js';

/**
 * A book must open wherever SQLite 3.37+ opens (STRICT tables are the floor), not only in the SQLite bundled with
 * better-sqlite3: these tests read books with the system's sqlite3 command (Debian 12: 3.40), a separate build.
 */
const SQLITE3 = process.env.KA_SETTLE_SQLITE3 ?? 'sqlite3';

function cli(path: string, sql: string): string {
  return execFileSync(SQLITE3, ['-readonly', '-batch', '-bail', path, sql], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function cliError(path: string, sql: string): string {
  try {
    cli(path, sql);
    return '';
  } catch (e) {
    return String((e as { stderr?: string }).stderr ?? e);
  }
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
function readWithCli(path: string): void {
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

/** Parts of SQL that SQLite 3.37 does not know, which the schema must never contain. */
const NEWER_THAN_3_37: [RegExp, string][] = [
  [/RAISE\s*\(\s*\w+\s*,\s*'[^']*'\s*\|\|/i, 'RAISE with an expression (3.47)'],
  [/RAISE\s*\(\s*\w+\s*,\s*[^'\s]/i, 'RAISE with a non-literal message (3.47)'],
  [/->>?/, 'the -> and ->> JSON operators (3.38)'],
  [/\bunixepoch\s*\(/i, 'unixepoch() (3.38)'],
  [/\bIS\s+(NOT\s+)?DISTINCT\s+FROM\b/i, 'IS DISTINCT FROM (3.39)'],
  [/\b(RIGHT|FULL)\s+(OUTER\s+)?JOIN\b/i, 'RIGHT and FULL joins (3.39)'],
  [/\b(unhex|octet_length|timediff|concat|concat_ws|string_agg|jsonb\w*|json_pretty|unistr|if)\s*\(/i, 'a function added after 3.37'],
  [/\bformat\s*\(/i, 'format() (3.38; printf() is older)'],
];

function newerSql(path: string): string[] {
  const db = new Database(path, { readonly: true });
  try {
    const rows = db.prepare('SELECT name, sql FROM sqlite_schema WHERE sql IS NOT NULL').all() as { name: string; sql: string }[];
    // Comments may mention anything; only the SQL counts.
    return rows.flatMap((r) => NEWER_THAN_3_37.filter(([re]) => re.test(r.sql.replace(/--[^\n]*/g, ''))).map(([, what]) => `${r.name}: ${what}`));
  } finally {
    db.close();
  }
}

describe('a book read by another SQLite', () => {
  it('is the system sqlite3 of 3.37 or later (the floor is STRICT tables)', () => {
    const version = cli(':memory:', 'SELECT sqlite_version();').trim();
    const [major, minor] = version.split('.').map(Number) as [number, number];
    expect(major * 1000 + minor).toBeGreaterThanOrEqual(3037);
  });

  it('opens a fresh book read-only, checks it and reads every table; the schema holds nothing newer than 3.37', async () => {
    const path = join(tempDir(), 'fresh.kasettle');
    (await createBook(path, 'tester')).close();
    readWithCli(path);
    expect(newerSql(path)).toEqual([]);
  });

  it('opens a demo book read-only, checks it and reads every table with the same row counts', async () => {
    const path = join(tempDir(), 'demo.kasettle');
    const book = await createBook(path, 'tester', 'demo');
    generateDemo(book, { seed: 3 });
    book.close();
    readWithCli(path);
    expect(newerSql(path)).toEqual([]);
  });

  it('makes a book of the last version before the portable triggers readable by migrating it', async () => {
    const path = join(tempDir(), 'v9.kasettle');
    const before = knownMigrations().findIndex((m) => m.name === 'portable-triggers');
    expect(before).toBeGreaterThan(0);
    (await openBook(path, { create: true, upToVersion: before })).close();
    const version = cli(':memory:', 'SELECT sqlite_version();').trim();
    const [, minor] = version.split('.').map(Number) as [number, number];
    // An SQLite older than 3.47 cannot read the old schema at all: that is what the migration repairs.
    if (minor < 47) expect(cliError(path, 'PRAGMA integrity_check;')).toMatch(/malformed database schema/);
    expect(newerSql(path).length).toBeGreaterThan(0);
    (await openExistingBook(path)).close();
    readWithCli(path);
    expect(newerSql(path)).toEqual([]);
  });
});
