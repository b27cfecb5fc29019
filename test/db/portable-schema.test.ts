import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createBook } from '../../core/book/create-book.js';
import { openExistingBook } from '../../core/book/open-book.js';
import { generateDemo } from '../../core/demo/generate-demo.js';
import { openBook } from '../../db/connection.js';
import { knownMigrations } from '../../db/migrations.js';
import { newerSql, nonConstantRaises, schemaRows, triggerCondition, triggersWithExpressionRaise } from '../helpers/schema-sql.js';
import { cli, cliError, cliVersion, readWithCli, SQLITE3 } from '../helpers/sqlite-cli.js';
import { tempDir } from '../helpers/temp-book.js';

/**
 * A book must open wherever SQLite 3.37+ opens (STRICT tables are the floor), not only in the SQLite bundled with
 * better-sqlite3: these tests read books with the system's sqlite3 command (Debian 12: 3.40), a separate build,
 * and fail on any trigger whose RAISE carries an expression, whatever the system sqlite3 is — so a later
 * migration that creates one cannot land.
 */
const PORTABLE = 'portable-triggers';
const portableVersion = knownMigrations().find((m) => m.name === PORTABLE)!.version;

async function bookAt(version: number | undefined, name: string): Promise<string> {
  const path = join(tempDir(), name);
  (await openBook(path, { create: true, upToVersion: version })).close();
  return path;
}

