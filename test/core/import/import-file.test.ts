import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBook } from '../../../core/book/check-book.js';
import { importFile } from '../../../core/import/import-file.js';
import { setPeriodStatus } from '../../../db/queries/periods.js';
import { bookState, importOk, QUIRKS, SEP, sepBook } from '../../helpers/sep-book.js';
import { tempDir } from '../../helpers/temp-book.js';
import { renderMessage } from '../../../locale/index.js';

const sum = (book: Awaited<ReturnType<typeof sepBook>>, sql: string) => (book.db.prepare(sql).get() as { n: number }).n;

describe('importing the September sample', () => {
  it('reads every sample file and books what expected.json says', async () => {
    const book = await sepBook();
    expect(sum(book, 'SELECT count(*) AS n FROM stores')).toBe(4);
    const deliveries = await importOk(book, 'deliveries', `${SEP}10-deliveries.csv`);
    expect(deliveries).toMatchObject({ created: 4, lines: 6, format: 'csv', encoding: 'utf8', headerRow: 1 });
    expect(sum(book, "SELECT sum(total_fen) AS n FROM documents WHERE kind = 'delivery'")).toBe(1_569_360);

    const rtm = await importOk(book, 'receipts', `${SEP}11-receipts-rtm.csv`);
    expect(rtm).toMatchObject({ encoding: 'gb18030', headerRow: 2, created: 2, lines: 3, skipped: { headings: 2 } });
    expect(rtm.ignoredColumns.map((c) => c.heading)).toEqual(['订单数量']);
    // The store comes from the heading row above the lines: 大润发上海杨浦店(A021).
    expect(book.db.prepare(`SELECT s.store_code AS s FROM documents d JOIN stores s ON s.id = d.store_id WHERE d.doc_no = 'YS0903A021'`).get()).toEqual({ s: 'A021' });

    const met = await importOk(book, 'receipts', `${SEP}12-receipts-met.xlsx`);
    expect(met).toMatchObject({ format: 'xlsx', created: 1, lines: 2 });
    expect(met.learnedItemCodes).toEqual([{ ka: 'MET', itemCode: '100233', sku: 'P001' }, { ka: 'MET', itemCode: '100234', sku: 'P002' }]);

    const deductions = await importOk(book, 'deductions', `${SEP}13-deductions-rtm.csv`, { date: '2026-09-30' });
    expect(deductions.created).toBe(3);
    expect(sum(book, "SELECT sum(total_fen) AS n FROM documents WHERE kind = 'deduction'")).toBe(360_000);
    expect(sum(book, "SELECT count(*) AS n FROM documents WHERE kind = 'deduction' AND method = 'invoice'")).toBe(1);
    expect(checkBook(book).ok).toBe(true);
  });

  it('adds nothing when the same file comes again, and says it was seen before', async () => {
    const book = await sepBook();
    const first = await importOk(book, 'deliveries', `${SEP}10-deliveries.csv`);
    const before = bookState(book);
    const again = await importOk(book, 'deliveries', `${SEP}10-deliveries.csv`);
    expect(again).toMatchObject({ created: 0, unchanged: 4, committed: false });
    expect(again.previousImports.map((p) => p.batchId)).toEqual([first.batchId]);
    expect(bookState(book)).toBe(before);
    const stores = await importOk(book, 'stores', `${SEP}04-stores.csv`);
    expect(stores).toMatchObject({ created: 0, unchanged: 4 });
  });

  it('adds only the new documents of a re-export that overlaps an earlier one', async () => {
    const book = await sepBook();
    await importOk(book, 'deliveries', `${SEP}10-deliveries.csv`);
    const dir = tempDir();
    const overlapping = join(dir, 'more.csv');
    writeFileSync(overlapping, `送货单号,送货日期,订单号,门店编号,商品编码,数量,单价,金额
XS2609004,2026-09-24,7001422,27,P003,40,39.90,1596.00
XS2609005,2026-09-26,RT0926001,A021,P002,48,7.20,345.60
`);
    const r = await importOk(book, 'deliveries', overlapping);
    expect(r).toMatchObject({ created: 1, unchanged: 1, lines: 1 });
  });

  it('reports a changed document with the same number as a conflict and writes nothing of that file', async () => {
    const book = await sepBook();
    await importOk(book, 'deliveries', `${SEP}10-deliveries.csv`);
    const before = bookState(book);
    const changed = join(tempDir(), 'changed.csv');
    writeFileSync(changed, `送货单号,送货日期,订单号,门店编号,商品编码,数量,单价,金额
XS2609004,2026-09-24,7001422,27,P003,41,39.90,1635.90
XS2609006,2026-09-27,RT0927001,A021,P001,24,6.40,153.60
`);
    const r = await importFile(book, changed, { kind: 'deliveries', actor: 'tester' });
    expect(r.conflicts).toEqual([expect.objectContaining({ key: 'D01|XS2609004', row: 2, reason: 'changed' })]);
    expect(r.committed).toBe(false);
    expect(bookState(book)).toBe(before);
  });
});

