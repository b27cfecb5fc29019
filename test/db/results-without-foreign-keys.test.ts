import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditWriter } from '../../core/audit/audit-chain.js';
import { checkBook } from '../../core/book/check-book.js';
import { openExistingBook } from '../../core/book/open-book.js';
import { generateDemo } from '../../core/demo/generate-demo.js';
import { reconcilePeriod } from '../../core/reconcile/reconcile-period.js';
import { openBook, type Book } from '../../db/connection.js';
import { knownMigrations } from '../../db/migrations.js';
import { setBookInfo } from '../../db/queries/book-info.js';
import { tempBook, tempDir, track } from '../helpers/temp-book.js';

/**
 * Migration 0020 rebuilds the reconciliation results without foreign keys (issue 18): a book reconciled before it
 * keeps every result as it was, the tables keep their columns, checks and indexes, and the upgraded book has exactly
 * the schema of a book made new.
 */
const RESULTS = ['recon_delivery_lines', 'recon_receipt_lines'] as const;
const version = knownMigrations().find((m) => m.name === 'results-without-foreign-keys')!.version;

const rows = (book: Book, table: string) => book.db.prepare(`SELECT * FROM ${table} ORDER BY line_id`).raw(true).all() as unknown[][];
const schemaOf = (book: Book) => book.db.prepare(`SELECT type, name, tbl_name, sql FROM sqlite_schema
  WHERE tbl_name IN ('recon_delivery_lines', 'recon_receipt_lines') ORDER BY type, name`).all();

describe('results stored without foreign keys (migration 0020)', () => {
  it('keeps every result of a book reconciled before it, and leaves the schema of a new book', async () => {
    const path = join(tempDir(), 'before.kasettle');
    const old = await openBook(path, { create: true, upToVersion: version - 1 });
    // as makeBookAt makes a book: its identity and first audit row
    old.write(() => {
      setBookInfo(old, 'id', 'before-0020');
      new AuditWriter(old).append({ actor: 'tester', action: 'create', entity: 'book', entityKey: 'before-0020', after: { id: 'before-0020' } });
    });
    generateDemo(old, { seed: 3, scale: 'tiny' });
    for (const period of ['2025-11', '2025-12']) reconcilePeriod(old, { period, actor: 'tester', asOf: '2026-01-31' });
    expect(old.db.prepare('PRAGMA foreign_key_list(recon_delivery_lines)').all()).toHaveLength(4);
    const before = Object.fromEntries(RESULTS.map((t) => [t, rows(old, t)]));
    expect(before.recon_delivery_lines!.length).toBeGreaterThan(100);
    expect(before.recon_receipt_lines!.length).toBeGreaterThan(100);
    old.close();

    const upgraded = track(await openExistingBook(path));
    for (const t of RESULTS) {
      expect(rows(upgraded, t)).toEqual(before[t]);
      expect(upgraded.db.prepare(`PRAGMA foreign_key_list(${t})`).all()).toEqual([]);
    }
    const fresh = await tempBook();
    expect(schemaOf(upgraded)).toEqual(schemaOf(fresh));
    expect(schemaOf(fresh).filter((r) => (r as { type: string }).type === 'index').map((r) => (r as { name: string }).name)).toEqual([
      'recon_delivery_by_ka', 'recon_delivery_by_period', 'recon_delivery_by_period_date', 'recon_delivery_unmatched', 'recon_receipt_by_period',
    ]);
    // the columns' checks still hold
    expect(() => upgraded.write(() => upgraded.db.prepare("UPDATE recon_delivery_lines SET status = 'lost' WHERE line_id = ?")
      .run(before.recon_delivery_lines![0]![0]))).toThrow(/CHECK constraint failed/);
    // a re-run after the upgrade finds the results as they stand
    reconcilePeriod(upgraded, { period: '2025-12', actor: 'tester', asOf: '2026-01-31' });
    for (const t of RESULTS) expect(rows(upgraded, t)).toEqual(before[t]);
    expect(checkBook(upgraded).ok).toBe(true);
  });
});