/** The system sqlite3 writing, as another tool would; what it says on stderr ('' when it wrote). */
function writeWithCli(path: string, sql: string): string {
  try {
    execFileSync(SQLITE3, ['-batch', '-bail', path, sql], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return '';
  } catch (e) {
    return String((e as { stderr?: string }).stderr ?? e);
  }
}

function triggerNames(path: string): string[] {
  return schemaRows(path, 'trigger').map((t) => t.name);
}

describe('the RAISE check', () => {
  it('passes constant messages and RAISE(IGNORE), and catches every kind of expression', () => {
    expect(nonConstantRaises("BEGIN SELECT RAISE(ABORT, 'period-closed'); END")).toEqual([]);
    expect(nonConstantRaises("BEGIN SELECT RAISE ( FAIL , 'it''s -- closed' ) ; END")).toEqual([]);
    expect(nonConstantRaises('BEGIN SELECT RAISE(IGNORE); END')).toEqual([]);
    // a comment may mention anything
    expect(nonConstantRaises("-- RAISE(ABORT, 'x' || NEW.period)\nBEGIN SELECT RAISE(ABORT, 'x'); END")).toEqual([]);
    for (const bad of [
      "RAISE(ABORT, 'period-closed:' || NEW.period)",
      "RAISE(ABORT, 'it''s ' || OLD.period)",
      "RAISE(ABORT, printf('closed %s', NEW.period))",
      'RAISE(ABORT, (SELECT period FROM documents WHERE id = NEW.document_id))',
      'RAISE(ABORT, NEW.period)',
      "RAISE(ROLLBACK, 'a' 'b')",
      'RAISE(ABORT, ?)',
    ]) {
      expect(nonConstantRaises(`BEGIN SELECT ${bad}; END`), bad).toHaveLength(1);
    }
  });
});

describe('a book read by another SQLite', () => {
  it('is the system sqlite3 of 3.37 or later (the floor is STRICT tables)', () => {
    const [major, minor] = cliVersion();
    expect(major * 1000 + minor).toBeGreaterThanOrEqual(3037);
  });

  it('opens a fresh book read-only, checks it and reads every table; no trigger raises an expression', async () => {
    const path = join(tempDir(), 'fresh.kasettle');
    (await createBook(path, 'tester')).close();
    readWithCli(path);
    expect(triggerNames(path).length).toBeGreaterThan(30);
    expect(triggersWithExpressionRaise(path)).toEqual([]);
    expect(newerSql(path)).toEqual([]);
  });

  it('opens a demo book read-only, checks it and reads every table with the same row counts', async () => {
    const path = join(tempDir(), 'demo.kasettle');
    const book = await createBook(path, 'tester', 'demo');
    generateDemo(book, { seed: 3, scale: 'tiny' });
    book.close();
    readWithCli(path);
    expect(triggersWithExpressionRaise(path)).toEqual([]);
    expect(newerSql(path)).toEqual([]);
  });

  it('makes a book of the last version before the portable triggers readable by migrating it', async () => {
    const path = await bookAt(portableVersion - 1, 'before.kasettle');
    // An SQLite older than 3.47 cannot read the old schema at all: that is what the migration repairs.
    if (cliVersion()[1] < 47) expect(cliError(path, 'PRAGMA integrity_check;')).toMatch(/malformed database schema/);
    // The check sees the old triggers' expressions (so it can fail) ...
    expect(triggersWithExpressionRaise(path).length).toBeGreaterThan(0);
    (await openExistingBook(path)).close();
    // ... and none once the book is upgraded.
    readWithCli(path);
    expect(triggersWithExpressionRaise(path)).toEqual([]);
    expect(newerSql(path)).toEqual([]);
  });
});

describe('the portable-triggers migration', () => {
  it('restates every trigger the book had before it, guarding the same thing, with only the message changed', async () => {
    const before = schemaRows(await bookAt(portableVersion - 1, 'before.kasettle'), 'trigger');
    const after = new Map(schemaRows(await bookAt(portableVersion, 'after.kasettle'), 'trigger').map((t) => [t.name, t.sql]));
    expect(before.length).toBeGreaterThan(30);
    for (const t of before) {
      expect(after.has(t.name), t.name).toBe(true);
      expect(triggerCondition(after.get(t.name)!), t.name).toBe(triggerCondition(t.sql));
    }
    expect([...after.keys()].sort()).toEqual(before.map((t) => t.name).sort());
  });

  it('names in its own file every trigger of the book, dropping and recreating each', async () => {
    const file = readFileSync(fileURLToPath(new URL(`../../db/migrations/${String(portableVersion).padStart(4, '0')}-${PORTABLE}.sql`, import.meta.url)), 'utf8');
    const dropped = [...file.matchAll(/^DROP TRIGGER (\w+);/gm)].map((m) => m[1]).sort();
    const created = [...file.matchAll(/^CREATE TRIGGER (\w+) /gm)].map((m) => m[1]).sort();
    const book = triggerNames(await bookAt(portableVersion - 1, 'before.kasettle')).sort();
    expect(dropped).toEqual(book);
    expect(created).toEqual(book);
  });

  it('still locks the book in the other SQLite: a closed month and a posted document refuse with constant messages', async () => {
    const path = join(tempDir(), 'locks.kasettle');
    (await createBook(path, 'tester')).close();
    const doc = (key: string, date: string) => `INSERT INTO documents (kind, natural_key, doc_no, doc_date, period, total_fen,
      content_hash, created_by, created_at) VALUES ('adjustment', '${key}', '${key}', '${date}', substr('${date}', 1, 7), 100, 'h', 't', 't');`;
    expect(writeWithCli(path, "INSERT INTO periods (period, status) VALUES ('2025-01', 'closed'), ('2025-02', 'open');")).toBe('');
    expect(writeWithCli(path, doc('A1', '2025-01-05'))).toMatch(/period-closed/);
    expect(writeWithCli(path, doc('A2', '2025-02-05'))).toBe('');
    expect(writeWithCli(path, "UPDATE documents SET total_fen = 1 WHERE natural_key = 'A2';")).toMatch(/immutable:documents/);
    expect(writeWithCli(path, "DELETE FROM documents WHERE natural_key = 'A2';")).toMatch(/immutable:documents/);
    expect(cli(path, 'SELECT natural_key, total_fen FROM documents;').trim()).toBe('A2|100');
  });
});