describe('importing messy files', () => {
  it.each([
    ['receipts', 'receipts-gb18030-title-totals.csv', { encoding: 'gb18030', headerRow: 3, created: 2, lines: 3, skipped: { totals: 1 } }, 996_720],
    ['deliveries', 'deliveries-utf8-bom.csv', { encoding: 'utf8', created: 2, lines: 3 }, 209_760],
    ['returns', 'returns-utf16.txt', { encoding: 'utf16le', created: 1, lines: 2 }, 19_350],
    ['receipts', 'receipts-portal.xlsx', { format: 'xlsx', headerRow: 2, created: 2, lines: 3, skipped: { totals: 1 } }, 220_080],
  ] as const)('%s from %s', async (kind, file, expected, totalFen) => {
    const book = await sepBook();
    const r = await importOk(book, kind, `${QUIRKS}${file}`);
    expect(r).toMatchObject(expected);
    expect(sum(book, `SELECT sum(total_fen) AS n FROM documents WHERE batch_id = ${r.batchId}`)).toBe(totalFen);
    expect(checkBook(book).ok).toBe(true);
  });

  it('fills merged cells down and reads dates from date cells and serial numbers', async () => {
    const book = await sepBook();
    await importOk(book, 'receipts', `${QUIRKS}receipts-portal.xlsx`);
    const docs = book.db.prepare("SELECT doc_no, doc_date, (SELECT count(*) FROM document_lines l WHERE l.document_id = d.id) AS lines FROM documents d WHERE kind = 'receipt' ORDER BY doc_no").all();
    expect(docs).toEqual([{ doc_no: 'YS0922A021', doc_date: '2026-09-22', lines: 2 }, { doc_no: 'YS0923A035', doc_date: '2026-09-23', lines: 1 }]);
  });

  it('reads an .xls that is really an HTML table, in GB18030', async () => {
    const book = await sepBook();
    const r = await importOk(book, 'deductions', `${QUIRKS}deductions-portal.xls`, { kaCode: 'RTM' });
    expect(r).toMatchObject({ format: 'html', encoding: 'gb18030', headerRow: 2, created: 2, skipped: { totals: 1 } });
    expect(book.db.prepare("SELECT fee_text FROM document_lines ORDER BY id").all()).toEqual([{ fee_text: '海报费' }, { fee_text: '店庆费' }]);
  });

  it('refuses an .xls that is only an OLE header as damaged, saying what to do (real .xls files: test/core/import/readers)', async () => {
    const book = await sepBook();
    await expect(importFile(book, `${QUIRKS}old-binary.xls`, { kind: 'receipts', actor: 't' })).rejects.toThrow(/\.xls file is damaged.*save it as \.xlsx/);
  });

  it('imports nothing from a file with bad rows and names every one of them', async () => {
    const book = await sepBook();
    const before = bookState(book);
    const r = await importFile(book, `${QUIRKS}deliveries-bad-rows.csv`, { kind: 'deliveries', actor: 'tester' });
    expect(r.committed).toBe(false);
    expect(r.errors.map((e) => [e.row, e.field?.replace(/ \(column .\)/, ''), e.reason.code])).toEqual([
      [3, '门店编号', 'import.unknown-store-any'],
      [4, '送货日期', 'import.not-a-date'],
      [5, '金额', 'import.misplaced-separators'],
      [6, '金额', 'import.amount-mismatch'],
      [7, '商品编码', 'import.unknown-product'],
      [8, '数量', 'import.not-a-number'],
      [9, undefined, 'import.same-line-twice'],
    ]);
    expect(r.errors.every((e) => e.file.endsWith('deliveries-bad-rows.csv'))).toBe(true);
    expect(bookState(book)).toBe(before);
  });

  it('shows with --dry-run what would be imported and writes nothing', async () => {
    const book = await sepBook();
    const before = bookState(book);
    const r = await importFile(book, `${SEP}10-deliveries.csv`, { kind: 'deliveries', actor: 'tester', dryRun: true });
    expect(r).toMatchObject({ dryRun: true, committed: false, created: 4, lines: 6 });
    expect(r.newDocuments[0]).toEqual({ key: 'D01|XS2609001', row: 2, lines: 2, total: 140_640 });
    expect(bookState(book)).toBe(before);
  });

  it('refuses documents dated in a closed period, naming the period', async () => {
    const book = await sepBook();
    book.write(() => {
      book.db.prepare("INSERT INTO periods (period, status) VALUES ('2026-09', 'open')").run();
      setPeriodStatus(book, '2026-09', 'closed', 'manager');
    });
    const r = await importFile(book, `${SEP}10-deliveries.csv`, { kind: 'deliveries', actor: 'tester' });
    expect(r.committed).toBe(false);
    expect(renderMessage('zh', r.errors[0]!.reason)).toMatch(/2026-09 已结账/);
  });

  it('saves a mapping per KA and reuses it; remembers KA item codes for later files', async () => {
    const book = await sepBook();
    const dir = tempDir();
    const odd = join(dir, 'odd.csv');
    writeFileSync(odd, `收货编号,收货时间,店,物品,件数,价格\nGR-1,2026-09-11,11,6901234500017,10,6.40\n`);
    const first = await importFile(book, odd, { kind: 'receipts', actor: 't', kaCode: 'MET',
      map: { 收货编号: 'docNo', 收货时间: 'date', 店: 'storeCode', 物品: 'barcode', 件数: 'qty', 价格: 'price' }, saveMappingAs: 'metro-odd' });
    expect(first.committed).toBe(true);
    const again = join(dir, 'odd2.csv');
    writeFileSync(again, `收货编号,收货时间,店,物品,件数,价格\nGR-2,2026-09-12,11,6901234500017,5,6.40\n`);
    const second = await importOk(book, 'receipts', again, { kaCode: 'MET', mapping: 'metro-odd' });
    expect(second).toMatchObject({ created: 1, lines: 1 });
    await expect(importFile(book, again, { kind: 'receipts', actor: 't', kaCode: 'MET', mapping: 'nope' })).rejects.toThrow(/no saved mapping named "nope" for Receipts/);

    await importOk(book, 'receipts', `${SEP}12-receipts-met.xlsx`);
    const articleOnly = join(dir, 'article-only.csv');
    writeFileSync(articleOnly, `Store,PO No.,GR Date,Article,GR Qty,Unit Cost,GR Value\n11,7001400,2026-9-20,100234,12,7.20,86.40\n`);
    const r = await importOk(book, 'receipts', articleOnly);
    expect(r.created).toBe(1);
    expect(book.db.prepare("SELECT p.sku FROM document_lines l JOIN products p ON p.id = l.product_id JOIN documents d ON d.id = l.document_id WHERE d.order_no = '7001400'").get()).toEqual({ sku: 'P002' });
  });

  it('finds a product by its barcode when the code column holds the ERP’s own item code', async () => {
    const book = await sepBook();
    const file = join(tempDir(), 'erp.csv');
    writeFileSync(file, `送货单号,送货日期,订单号,门店编号,商品编码,条码,数量,单价,金额
XS9,2026-09-02,RT9,A021,ERP-0001,6901234500017,10,6.40,64.00
XS9,2026-09-02,RT9,A021,ERP-0099,6900000000000,10,6.40,64.00
`);
    const r = await importFile(book, file, { kind: 'deliveries', actor: 't' });
    expect(r.errors).toEqual([{
      file, row: 3, field: '商品编码 (column E)', reason: { code: 'import.unknown-product-or-barcode', params: { sku: 'ERP-0099', barcode: '6900000000000' } },
    }]);
  });

  it('imports statements, remittances, returns, credits, promotions and contracts', async () => {
    const book = await sepBook();
    await importOk(book, 'receipts', `${SEP}11-receipts-rtm.csv`);
    await importOk(book, 'deductions', `${SEP}13-deductions-rtm.csv`, { date: '2026-09-30' });
    expect((await importOk(book, 'statements', `${QUIRKS}statements-rtm.csv`)).lines).toBe(3);
    expect((await importOk(book, 'remittances', `${QUIRKS}remittances-rtm.csv`, { kaCode: 'RTM' })).lines).toBe(3);
    expect((await importOk(book, 'manufacturer-credits', `${QUIRKS}manufacturer-credits.csv`)).created).toBe(2);
    expect((await importOk(book, 'promotions', `${QUIRKS}promotions.csv`)).created).toBe(1);
    expect(book.db.prepare('SELECT count(*) AS n FROM promotion_products').get()).toEqual({ n: 2 });
    expect(book.db.prepare('SELECT count(*) AS n FROM promotion_stores').get()).toEqual({ n: 2 });
    expect((await importOk(book, 'contracts', `${QUIRKS}contracts.json`)).created).toBe(1);
    expect((await importOk(book, 'contracts', `${QUIRKS}contracts.json`)).unchanged).toBe(1);
    expect(book.db.prepare("SELECT method FROM documents WHERE kind = 'manufacturer_credit' ORDER BY doc_no").all()).toEqual([{ method: 'cash' }, { method: 'goods' }]);
    expect(checkBook(book).ok).toBe(true);
  });
});
