import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempBook, tempDir } from '../helpers/temp-book.js';
import { addInvoiceWorld, D01_TAX_ID, deduction, oneLineReceipt, post, RTM_TAX_ID } from '../helpers/invoice-world.js';
import { writeEtaxList } from '../helpers/invoice-files.js';
import { addPeople } from '../helpers/people.js';

const BIN = fileURLToPath(new URL('../../bin/ka-settle.js', import.meta.url));

function run(password: string | null, ...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, KA_SETTLE_LANG: 'zh' };
  delete env.KA_SETTLE_PASSWORD;
  if (password) env.KA_SETTLE_PASSWORD = password;
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'pipe'] });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
/** Reads need no one; writes are 王会计's (an accountant may import and handle invoices). */
const ka = (...args: string[]) => run(null, ...args);
const wang = (...args: string[]) => run('wang-pass-1', ...args, '--user', 'wang');
const li = (...args: string[]) => run('li-pass-1', ...args, '--user', 'li');

beforeAll(() => {
  if (!existsSync(fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url)))) throw new Error('dist/ is missing: run npm run build');
});

describe('ka-settle invoices', () => {
  it('imports the portal’s list, matches, lists what is to invoice as a workbook, links and voids by hand', async () => {
    const book = await tempBook();
    const w = addInvoiceWorld(book);
    addPeople(book);
    post(book,
      oneLineReceipt(w, 'YS1001', '2026-03-05', w.p001, 100, 64_000), // 640.00
      oneLineReceipt(w, 'YS1002', '2026-03-12', w.p003, 20, 399_000), // 798.00, not invoiced
      deduction(w, 'KK3001', '2026-03-20', '促销服务费', 5_000, 'invoice'), // 票扣 50.00, not on an invoice
      deduction(w, 'KK3002', '2026-03-21', '进场费', 20_000)); // a service fee, no invoice from the KA
    book.close();
    const dir = tempDir();
    const list = join(dir, '全量发票查询.xlsx');
    await writeEtaxList(list, [{ number: '26312000000000000001', date: '2026-03-20', sellerTaxId: D01_TAX_ID, sellerName: '上海华东商贸有限公司',
      buyerTaxId: RTM_TAX_ID, buyerName: '康成投资（中国）有限公司', net: 56_637, tax: 7_363, remark: '验收单 YS1001' }]);
    const imported = wang('import', book.path, 'invoices', list);
    expect(imported.err).toBe('');
    expect(imported.code).toBe(0);

    const match = ka('invoices', book.path, 'match', '--period', '2026-03', '--as-of', '2026-03-31', '--json');
    expect(match.code).toBe(0);
    const [row] = JSON.parse(match.out).rows;
    // 640.00 + 798.00 − 50.00 票扣 = 1,388.00 to invoice; 640.00 invoiced; 798.00 to invoice and 50.00 discount missing.
    expect(row).toMatchObject({ settlement: 138_800, invoicedNet: 64_000, toExplain: 74_800, explained: 74_800 });
    expect(row.gaps.map((g: { kind: string; amount: number }) => [g.kind, g.amount])).toEqual([['to_invoice', 79_800], ['discount_missing', 5_000]]);

    const out = join(dir, '待开票.xlsx');
    const to = ka('invoices', book.path, 'to-invoice', '--period', '2026-03', '--as-of', '2026-03-31', '--out', out);
    expect(to.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const basic = wb.getWorksheet('1-发票基本信息')!;
    expect(basic.getRow(2).values).toEqual([undefined, 1, '数电发票（增值税专用发票）', '康成投资（中国）有限公司', RTM_TAX_ID, '', '', 748, '上海华东商贸有限公司',
      '大润发 2026-03 验收单 YS1002、KK3001']);
    const items = wb.getWorksheet('2-发票明细信息')!;
    expect(items.getRow(2).values).toEqual([undefined, 1, '示例蛋卷礼盒', '', '450g', '', 20, 798, '13%', '', 'YS1002']);
    expect(items.getRow(3).values).toEqual([undefined, 1, '折扣（票扣 KK3001）', '', '', '', '', '', '13%', 50, 'KK3001']);

    const fees = ka('invoices', book.path, 'fees', '--period', '2026-03', '--as-of', '2026-03-31', '--json');
    expect(JSON.parse(fees.out).rows.map((r: { docNo: string; state: string; age: number }) => [r.docNo, r.state, r.age])).toEqual([['KK3001', 'discount_line', 0], ['KK3002', 'missing', 10]]);

    // A credit controller may read the match but not void an invoice; nothing is written when refused.
    const forbidden = li('invoices', book.path, 'void', '--invoice', '26312000000000000001', '--reason', '开错购方');
    expect(forbidden.code).not.toBe(0);
    expect(forbidden.err).toContain('发票（关联、作废、手工录入）');
    expect(JSON.parse(ka('invoices', book.path, 'match', '--period', '2026-03', '--as-of', '2026-03-31', '--json').out).rows[0].invoicedNet).toBe(64_000);
    expect(wang('invoices', book.path, 'void', '--invoice', '26312000000000000001', '--reason', '开错购方').code).toBe(0);
    const again = JSON.parse(ka('invoices', book.path, 'match', '--period', '2026-03', '--as-of', '9999-12-31', '--json').out).rows[0];
    expect(again.invoicedNet).toBe(0);
    const refused = wang('invoices', book.path, 'link', '--invoice', '26312000000000000001', '--document', 'YS1001');
    expect(refused.code).not.toBe(0);
    expect(refused.err + refused.out).toContain('已作废');
  });
});
