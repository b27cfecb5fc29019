import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../core/import/import-file.js';
import { bookState, sepBook } from '../../helpers/sep-book.js';
import { tempDir } from '../../helpers/temp-book.js';
import { renderMessage } from '../../../locale/index.js';

const write = (name: string, text: string) => {
  const file = join(tempDir(), name);
  writeFileSync(file, text);
  return file;
};
const lines = (book: Awaited<ReturnType<typeof sepBook>>, batchId: number) => book.db.prepare(`SELECT d.doc_no AS doc, s.store_code AS store, l.fee_text AS fee, l.amount_fen AS fen
  FROM document_lines l JOIN documents d ON d.id = l.document_id LEFT JOIN stores s ON s.id = l.store_id WHERE d.batch_id = ? ORDER BY l.id`).all(batchId);

describe('chain-level lines and fill-down', () => {
  it('books a deduction with no store (blank or 全系统) to the KA account, never to the store of the row above', async () => {
    const book = await sepBook();
    const file = write('kk.csv', `扣款单号,门店,扣款项目,扣款金额
KF01,A021,条码费,"1,000.00"
KF02,,信息服务费,300.00
KF03,全系统,年度返利,"5,000.00"
KF04,A035,店庆费,800.00
`);
    const r = await importFile(book, file, { kind: 'deductions', actor: 't', kaCode: 'RTM', date: '2026-09-30' });
    expect(r.errors).toEqual([]);
    expect(lines(book, r.batchId!)).toEqual([
      { doc: 'KF01', store: 'A021', fee: '条码费', fen: 100_000 }, { doc: 'KF02', store: null, fee: '信息服务费', fen: 30_000 },
      { doc: 'KF03', store: null, fee: '年度返利', fen: 500_000 }, { doc: 'KF04', store: 'A035', fee: '店庆费', fen: 80_000 },
    ]);
    expect(r.filledCells).toBe(0);
    expect(r.storeReadings.map((s) => s.reading)).toEqual(['code', 'chain', 'code']);
  });

  it('fills document-level cells only within a document (same number, or a blank number), and the preview marks them', async () => {
    const book = await sepBook();
    const file = write('ys.csv', `验收单号,验收日期,门店编号,订单号,商品编码,实收数量,单价,金额
YS01,2026-09-03,A021,RT01,P001,24,6.40,153.60
,,,,P002,12,7.20,86.40
YS01,,,,P003,1,39.90,39.90
YS02,2026-09-04,A035,RT02,P001,24,6.40,153.60
`);
    const r = await importFile(book, file, { kind: 'receipts', actor: 't', sampleRows: 10 });
    expect(r.errors).toEqual([]);
    expect(r.created).toBe(2);
    expect(r.filledCells).toBe(4 + 3);
    // Columns of the filled cells, as the preview marks them: 验收单号 A, 验收日期 B, 门店编号 C, 订单号 D.
    expect(r.sample!.rows.map((x) => x.filled ?? [])).toEqual([[], [0, 1, 2, 3], [1, 2, 3], []]);
    // A new number with a blank store is not filled from the document above: it is refused for want of a store.
    const bad = write('ys2.csv', `验收单号,验收日期,门店编号,订单号,商品编码,实收数量,单价,金额
YS03,2026-09-03,A021,RT03,P001,24,6.40,153.60
YS04,2026-09-05,,RT04,P001,24,6.40,153.60
`);
    const refused = await importFile(book, bad, { kind: 'receipts', actor: 't' });
    expect(refused.errors.map((e) => [e.row, e.reason.code])).toEqual([[3, 'import.no-store']]);
  });
});

describe('subtotal rows', () => {
  it('passes over labelled subtotals (单据小计, 客户小计：…, 合计) and unlabelled ones that add up the lines above', async () => {
    const book = await sepBook();
    const file = write('erp.csv', `出库单号,出库日期,门店编号,存货编码,数量,含税单价,价税合计
XS01,2026-09-02,A021,P001,24,6.40,153.60
XS01,2026-09-02,A021,P002,12,7.20,86.40
,,,单据小计,36,,240.00
XS02,2026-09-02,A035,P003,2,39.90,79.80
,,,,2,,79.80
,,,,,,319.80
客户小计：大润发,,,,,,319.80
合计,,,,38,,319.80
`);
    const r = await importFile(book, file, { kind: 'deliveries', actor: 't' });
    expect(r.errors).toEqual([]);
    expect({ created: r.created, lines: r.lines, totals: r.skipped.totals }).toEqual({ created: 2, lines: 3, totals: 5 });
  });

  it('refuses a row that only looks like a subtotal but does not add up, naming it', async () => {
    const book = await sepBook();
    const before = bookState(book);
    const file = write('erp.csv', `出库单号,出库日期,门店编号,存货编码,数量,含税单价,价税合计
XS01,2026-09-02,A021,P001,24,6.40,153.60
,,,,,,999.00
`);
    const r = await importFile(book, file, { kind: 'deliveries', actor: 't' });
    expect(r.committed).toBe(false);
    expect(r.errors.map((e) => e.row)).toEqual([3]);
    expect(bookState(book)).toBe(before);
  });
});

describe('amount and competing columns', () => {
  it('checks a plainly present amount column whatever its heading (收货金额), so a wrong amount is refused', async () => {
    const book = await sepBook();
    const file = write('gr.csv', `收货单号,收货日期,门店编号,商品条码,收货数量,进价,收货金额
GR01,2026-09-05,A021,6901234500017,24,6.40,153.60
GR01,2026-09-05,A021,6901234500024,12,7.20,90.00
`);
    const r = await importFile(book, file, { kind: 'receipts', actor: 't' });
    expect(r.columns.find((c) => c.heading === '收货金额')).toMatchObject({ field: 'amount', basis: 'heading-and-values' });
    expect(r.errors.map((e) => [e.row, e.reason.code])).toEqual([[3, 'import.amount-mismatch']]);
  });

  it('says when two columns fit a field equally, names both and how to choose, and imports once the user chooses', async () => {
    const book = await sepBook();
    const file = write('gr.csv', `收货单号,收货日期,门店编号,商品条码,收货数量,进价,收货金额,验收金额
GR01,2026-09-05,A021,6901234500017,24,6.40,153.60,153.60
`);
    const r = await importFile(book, file, { kind: 'receipts', actor: 't' });
    // The surer first (验收金额 is also a heading the table knows), then its rival.
    expect(r.competing).toEqual([{ field: 'amount', columns: [{ column: 'H', heading: '验收金额', confidence: expect.any(Number) }, { column: 'G', heading: '收货金额', confidence: expect.any(Number) }] }]);
    expect(r.committed).toBe(false);
    const refusal = r.errors.find((e) => e.reason.code === 'import.competing-columns')!;
    expect(renderMessage('en', refusal.reason)).toMatch(/H 验收金额 .* G 收货金额 .*--map "验收金额=amount;收货金额="/);
    const chosen = await importFile(book, file, { kind: 'receipts', actor: 't', map: { 验收金额: 'amount', 收货金额: '' } });
    expect({ errors: chosen.errors, competing: chosen.competing, committed: chosen.committed }).toEqual({ errors: [], competing: [], committed: true });
  });
});
