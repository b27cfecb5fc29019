import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../core/import/import-file.js';
import { threeWayMatch } from '../../../core/invoices/three-way-match.js';
import type { Book } from '../../../db/connection.js';
import { tempBook, tempDir } from '../../helpers/temp-book.js';
import { addInvoiceWorld, D01_TAX_ID, oneLineReceipt, post, RTM_TAX_ID } from '../../helpers/invoice-world.js';
import { einvoiceXml, writeEtaxList, writeXmlZip, type FixtureInvoice } from '../../helpers/invoice-files.js';

const us = { sellerTaxId: D01_TAX_ID, sellerName: '上海华东商贸有限公司', buyerTaxId: RTM_TAX_ID, buyerName: '康成投资（中国）有限公司' };
// 640.00 with 13 %: 566.37 + 73.63 (566.37 × 0.13 = 73.6281, rounded at the line); 798.00: 706.19 + 91.81 (91.8047).
const A: FixtureInvoice = { ...us, number: '26312000000000000001', date: '2026-03-20', net: 56_637, tax: 7_363, remark: '大润发 验收单 YS1001',
  lines: [{ name: '*饼干*示例原味饼干', taxCode: '1030201010000000000', spec: '200g', unit: '盒', qty: 100, price: '5.66371681', net: 56_637, rate: '13%', tax: 7_363 }] };
const B: FixtureInvoice = { ...us, number: '26312000000000000002', date: '2026-03-21', net: 70_619, tax: 9_181, remark: '大润发 验收单 YS1002',
  lines: [{ name: '*糕点*示例蛋卷礼盒', spec: '450g', unit: '盒', qty: 20, price: '35.30973451', net: 70_619, rate: '13%', tax: 9_181 }] };
// 大润发's display-fee invoice to us: 100.00 = 94.34 + 5.66 at 6 %.
const FEE: FixtureInvoice = { sellerTaxId: RTM_TAX_ID, sellerName: '康成投资（中国）有限公司', buyerTaxId: D01_TAX_ID, buyerName: '上海华东商贸有限公司',
  number: '26312000000000000101', date: '2026-03-25', net: 9_434, tax: 566, remark: '陈列费 KK4002' };

const count = (book: Book) => book.db.prepare(`SELECT direction, count(*) AS n FROM invoices GROUP BY direction ORDER BY direction`).all();
const items = (book: Book) => (book.db.prepare(`SELECT count(*) AS n FROM invoice_items`).get() as { n: number }).n;

async function world() {
  const book = await tempBook();
  const w = addInvoiceWorld(book);
  post(book, oneLineReceipt(w, 'YS1001', '2026-03-05', w.p001, 100, 64_000), oneLineReceipt(w, 'YS1002', '2026-03-12', w.p003, 20, 399_000));
  return book;
}

