import Database from 'better-sqlite3';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupDirFor, openBook, schemaVersion } from '../../db/connection.js';
import { knownMigrations } from '../../db/migrations.js';
import { tempDir, track } from '../helpers/temp-book.js';

describe('migrations', () => {
  it('are numbered 1, 2, 3 … without gaps', () => {
    const ms = knownMigrations();
    expect(ms.length).toBeGreaterThanOrEqual(4);
    ms.forEach((m, i) => expect(m.version).toBe(i + 1));
  });

  it('build a fresh book at the latest version with WAL, foreign keys and a busy timeout', async () => {
    const book = track(await openBook(join(tempDir(), 'fresh.kasettle'), { create: true }));
    expect(schemaVersion(book)).toBe(knownMigrations().length);
    expect(book.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(book.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(book.db.pragma('busy_timeout', { simple: true })).toBe(5000);
    const tables = book.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all().map((r) => (r as { name: string }).name);
    for (const t of ['manufacturers', 'distributors', 'ka_accounts', 'stores', 'products', 'prices', 'contracts', 'contract_fee_terms',
      'contract_rebate_tiers', 'contract_rebate_exclusions', 'contract_delivery_cost', 'promotions', 'documents', 'document_lines',
      'entries', 'open_items', 'clearings', 'clearing_parts', 'periods', 'users', 'audit_log', 'settings', 'schema_migrations']) {
      expect(tables).toContain(t);
    }
    // No backup is taken of a book that had nothing in it.
    expect(existsSync(backupDirFor(book.path))).toBe(false);
  });

  it('upgrade an older book step by step, after an online backup, keeping its data', async () => {
    const path = join(tempDir(), 'old.kasettle');
    const old = await openBook(path, { create: true, upToVersion: 1 });
    expect(schemaVersion(old)).toBe(1);
    old.db.prepare("INSERT INTO manufacturers (code, name, created_at) VALUES ('M01', '示例食品', '2026-01-01')").run();
    old.close();

    let backup = '';
    const book = track(await openBook(path, { onBackup: (p) => (backup = p) }));
    expect(schemaVersion(book)).toBe(knownMigrations().length);
    expect(book.db.prepare('SELECT name FROM manufacturers').get()).toEqual({ name: '示例食品' });
    expect(backup).toMatch(/old-before-v\d+-.*\.kasettle$/);
    const copy = new Database(backup, { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(1);
    expect(copy.prepare('SELECT code FROM manufacturers').all()).toEqual([{ code: 'M01' }]);
    copy.close();
    expect(readdirSync(backupDirFor(path)).filter((f) => f.endsWith('.kasettle'))).toHaveLength(1);
  });

  it('refuse a book written by a newer ka-settle', async () => {
    const path = join(tempDir(), 'newer.kasettle');
    (await openBook(path, { create: true })).close();
    const raw = new Database(path);
    raw.pragma(`user_version = ${knownMigrations().length + 1}`);
    raw.close();
    await expect(openBook(path)).rejects.toThrow(/schema version \d+, this ka-settle knows up to \d+/);
  });

  it('refuse a book whose migration history is not ours', async () => {
    const path = join(tempDir(), 'foreign.kasettle');
    (await openBook(path, { create: true })).close();
    const raw = new Database(path);
    raw.prepare("UPDATE schema_migrations SET sha256 = 'x' WHERE version = 2").run();
    raw.close();
    await expect(openBook(path)).rejects.toThrow(/migration 0002-contracts-promotions is not the one this ka-settle has/);
  });

  it('refuse files that are not books', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.kasettle'), 'this is a text file, not a database at all'.repeat(100));
    await expect(openBook(join(dir, 'notes.kasettle'))).rejects.toThrow(/not a ka-settle book/);
    const other = new Database(join(dir, 'other.db'));
    other.exec('CREATE TABLE t (x)');
    other.close();
    await expect(openBook(join(dir, 'other.db'))).rejects.toThrow(/not a ka-settle book/);
    await expect(openBook(join(dir, 'missing.kasettle'))).rejects.toThrow(/no such book/);
  });

  it('roll a failing migration back whole, leaving the book at its previous version', async () => {
    const path = join(tempDir(), 'half.kasettle');
    const book = await openBook(path, { create: true, upToVersion: 3 });
    // A table the next migration wants to create already exists: that migration must fail and leave nothing.
    book.db.exec('CREATE TABLE users (x)');
    book.close();
    await expect(openBook(path)).rejects.toThrow(/already exists/);
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(3);
    expect(raw.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'audit_log'").get()).toEqual({ n: 0 });
    raw.close();
  });
});
