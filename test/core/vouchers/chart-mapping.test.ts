import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auxItemsView, setAuxItem } from '../../../core/vouchers/aux-items.js';
import { importChart } from '../../../core/vouchers/chart-import.js';
import { acceptProposals, mappingView, setAccountMapping } from '../../../core/vouchers/chart-mapping.js';
import { exportNewVouchers } from '../../../core/vouchers/export-vouchers.js';
import { findLayout } from '../../../core/vouchers/layouts.js';
import { addPeople } from '../../helpers/people.js';
import { readTextFile, sums } from '../../helpers/read-vouchers.js';
import { tempBook, tempDir } from '../../helpers/temp-book.js';
import { monthMovement, voucherMonth } from '../../helpers/voucher-book.js';

/** A 金蝶 K/3 科目表 export as the GL writes it: a title, a blank row, then the header on row 3. */
async function k3Chart(path: string, extra: (string | null)[][] = []) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('科目');
  ws.addRow(['会计科目']);
  ws.addRow([]);
  ws.addRow(['科目代码', '助记码', '科目名称', '科目类别', '余额方向', '核算项目', '全名']);
  const rows: (string | null)[][] = [
    ['1002', 'YHCK', '银行存款', '流动资产', '借', null, '银行存款'],
    ['1002.01', '', '工商银行', '流动资产', '借', null, '银行存款_工商银行'],
    ['1002.02', '', '建设银行', '流动资产', '借', null, '银行存款_建设银行'],
    ['1122', 'YSZK', '应收账款', '流动资产', '借', '客户', '应收账款'],
    ['1221', '', '其他应收款', '流动资产', '借', null, '其他应收款'],
    ['1221.01', '', '厂家代收货款', '流动资产', '借', '供应商', '其他应收款_厂家代收货款'],
    ['1221.02', '', '厂家费用补贴', '流动资产', '借', '供应商', '其他应收款_厂家费用补贴'],
    ['1221.03', '', '待分摊扣款', '流动资产', '借', '客户', '其他应收款_待分摊扣款'],
    ['1405', '', '库存商品', '流动资产', '借', null, '库存商品'],
    ['2202', '', '应付账款', '流动负债', '贷', '供应商', '应付账款'],
    ['2241', '', '其他应付款', '流动负债', '贷', null, '其他应付款'],
    ['2241.01', '', '应付KA返利', '流动负债', '贷', '客户', '其他应付款_应付KA返利'],
    ['6001', '', '主营业务收入', '营业收入', '贷', null, '主营业务收入'],
    ['6051', '', '其他业务收入', '营业收入', '贷', null, '其他业务收入'],
    ['6601', '', '销售费用', '期间费用', '借', null, '销售费用'],
    ['6601.01', '', '进场费', '期间费用', '借', '部门', '销售费用_进场费'],
    ['6601.05', '', '返利', '期间费用', '借', null, '销售费用_返利'],
    ...extra,
  ];
  for (const r of rows) ws.addRow(r);
  await wb.xlsx.writeFile(path);
}

async function setup() {
  const book = await tempBook();
  const { wang, li } = addPeople(book);
  voucherMonth(book);
  return { book, wang, li, dir: tempDir() };
}

