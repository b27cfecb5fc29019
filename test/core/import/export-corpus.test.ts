import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBook } from '../../../core/book/check-book.js';
import { importFile } from '../../../core/import/import-file.js';
import { detectHeader, HEADER_SCAN_ROWS, VALUE_SAMPLE_ROWS } from '../../../core/import/detect-header.js';
import { KIND_SPECS } from '../../../core/import/import-kinds.js';
import { openTable, type RawRow } from '../../../core/import/read-rows.js';
import { PartyResolver } from '../../../core/import/resolve-parties.js';
import { feeTypeOfWording } from '../../../core/reconcile/fee-words.js';
import type { Book } from '../../../db/connection.js';
import { batchDocuments, CORPUS, corpusBook, corpusExports, expectation } from '../../helpers/corpus-book.js';

/**
 * Issue 13's corpus: every export of test/fixtures/corpus/exports (written by scripts/make-export-corpus.mjs as eight
 * KA portals and eight distributor ERPs write them) is imported with no --map into one book holding the corpus's
 * master data, and must give exactly the documents its generator wrote beside it — figure by figure, store by
 * store — with each store cell read the way it was written and each date column's style decided as written.
 */
const dir = mkdtempSync(join(tmpdir(), 'ka-settle-corpus-'));
let book: Book;

beforeAll(async () => {
  book = await corpusBook(join(dir, 'corpus.kasettle'));
});
afterAll(() => {
  book?.close();
  rmSync(dir, { recursive: true, force: true });
});

const files = corpusExports();

describe('the export corpus', () => {
  it('holds at least 40 files from at least 8 KA portals and 4 distributor ERPs', () => {
    const all = files.map((f) => expectation(join(CORPUS, 'exports', f)));
    expect(files.length).toBeGreaterThanOrEqual(40);
    const portals = new Set(all.filter((e) => e.kind !== 'deliveries').flatMap((e) => e.documents.map((d) => d.ka)));
    expect(portals.size).toBeGreaterThanOrEqual(8);
    const erps = new Set(all.filter((e) => e.kind === 'deliveries').map((e) => e.system));
    expect(erps.size).toBeGreaterThanOrEqual(4);
    for (const kind of ['receipts', 'deductions', 'statements', 'remittances']) expect(all.filter((e) => e.kind === kind).length, kind).toBeGreaterThanOrEqual(8);
  });

  it.each(files)('%s imports with no --map and gives exactly its documents', async (file) => {
    const path = join(CORPUS, 'exports', file);
    const e = expectation(path);
    const r = await importFile(book, path, { kind: e.kind, actor: 'corpus', kaCode: e.options.ka, date: e.options.date });
    expect(r.errors.slice(0, 5), file).toEqual([]);
    expect(r.conflicts).toEqual([]);
    expect(r.competing).toEqual([]);
    expect(r.committed).toBe(true);
    const got = batchDocuments(book, r.batchId!);
    expect(got.map((d) => d.docNo).sort()).toEqual(e.documents.map((d) => d.docNo).sort());
    for (const want of e.documents) {
      const doc = got.find((d) => d.docNo === want.docNo)!;
      expect({ kind: doc.kind, key: doc.naturalKey, date: doc.date, ka: doc.ka, store: doc.store, total: doc.total }, want.docNo).toEqual({
        kind: want.kind, key: `${want.issuer ?? want.ka}|${want.docNo}`, date: want.date, ka: want.ka, store: want.store, total: want.total,
      });
      if (want.orderNo !== undefined) expect(doc.orderNo, want.docNo).toBe(want.orderNo);
      if (want.method) expect(doc.method, want.docNo).toBe(want.method);
      expect(doc.lines.length, want.docNo).toBe(want.lines.length);
      want.lines.forEach((w, i) => {
        const l = doc.lines[i]!;
        const where = `${want.docNo} line ${i + 1}`;
        expect(l.amount, where).toBe(w.amount);
        expect(l.store, where).toBe(w.store);
        if (w.sku !== undefined) expect({ sku: l.sku, qty: l.qty, price: l.price }, where).toEqual({ sku: w.sku, qty: w.qty, price: w.price });
        if (w.feeText !== undefined) expect(l.feeText, where).toBe(w.feeText);
        if (w.reference !== undefined) expect(l.reference, where).toBe(w.reference);
        if (w.memo) expect(l.memo, where).toBe(w.memo);
      });
    }
    // Each store cell read the way the generator wrote it; each date column's style decided from the whole column.
    expect([...new Set(r.storeReadings.map((s) => s.reading))].sort(), 'store readings').toEqual([...(e.storeReadings ?? [])].sort());
    expect([...new Set(r.dateStyles.map((s) => s.style))].sort(), 'date styles').toEqual([...(e.dateStyles ?? [])].sort());
  });

  it('classifies every deduction wording of the corpus as the KA meant it, by whole words', () => {
    const wordings = files.map((f) => expectation(join(CORPUS, 'exports', f))).filter((e) => e.kind === 'deductions')
      .flatMap((e) => e.documents.flatMap((d) => d.lines.map((l): [string, string] => [l.feeText!, l.feeType!])));
    expect(wordings.length).toBeGreaterThan(25);
    expect(wordings.map(([text]) => [text, feeTypeOfWording(text) ?? 'unknown'])).toEqual(wordings);
  });

  it('maps every file the same with the table of known headings switched off: the parts and values decide', async () => {
    const parties = new PartyResolver(book, 'tester');
    let headings = 0;
    const differ: string[] = [];
    for (const file of files) {
      const path = join(CORPUS, 'exports', file);
      const e = expectation(path);
      const rows: RawRow[] = [];
      for await (const r of (await openTable(path)).rows) if (rows.push(r) >= HEADER_SCAN_ROWS + VALUE_SAMPLE_ROWS) break;
      const ka = e.options.ka ? parties.ka(e.options.ka, {}) : null;
      const options = {
        kaFile: ['receipts', 'returns'].includes(e.kind),
        known: { isStore: (t: string) => parties.stores.knows(t, ka, e.kind === 'deliveries'), isSku: (t: string) => parties.knowsProduct(t) },
      };
      const spec = KIND_SPECS[e.kind as Exclude<typeof e.kind, 'contracts'>];
      const fields = (useSynonyms: boolean) => detectHeader(rows, spec, { ...options, useSynonyms })!.columns.map((c) => `${c.letter} ${c.heading}=${c.field}`);
      const [without, withTable] = [fields(false), fields(true)];
      if (without.join() !== withTable.join()) differ.push(`${file}: ${withTable.filter((f) => !without.includes(f)).join(', ')} | without: ${without.filter((f) => !withTable.includes(f)).join(', ')}`);
      headings += withTable.length;
    }
    expect(differ).toEqual([]);
    expect(headings).toBeGreaterThan(300);
    expect(checkBook(book).ok).toBe(true);
  });
});
