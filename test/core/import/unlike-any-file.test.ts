import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../core/import/import-file.js';
import { dropMapping, savedMappings } from '../../../core/import/saved-mappings.js';
import { batchDocuments, CORPUS, corpusBook, expectation } from '../../helpers/corpus-book.js';
import { bookState } from '../../helpers/sep-book.js';
import { renderMessage } from '../../../locale/index.js';

const ODD = join(CORPUS, 'odd');
const october = join(ODD, 'odd-receipts-2026-10.csv');
const november = join(ODD, 'odd-receipts-2026-11.csv');
const mapping = JSON.parse(readFileSync(join(ODD, 'odd-mapping.json'), 'utf8')) as Record<string, string>;

/** The documents of a batch in the generator's terms, for comparing with an odd file's expected documents. */
function documentsOf(book: Awaited<ReturnType<typeof corpusBook>>, batchId: number) {
  return batchDocuments(book, batchId).map((d) => ({ docNo: d.docNo, date: d.date, store: d.store, total: d.total, lines: d.lines.map((l) => [l.sku, l.qty, l.price, l.amount]) }));
}
function expectedOf(path: string) {
  return expectation(path).documents.map((d) => ({ docNo: d.docNo, date: d.date, store: d.store, total: d.total, lines: d.lines.map((l) => [l.sku, l.qty, l.price, l.amount]) }));
}

describe('a file unlike any in the corpus', () => {
  it('gets a proposed mapping with confidences from its values, and nothing is read until the user confirms it', async () => {
    const book = await corpusBook();
    const before = bookState(book);
    const r = await importFile(book, october, { kind: 'receipts', actor: 'tester', kaCode: 'MET', dryRun: true, sampleRows: 10 });
    const proposed = Object.fromEntries(r.columns.map((c) => [c.heading, [c.field, c.basis]]));
    // Where holds known store codes, What 69-barcodes, When dates; How many × Each = Sum, How many the whole numbers.
    expect(proposed).toMatchObject({
      Where: ['storeCode', 'values'], What: ['barcode', 'values'], When: ['date', 'values'], 'How many': ['qty', 'values'], Each: ['price', 'values'], Sum: ['amount', 'heading-and-values'],
    });
    for (const c of r.columns) expect(c.confidence, c.heading).toBeGreaterThan(0);
    expect(r.columns.filter((c) => c.basis === 'values').every((c) => c.confidence < 100)).toBe(true);
    expect(r.errors.map((e) => e.reason.code)).toEqual(['import.unsure-columns']);
    expect(renderMessage('en', r.errors[0]!.reason)).toContain('--map "');
    expect(r.sample?.rows.length).toBe(3);
    expect(bookState(book)).toBe(before);
  });

  it('imports with the mapping the user made, saves it by the header signature, and reads next month’s file with it unasked', async () => {
    const book = await corpusBook();
    const first = await importFile(book, october, { kind: 'receipts', actor: 'tester', kaCode: 'MET', map: mapping, saveMappingAs: '麦德龙新门户' });
    expect(first.errors).toEqual([]);
    expect(first.committed).toBe(true);
    expect(documentsOf(book, first.batchId!)).toEqual(expectedOf(october));
    const saved = savedMappings(book, 'receipts', 'MET');
    expect(saved).toMatchObject([{ name: '麦德龙新门户', ka: 'MET', mapping, signature: first.headerSignature }]);

    const next = await importFile(book, november, { kind: 'receipts', actor: 'tester', kaCode: 'MET' });
    expect(next.errors).toEqual([]);
    expect(next.appliedMapping).toMatchObject({ name: '麦德龙新门户', ka: 'MET', kaName: '麦德龙' });
    expect(next.appliedMapping!.savedAt.slice(0, 10)).toBe(saved[0]!.savedAt.slice(0, 10));
    expect(next.columns.every((c) => c.basis === 'saved' && c.confidence === 100)).toBe(true);
    expect(documentsOf(book, next.batchId!)).toEqual(expectedOf(november));

    // Without a KA the file is known by its headings as a 麦德龙 file; dropping the mapping brings the question back.
    const anyKa = await importFile(book, november, { kind: 'receipts', actor: 'tester', dryRun: true });
    expect({ ka: anyKa.kaCode, mapping: anyKa.appliedMapping?.name, unchanged: anyKa.unchanged }).toEqual({ ka: 'MET', mapping: '麦德龙新门户', unchanged: 1 });
    const ignored = await importFile(book, november, { kind: 'receipts', actor: 'tester', kaCode: 'MET', dryRun: true, ignoreSavedMapping: true });
    expect(ignored.appliedMapping).toBeUndefined();
    expect(ignored.errors.map((e) => e.reason.code)).toEqual(['import.unsure-columns']);
    dropMapping(book, '麦德龙新门户', 'receipts', 'MET', 'tester');
    expect(savedMappings(book, 'receipts')).toEqual([]);
    // Saving and dropping are audited, with what the mapping said.
    const trail = book.db.prepare(`SELECT action, actor, entity_key, before_json, after_json FROM audit_log WHERE entity = 'import_mapping' ORDER BY id`).all() as { action: string; actor: string; entity_key: string; before_json: string | null; after_json: string | null }[];
    expect(trail.map((t) => [t.action, t.actor, t.entity_key])).toEqual([['create', 'tester', 'receipts:MET:麦德龙新门户'], ['drop', 'tester', 'receipts:MET:麦德龙新门户']]);
    expect(JSON.parse(trail[0]!.after_json!).columns).toEqual(JSON.parse(trail[1]!.before_json!).columns);
    expect(Object.values(JSON.parse(trail[0]!.after_json!).columns as Record<string, string>)).toEqual(expect.arrayContaining(Object.values(mapping).filter(Boolean)));
    expect(() => dropMapping(book, '麦德龙新门户', 'receipts', 'MET', 'tester')).toThrow(/./);
    const dropped = await importFile(book, november, { kind: 'receipts', actor: 'tester', kaCode: 'MET', dryRun: true });
    expect(dropped.appliedMapping).toBeUndefined();
  });
});