describe('importing invoices', () => {
  it('reads the e-tax portal’s list export, links what it names, and never doubles on re-import; a voided invoice is recorded void', async () => {
    const book = await world();
    const dir = tempDir();
    const list = join(dir, '全量发票查询.xlsx');
    await writeEtaxList(list, [A, B, FEE]);
    const first = await importFile(book, list, { kind: 'invoices', actor: 'tester' });
    expect(first.errors).toEqual([]);
    expect(first).toMatchObject({ committed: true, created: 3, headerRow: 1 });
    expect(count(book)).toEqual([{ direction: 'issued', n: 2 }, { direction: 'received', n: 1 }]);
    const [march] = threeWayMatch(book, ['2026-03'], { asOf: '2026-03-31' });
    expect(march).toMatchObject({ accepted: 143_800, invoicedNet: 143_800, toExplain: 0 });

    const again = await importFile(book, list, { kind: 'invoices', actor: 'tester' });
    expect(again).toMatchObject({ committed: false, created: 0, unchanged: 3 });
    expect(count(book)).toEqual([{ direction: 'issued', n: 2 }, { direction: 'received', n: 1 }]);

    const voided = join(dir, '全量发票查询-作废.xlsx');
    await writeEtaxList(voided, [{ ...B, status: '已作废' }]);
    const v = await importFile(book, voided, { kind: 'invoices', actor: 'tester' });
    expect(v).toMatchObject({ committed: true, created: 0, updated: 1 });
    expect(count(book)).toEqual([{ direction: 'issued', n: 2 }, { direction: 'received', n: 1 }]);
    expect(book.db.prepare(`SELECT status FROM invoice_status_changes`).all()).toEqual([{ status: 'void' }]);
    const [after] = threeWayMatch(book, ['2026-03'], { asOf: '9999-12-31' });
    expect(after!.gaps.filter((g) => g.kind === 'to_invoice').map((g) => [g.docNo, g.amount])).toEqual([['YS1002', 79_800]]);
  });

  it('reads a .zip of 数电票 XML files with their item lines, adding the lines to invoices the list brought', async () => {
    const book = await world();
    const dir = tempDir();
    await writeEtaxList(join(dir, 'list.xlsx'), [A]);
    await importFile(book, join(dir, 'list.xlsx'), { kind: 'invoices', actor: 'tester' });
    expect(items(book)).toBe(0);
    await writeXmlZip(join(dir, '数电票.zip'), [A, B], [{ name: '__MACOSX/._x', text: '' }]);
    const r = await importFile(book, join(dir, '数电票.zip'), { kind: 'invoices', actor: 'tester' });
    expect(r.errors).toEqual([]);
    expect(r).toMatchObject({ format: 'zip', committed: true, created: 1, updated: 1, lines: 2 });
    expect(items(book)).toBe(2);
    const line = book.db.prepare(`SELECT item_name, tax_code, qty_milli, net_fen, tax_rate_ppm, tax_fen, product_id IS NOT NULL AS known FROM invoice_items ORDER BY id LIMIT 1`).get();
    expect(line).toEqual({ item_name: '*饼干*示例原味饼干', tax_code: '1030201010000000000', qty_milli: 100_000, net_fen: 56_637, tax_rate_ppm: 130_000, tax_fen: 7_363, known: 1 });
    // One XML on its own, again: nothing new.
    writeFileSync(join(dir, 'a.xml'), einvoiceXml(A));
    expect(await importFile(book, join(dir, 'a.xml'), { kind: 'invoices', actor: 'tester' })).toMatchObject({ format: 'xml', created: 0, unchanged: 1 });
  });

  it('reads the item-line export (信息汇总表), totals from its lines', async () => {
    const book = await world();
    const file = join(tempDir(), '信息汇总表.xlsx');
    await writeEtaxList(file, [A, B], { items: true });
    const r = await importFile(book, file, { kind: 'invoices', actor: 'tester' });
    expect(r.errors).toEqual([]);
    expect(r).toMatchObject({ created: 2, lines: 2 });
    expect(book.db.prepare(`SELECT gross_fen FROM invoices ORDER BY document_id`).all()).toEqual([{ gross_fen: 64_000 }, { gross_fen: 79_800 }]);
  });

  it('refuses a bad file with the file, row and field named, and writes nothing', async () => {
    const book = await world();
    const dir = tempDir();
    const file = join(dir, 'bad.xlsx');
    await writeEtaxList(file, [A, { ...B, number: '2631200000000000000' /* 19 digits */ }, { ...FEE, grossWritten: 10_001 /* ≠ 94.34 + 5.66 */ }]);
    const r = await importFile(book, file, { kind: 'invoices', actor: 'tester' });
    expect(r.committed).toBe(false);
    expect(r.errors.map((e) => [e.file, e.row, e.field, e.reason.code])).toEqual([[file, 3, '数电票号码 (column D)', 'invoices.number-invalid'], [file, 4, '价税合计', 'invoices.totals-differ']]);
    expect(count(book)).toEqual([]);

    const zip = join(dir, 'bad.zip');
    await writeXmlZip(zip, [A], [{ name: 'not-an-invoice.xml', text: '<?xml version="1.0"?><Invoice/>' }, { name: 'cut.xml', text: '<EInvoice><Header>' }]);
    const z = await importFile(book, zip, { kind: 'invoices', actor: 'tester' });
    expect(z.committed).toBe(false);
    expect(z.errors.map((e) => [e.file, e.reason.code])).toEqual([[`${zip}/not-an-invoice.xml`, 'invoices.xml-not-einvoice'], [`${zip}/cut.xml`, 'invoices.xml-malformed']]);
    expect(count(book)).toEqual([]);
  });
});
