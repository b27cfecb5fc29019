import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../core/audit/audit-chain.js';
import { checkBook } from '../../core/book/check-book.js';
import { createBook } from '../../core/book/create-book.js';
import { openExistingBook } from '../../core/book/open-book.js';
import { openBook } from '../../db/connection.js';
import { canonicalStatements, migrationIdentity, migrationText } from '../../db/migration-identity.js';
import { knownMigrations } from '../../db/migrations.js';
import { tempDir } from '../helpers/temp-book.js';

const MIGRATIONS = fileURLToPath(new URL('../../db/migrations/', import.meta.url));
const files = readdirSync(MIGRATIONS).filter((f) => f.endsWith('.sql')).sort();
const lf = (f: string) => readFileSync(join(MIGRATIONS, f), 'utf8');
const crlf = (text: string) => text.replace(/\n/g, '\r\n');
const utf16 = (text: string, be = false) => {
  const le = Buffer.from(`\ufeff${text}`, 'utf16le');
  return be ? Buffer.from(le).swap16() : le;
};
const identityOf = (bytes: Uint8Array) => migrationIdentity(migrationText(bytes));

/** A copy of this build's migrations as another checkout or editor would have stored them. */
function copyMigrations(transform: (text: string, file: string) => Uint8Array): string {
  const dir = join(tempDir(), 'migrations');
  mkdirSync(dir);
  for (const f of files) writeFileSync(join(dir, f), transform(lf(f), f));
  return dir;
}

const recorded = (path: string) => {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare('SELECT version, sha256 FROM schema_migrations ORDER BY version').all() as { version: number; sha256: string }[];
  } finally {
    db.close();
  }
};
const schemaText = (path: string) => {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare("SELECT type, name, sql FROM sqlite_schema WHERE name <> 'sqlite_sequence' ORDER BY type, name").all();
  } finally {
    db.close();
  }
};