describe('an ERP export naming a customer the book does not know', () => {
  const file = join(ODD, 'erp-new-customer-2026-10.csv');
  const want = expectation(file).unknownCustomer!;

  it('is refused whole, naming the unknown code with the store its name suggests', async () => {
    const book = await corpusBook();
    const before = bookState(book);
    const r = await importFile(book, file, { kind: 'deliveries', actor: 'tester' });
    expect(r.committed).toBe(false);
    expect(r.unknownCustomers).toEqual([{ code: want.code, name: want.name, rows: 1, firstRow: 2, proposal: { ka: want.ka, storeCode: want.store, storeName: '家乐福上海古北店', score: expect.any(Number) } }]);
    expect(r.unknownCustomers[0]!.proposal!.score).toBeGreaterThan(0.5);
    expect(r.errors.map((e) => [e.row, e.reason.code, e.reason.params?.code])).toEqual([[2, 'import.unknown-customer', want.code]]);
    expect(bookState(book)).toBe(before);
  });

  it('imports with --learn-customers, remembering the pair for the book, so the next file needs nothing', async () => {
    const book = await corpusBook();
    const links = () => (book.db.prepare("SELECT count(*) AS n FROM audit_log WHERE entity = 'erp_customer_link'").get() as { n: number }).n;
    const before = links();
    const r = await importFile(book, file, { kind: 'deliveries', actor: 'tester', learnCustomers: true });
    expect(r.errors).toEqual([]);
    expect(r.learnedCustomers).toEqual([{ code: want.code, ka: want.ka, storeCode: want.store }]);
    const docs = batchDocuments(book, r.batchId!);
    expect(docs.map((d) => [d.docNo, d.store, d.total])).toEqual(expectation(file).documents.map((d) => [d.docNo, d.store, d.total]));
    expect(links()).toBe(before + 1);
    const again = await importFile(book, file, { kind: 'deliveries', actor: 'tester', dryRun: true });
    expect({ errors: again.errors, unchanged: again.unchanged, readings: again.storeReadings.map((s) => s.reading) }).toEqual({ errors: [], unchanged: 1, readings: ['customer-code'] });
  });

  it('takes the pairs from a customers file too, and refuses a code confirmed for another store', async () => {
    const book = await corpusBook();
    const r = await importFile(book, file, { kind: 'deliveries', actor: 'tester', confirmCustomers: [{ customerCode: want.code, ka: 'CRF', storeCode: '102' }] });
    expect(r.committed).toBe(true);
    expect(batchDocuments(book, r.batchId!)[0]!.store).toBe('102');
    await expect(importFile(book, file, { kind: 'deliveries', actor: 'tester', confirmCustomers: [{ customerCode: want.code, ka: 'CRF', storeCode: '101' }] }))
      .rejects.toThrow(/already confirmed for store CRF\/102/);
  });
});