describe('the chart-of-accounts mapping', () => {
  it('proposes the 企业会计准则 chart and applies nothing until it is accepted', async () => {
    const { book, wang, li } = await setup();
    const view = mappingView(book, '2026-10');
    const row = (a: string) => view.rows.find((r) => r.account === a)!;
    expect(row('ar_ka')).toMatchObject({ state: 'proposed', mapping: { glCode: '1122', glName: '应收账款', auxCustomer: 'ka' }, entries: 8 });
    expect(row('fee_expense').mapping).toMatchObject({ glCode: '6601', glName: '销售费用' });
    expect(row('adjustment')).toMatchObject({ state: 'unmapped', mapping: null });
    expect(view.rows.filter((r) => r.state === 'confirmed')).toEqual([]);
    // A credit controller is the manufacturer's: the distributor's chart is not theirs to map.
    expect(() => acceptProposals(book, li)).toThrow(expect.objectContaining({ code: 'security.forbidden', params: expect.objectContaining({ role: 'credit_controller', what: 'vouchers' }) }));
    expect(acceptProposals(book, wang)).toBe(view.rows.filter((r) => r.state === 'proposed').length);
    expect(mappingView(book).rows.find((r) => r.account === 'ar_ka')).toMatchObject({ state: 'confirmed', changedBy: 'wang' });
    const audit = book.db.prepare("SELECT count(*) AS n FROM audit_log WHERE entity = 'gl_account'").get() as { n: number };
    expect(audit.n).toBe(view.rows.filter((r) => r.state === 'proposed').length);
  });

  it('imports the GL’s own chart, finds its header, proposes its sub-accounts and 核算项目, and refuses what the GL would refuse', async () => {
    const { book, wang, dir } = await setup();
    const chart = join(dir, '科目表.xlsx');
    await k3Chart(chart);
    expect(await importChart(book, wang, chart)).toMatchObject({ headerRow: 3, accounts: 17, leaves: 13 });
    const view = mappingView(book, '2026-10');
    const proposal = (a: string) => view.rows.find((r) => r.account === a)!.proposal;
    expect(proposal('ar_manufacturer')).toEqual({ glCode: '1221.01', glName: '其他应收款_厂家代收货款', auxCustomer: 'none', auxSupplier: true, auxDepartment: false });
    expect(proposal('claims_manufacturer')?.glCode).toBe('1221.02');
    expect(proposal('deductions_pending')).toMatchObject({ glCode: '1221.03', auxCustomer: 'ka' });
    expect(proposal('rebate_payable_ka')).toMatchObject({ glCode: '2241.01', auxCustomer: 'ka' });
    expect(proposal('fee_expense')).toMatchObject({ glCode: '6601.01', auxDepartment: true });
    expect(proposal('rebate_expense')?.glCode).toBe('6601.05');
    // 银行存款 has two banks under it: which one is the user's to say.
    expect(proposal('bank')).toBeNull();
    acceptProposals(book, wang);

    const map = (account: string, glCode: string, aux: Partial<{ auxCustomer: 'none' | 'ka' | 'store'; auxSupplier: boolean }> = {}) =>
      setAccountMapping(book, wang, account, { glCode, glName: '', auxCustomer: aux.auxCustomer ?? 'none', auxSupplier: aux.auxSupplier ?? false, auxDepartment: false });
    expect(() => map('bank', '1002')).toThrow(expect.objectContaining({ code: 'vouchers.gl-code-not-leaf', message: expect.stringContaining('1002.01') }));
    expect(() => map('bank', '1009')).toThrow(expect.objectContaining({ code: 'vouchers.gl-code-unknown' }));
    expect(() => map('bank', '10 02')).toThrow(expect.objectContaining({ code: 'vouchers.gl-code-invalid' }));
    expect(() => map('sales_returns', '1122')).toThrow(expect.objectContaining({ code: 'vouchers.aux-conflict', params: expect.objectContaining({ other: 'ar_ka' }) }));
    expect(() => map('sales_returns', '1122')).toThrow(expect.objectContaining({ message: expect.stringContaining('Receivable from KA accounts') }));
    expect(map('bank', '1002.01')).toMatchObject({ glCode: '1002.01', glName: '银行存款_工商银行' });

    // With the GL's codes, each code's vouchers add up to the movement of the accounts mapped to it.
    const file = join(dir, 'v.csv');
    await exportNewVouchers(book, { period: '2026-10', grouping: 'document', layout: findLayout('csv'), path: file, user: wang });
    const { byCode } = sums(readTextFile(file, { encoding: 'utf8' }), { voucher: ['凭证号'], code: '科目代码', debit: '借方金额', credit: '贷方金额' });
    const codeOf = new Map(mappingView(book).rows.filter((r) => r.mapping).map((r) => [r.account, r.mapping!.glCode]));
    const expected = new Map<string, number>();
    for (const [account, fen] of monthMovement(book, '2026-10')) expected.set(codeOf.get(account)!, (expected.get(codeOf.get(account)!) ?? 0) + fen);
    expect(new Map([...byCode].filter(([, v]) => v !== 0))).toEqual(expected);
    expect(byCode.get('6001')).toBe(monthMovement(book, '2026-10').get('sales')! + monthMovement(book, '2026-10').get('sales_returns')!);
  });

  it('refuses a chart with a bad row, naming file, row and column, and keeps the chart it had', async () => {
    const { book, wang, dir } = await setup();
    const good = join(dir, 'good.xlsx');
    await k3Chart(good);
    await importChart(book, wang, good);
    const bad = join(dir, 'bad.xlsx');
    await k3Chart(bad, [['1122', '', '应收账款二', '流动资产', '借', null, null]]);
    await expect(importChart(book, wang, bad)).rejects.toMatchObject({ code: 'vouchers.chart-duplicate', place: { file: bad, row: 21, field: '科目代码 (A)' } });
    expect(mappingView(book).chart).toEqual({ accounts: 17, leaves: 13 });
    const blank = join(dir, 'blank.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x').addRow(['日期', '摘要']);
    await wb.xlsx.writeFile(blank);
    await expect(importChart(book, wang, blank)).rejects.toMatchObject({ code: 'vouchers.chart-no-header', place: { file: blank } });
  });

  it('puts a KA under the GL’s own customer code where the user maps it, and its own code otherwise', async () => {
    const { book, wang, dir } = await setup();
    acceptProposals(book, wang);
    setAccountMapping(book, wang, 'adjustment', { glCode: '6711', glName: '营业外支出', auxCustomer: 'none', auxSupplier: false, auxDepartment: false });
    expect(auxItemsView(book).find((i) => i.party === 'store' && i.code === 'RTM-A021')).toMatchObject({ glCode: 'RTM-A021', glName: '大润发上海杨浦店', overridden: false });
    setAuxItem(book, wang, 'ka', 'RTM', { code: '0101', name: '康成投资（大润发）' });
    expect(() => setAuxItem(book, wang, 'ka', 'XX', { code: '1', name: 'x' })).toThrow(expect.objectContaining({ code: 'vouchers.unknown-party' }));
    const file = join(dir, 'u8.txt');
    const layout = findLayout('yonyou-u8-txt');
    await exportNewVouchers(book, { period: '2026-10', grouping: 'document', layout, path: file, user: wang });
    const rows = readTextFile(file, { encoding: 'gb18030', firstLine: '填制凭证,V800', headings: layout.columns.map((c) => c.heading) });
    const customers = new Set(rows.filter((r) => r['科目编码'] === '1122').map((r) => r['客户编码']));
    expect(customers).toEqual(new Set(['0101', 'MET']));
    // 用友 keeps 60 bytes of 摘要 and no comma inside a field.
    const bytes = rows.map((r) => iconv.encode(r['摘要']!, 'gb18030').length);
    expect(Math.max(...bytes)).toBeLessThanOrEqual(60);
    expect(rows.find((r) => r['摘要']!.startsWith('扣款单'))!['摘要']).toBe('扣款单 KK1001 大润发上海杨浦店 堆头费、DM/海报费');
    setAuxItem(book, wang, 'ka', 'RTM', null);
    expect(auxItemsView(book).find((i) => i.party === 'ka' && i.code === 'RTM')).toMatchObject({ glCode: 'RTM', overridden: false });
  });
});