describe('a migration’s identity', () => {
  it('is the same for the file in LF, CRLF, with a BOM, in UTF-16 either way, reindented or recommented', () => {
    for (const f of files) {
      const text = lf(f);
      const id = identityOf(Buffer.from(text));
      expect(identityOf(Buffer.from(crlf(text))), f).toBe(id);
      expect(identityOf(Buffer.from(`\ufeff${crlf(text)}`)), f).toBe(id);
      expect(identityOf(utf16(crlf(text))), f).toBe(id);
      expect(identityOf(utf16(text, true)), f).toBe(id);
      expect(identityOf(Buffer.from(text.replace(/^ {2}/gm, '\t').replace(/\n/g, '   \n'))), f).toBe(id);
      expect(identityOf(Buffer.from(`-- a note added later\n${text.replace(/--[^\n]*/g, '-- (reworded)')}`)), f).toBe(id);
    }
  });

  it('changes with anything SQLite would read differently: a value, a name, a statement', () => {
    const text = lf('0003-ledger.sql');
    const id = identityOf(Buffer.from(text));
    expect(identityOf(Buffer.from(text.replace("DEFAULT 'open'", "DEFAULT 'opened'")))).not.toBe(id);
    expect(identityOf(Buffer.from(text.replace("'period-closed:' || NEW.period", "'period-closed'")))).not.toBe(id);
    expect(identityOf(Buffer.from(text.replace('amount_fen    INTEGER NOT NULL,', 'amount_fen    INTEGER,')))).not.toBe(id);
    expect(identityOf(Buffer.from(text.replace(/CREATE INDEX clearing_parts_by_item[^;]*;/, '')))).not.toBe(id);
    // Inside quotes nothing is collapsed: two spaces in a string are not one.
    expect(canonicalStatements("SELECT 'a  b' ,  x -- c\nFROM t ;")).toBe("SELECT 'a  b',x FROM t;");
  });

  it('lets a book made from an LF checkout open with a CRLF checkout’s migrations and the other way round, with the same schema', async () => {
    const dir = tempDir();
    const crlfDir = copyMigrations((text) => Buffer.from(crlf(text)));
    const bomDir = copyMigrations((text, f) => (f.startsWith('0003') ? utf16(crlf(text)) : Buffer.from(`\ufeff${crlf(text)}`)));
    const fromLf = join(dir, 'lf.kasettle');
    (await createBook(fromLf, 'tester')).close();
    const fromCrlf = join(dir, 'crlf.kasettle');
    (await openBook(fromCrlf, { create: true, migrationsDir: crlfDir })).close();

    for (const [path, migrationsDir] of [[fromLf, crlfDir], [fromLf, bomDir], [fromCrlf, undefined]] as const) {
      const book = await openExistingBook(path, migrationsDir ? { migrationsDir } : {});
      expect(checkBook(book).ok).toBe(true);
      book.close();
    }
    // The schema text a book keeps is the same whichever checkout made it: the LF text is what is run.
    expect(schemaText(fromCrlf)).toEqual(schemaText(fromLf));
    expect(recorded(fromCrlf)).toEqual(recorded(fromLf));
  });

  it('upgrades, once and audited, the raw-byte hashes an earlier build recorded', async () => {
    for (const windows of [false, true]) {
      const path = join(tempDir(), 'earlier.kasettle');
      (await createBook(path, 'tester')).close();
      const identities = recorded(path);
      // What the build before this one recorded: the SHA-256 of each file's text as read (CRLF on a Windows checkout).
      const earlier = files.map((f, i) => ({ version: i + 1, sha256: createHash('sha256').update(windows ? crlf(lf(f)) : lf(f)).digest('hex') }));
      const raw = new Database(path);
      for (const e of earlier) raw.prepare('UPDATE schema_migrations SET sha256 = ? WHERE version = ?').run(e.sha256, e.version);
      raw.close();
      expect(recorded(path)).toEqual(earlier);

      // Read-only it opens and changes nothing.
      (await openExistingBook(path, { readonly: true })).close();
      expect(recorded(path)).toEqual(earlier);

      const book = await openExistingBook(path);
      const audits = () => book.db.prepare("SELECT actor, before_json, after_json FROM audit_log WHERE action = 'upgrade-migration-identities'").all() as { actor: string; before_json: string; after_json: string }[];
      expect(audits()).toHaveLength(1);
      expect(JSON.parse(audits()[0]!.before_json)).toEqual(earlier.map((e, i) => ({ ...e, name: knownMigrations()[i]!.name })));
      expect(JSON.parse(audits()[0]!.after_json)).toEqual(identities.map((e, i) => ({ ...e, name: knownMigrations()[i]!.name })));
      expect(verifyAuditChain(book).ok).toBe(true);
      book.close();
      expect(recorded(path)).toEqual(identities);

      const again = await openExistingBook(path);
      expect(again.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'upgrade-migration-identities'").get()).toEqual({ n: 1 });
      again.close();
    }
  });
});

describe('a checkout on Windows', () => {
  it('keeps migrations in LF and fixtures byte for byte, even with Git for Windows’ core.autocrlf=true', () => {
    const root = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: MIGRATIONS, encoding: 'utf8' }).trim();
    const clone = join(tempDir(), 'windows-checkout');
    execFileSync('git', ['-c', 'core.autocrlf=true', 'clone', '--quiet', '--no-hardlinks', root, clone], { stdio: 'ignore' });
    execFileSync('git', ['config', 'core.autocrlf', 'true'], { cwd: clone });
    const committed = (path: string) => execFileSync('git', ['show', `HEAD:${path}`], { cwd: clone, maxBuffer: 64 << 20 });
    for (const f of readdirSync(join(clone, 'db/migrations')).filter((x) => x.endsWith('.sql'))) {
      expect(readFileSync(join(clone, 'db/migrations', f)).includes('\r\n'), f).toBe(false);
    }
    const fixtures = execFileSync('git', ['ls-files', 'test/fixtures'], { cwd: clone, encoding: 'utf8' }).split('\n').filter(Boolean);
    expect(fixtures.some((f) => committed(f).includes('\r\n'))).toBe(true);
    for (const f of fixtures) expect(readFileSync(join(clone, f)).equals(committed(f)), f).toBe(true);
  });
});
