import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acceptProposals, setAccountMapping } from '../../../core/vouchers/chart-mapping.js';
import { exportNewVouchers, rewriteVouchers } from '../../../core/vouchers/export-vouchers.js';
import { findLayout } from '../../../core/vouchers/layouts.js';
import { previewVouchers, rememberedList } from '../../../core/vouchers/voucher-views.js';
import { post, receipt } from '../../helpers/documents.js';
import { addPeople } from '../../helpers/people.js';
import { fenOf, readTextFile, readXlsxSheet, sums } from '../../helpers/read-vouchers.js';
import { tempBook, tempDir } from '../../helpers/temp-book.js';
import { monthMovement, OWN_CODES, voucherMonth } from '../../helpers/voucher-book.js';
import type { Book } from '../../../db/connection.js';
import type { SignedIn } from '../../../core/users/users.js';

async function month() {
  const book = await tempBook();
  const people = addPeople(book);
  const fixture = voucherMonth(book);
  return { book, wang: people.wang, ...fixture, dir: tempDir() };
}

function mapOwnCodes(book: Book, user: SignedIn) {
  for (const [account, code] of Object.entries(OWN_CODES)) {
    setAccountMapping(book, user, account, {
      glCode: code, glName: `科目${code}`, auxCustomer: ['ar_ka', 'deductions_pending', 'rebate_payable_ka'].includes(account) ? 'ka' : 'none',
      auxSupplier: ['ar_manufacturer', 'claims_manufacturer', 'ap_manufacturer'].includes(account), auxDepartment: account === 'fee_expense',
    });
  }
}

const K3 = { voucher: ['凭证字', '凭证号'], code: '科目代码', debit: '借方', credit: '贷方' };

describe('a month’s postings as vouchers', () => {
  it('stops while an account the month posts to is unmapped, and names it', async () => {
    const { book, wang, dir } = await month();
    const preview = previewVouchers(book, '2026-10', 'document');
    expect(preview.pendingDocuments).toBe(14);
    expect(preview.unmapped.map((u) => u.account)).toEqual(['ar_ka', 'ar_manufacturer', 'bank', 'claims_manufacturer', 'deductions_pending', 'fee_expense', 'manufacturer_income', 'rebate_expense', 'rebate_payable_ka', 'sales', 'sales_returns']);
    // The defaults are proposed, not applied: until someone accepts them the export is still stopped.
    const layout = findLayout('kingdee-k3');
    await expect(exportNewVouchers(book, { period: '2026-10', grouping: 'document', layout, path: join(dir, 'a.xlsx'), user: wang }))
      .rejects.toMatchObject({ code: 'vouchers.unmapped', params: { accounts: expect.arrayContaining([{ code: 'vouchers.account', params: { account: 'ar_ka' } }]) } });
    acceptProposals(book, wang, ['ar_ka']);
    await expect(exportNewVouchers(book, { period: '2026-10', grouping: 'document', layout, path: join(dir, 'a.xlsx'), user: wang }))
      .rejects.toMatchObject({ code: 'vouchers.unmapped', params: { accounts: expect.not.arrayContaining([{ code: 'vouchers.account', params: { account: 'ar_ka' } }]) } });
    expect(book.db.prepare('SELECT count(*) AS n FROM vouchers').get()).toEqual({ n: 0 });
  });

  it('writes one balanced voucher per document whose sums per account are the month’s movement, in 金蝶 K/3 read back', async () => {
    const { book, wang, dir } = await month();
    mapOwnCodes(book, wang);
    const file = join(dir, 'k3.xlsx');
    const r = await exportNewVouchers(book, { period: '2026-10', grouping: 'document', layout: findLayout('kingdee-k3'), path: file, user: wang });
    // 14 documents post in October (the delivery posts nothing, September's receipt is another month).
    expect(r).toMatchObject({ batch: 1, vouchers: 14, documents: 14, first: 1, last: 14 });
    const rows = await readXlsxSheet(file, 'Page1');
    const { byCode, byVoucher } = sums(rows, K3);
    expect([...byVoucher.values()].every((v) => v === 0)).toBe(true);
    expect(byVoucher.size).toBe(14);
    const expected = new Map([...monthMovement(book, '2026-10')].map(([account, fen]) => [OWN_CODES[account]!, fen]));
    expect(new Map([...byCode].filter(([, v]) => v !== 0))).toEqual(expected);
    // Dates in the month, 记 as the word, amounts with at most two decimals, 核算项目 as K/3 writes them.
    expect(new Set(rows.map((x) => x['凭证字']))).toEqual(new Set(['记']));
    expect(rows.every((x) => x['凭证日期']!.startsWith('2026-10-'))).toBe(true);
    const receiptLine = rows.find((x) => x['凭证摘要']!.startsWith('验收单 YS1001') && x['科目代码'] === '1122')!;
    expect(receiptLine).toMatchObject({ 凭证摘要: '验收单 YS1001 大润发上海杨浦店', 借方: '472.8', 贷方: '0', 核算项目: '客户---RTM---大润发', 分录序号: '0', 币别代码: 'RMB' });
    const deduction = rows.find((x) => x['凭证摘要']!.startsWith('扣款单'))!;
    expect(deduction['凭证摘要']).toBe('扣款单 KK1001 大润发上海杨浦店 堆头费、DM/海报费');
    const fee = rows.find((x) => x['科目代码'] === '660101')!;
    expect(fee['核算项目']).toBe('部门---D01---上海华东商贸有限公司');
    // The reversal is 红字: on the original's sides, negative.
    const red = rows.filter((x) => x['凭证摘要']!.startsWith('冲销验收单'));
    expect(red.map((x) => [x['科目代码'], fenOf(x['借方']!), fenOf(x['贷方']!)])).toEqual([['1122', -7680, 0], ['600101', 0, -7680]]);
    expect(red[0]!['凭证摘要']).toBe('冲销验收单 YS1002-R 原单 YS1002 大润发上海杨浦店');
    // K/3 reads its schema sheet beside the data.
    expect((await readXlsxSheet(file, 't_Schema')).find((x) => x.FKey === 'FAccountNum')).toMatchObject({ FCaption: '科目代码', FColIndex: '7' });
  });

  it('summarises per day and document kind, still balanced and adding up to the same movement', async () => {
    const { book, wang, dir } = await month();
    mapOwnCodes(book, wang);
    const file = join(dir, 'day.csv');
    const r = await exportNewVouchers(book, { period: '2026-10', grouping: 'day_kind', layout: findLayout('csv'), path: file, user: wang });
    const rows = readTextFile(file, { encoding: 'utf8' });
    const { byCode, byVoucher } = sums(rows, { voucher: ['凭证字', '凭证号'], code: '科目代码', debit: '借方金额', credit: '贷方金额' });
    // The two receipts of 10-03 are one voucher; every other day and kind has one document.
    expect(r.vouchers).toBe(13);
    expect([...byVoucher.values()].every((v) => v === 0)).toBe(true);
    expect(new Map([...byCode].filter(([, v]) => v !== 0))).toEqual(new Map([...monthMovement(book, '2026-10')].map(([a, f]) => [OWN_CODES[a]!, f])));
    const day = rows.filter((x) => x['摘要']!.includes('验收单') && x['凭证日期'] === '2026-10-03');
    expect(day.map((x) => [x['科目代码'], x['方向'], x['借方金额'], x['贷方金额'], x['摘要']])).toEqual([
      ['1122', '借', '549.60', '0.00', '验收单 大润发 2 张'],
      ['600101', '贷', '0.00', '549.60', '验收单 2 张'],
    ]);
    expect(day[0]!['单据号']).toBe('YS1001 YS1002');
    expect(day[0]!['附单据数']).toBe('2');
  });

  it('exports only what is new the second time, reversals included, numbering on, and never doubles', async () => {
    const { book, wang, w, dir } = await month();
    mapOwnCodes(book, wang);
    const layout = findLayout('yonyou-u8-txt');
    await exportNewVouchers(book, { period: '2026-10', grouping: 'document', layout, path: join(dir, '1.txt'), user: wang });
    const again = await exportNewVouchers(book, { period: '2026-10', grouping: 'document', layout, path: join(dir, '2.txt'), user: wang });
    expect(again).toMatchObject({ batch: null, vouchers: 0, file: null });
    expect(previewVouchers(book, '2026-10', 'document')).toMatchObject({ pendingDocuments: 0, voucherCount: 0, remembered: { vouchers: 14, documents: 14 } });

    // A late receipt and the reversal of another: the next export carries just those two, numbered after the first.
    post(book, receipt(w, 'YS1009', '2026-10-29', 'PO1009', [[w.p001, 5, 64_000]]));
    const { reverseDocument } = await import('../../../core/corrections/reverse.js');
    const late = (book.db.prepare("SELECT id FROM documents WHERE doc_no = 'YS1003'").get() as { id: number }).id;
    reverseDocument(book, late, { actor: 'tester', reason: '门店拒收', today: '2026-10-30' });
    const third = await exportNewVouchers(book, { period: '2026-10', grouping: 'document', layout, path: join(dir, '3.txt'), user: wang });
    expect(third).toMatchObject({ batch: 2, vouchers: 2, first: 15, last: 16 });
    const headings = layout.columns.map((c) => c.heading);
    const rows = readTextFile(join(dir, '3.txt'), { encoding: 'gb18030', firstLine: '填制凭证,V800', headings });
    expect(rows.map((x) => [x['凭证号'], x['科目编码'], x['金额借方'], x['金额贷方'], x['客户编码']])).toEqual([
      ['15', '1122', '32.00', '0.00', 'RTM'], ['15', '600101', '0.00', '32.00', ''],
      ['16', '1122', '-159.60', '0.00', 'MET'], ['16', '600101', '0.00', '-159.60', ''],
    ]);
    const all = [...readTextFile(join(dir, '1.txt'), { encoding: 'gb18030', firstLine: '填制凭证,V800', headings }), ...rows];
    expect(sums(all, { voucher: ['凭证号'], code: '科目编码', debit: '金额借方', credit: '金额贷方' }).byCode.get('1122')).toBe(monthMovement(book, '2026-10').get('ar_ka'));
    expect(rememberedList(book, '2026-10').map((v) => v.number)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
  });

  it('writes a closed month again byte for byte, the zip dated by the month, not by the clock', async () => {
    const { book, wang, dir } = await month();
    mapOwnCodes(book, wang);
    book.db.prepare("UPDATE periods SET status = 'closed' WHERE period = '2026-10'").run();
    const layout = findLayout('kingdee-k3');
    const first = join(dir, 'first.xlsx');
    await exportNewVouchers(book, { period: '2026-10', grouping: 'document', layout, path: first, user: wang });
    // The mapping changes afterwards: what the GL already has does not.
    setAccountMapping(book, wang, 'bank', { glCode: '100201', glName: '银行存款-工行', auxCustomer: 'none', auxSupplier: false, auxDepartment: false });
    const again = join(dir, 'again.xlsx');
    const r = await rewriteVouchers(book, { period: '2026-10', layout, path: again, user: wang });
    expect(r.vouchers).toBe(14);
    expect(readFileSync(again).equals(readFileSync(first))).toBe(true);
    const zip = await JSZip.loadAsync(readFileSync(first));
    const dates = new Set(Object.values(zip.files).map((f) => f.date.toISOString()));
    expect(dates).toEqual(new Set(['2026-10-31T00:00:00.000Z']));
    expect(await zip.file('docProps/core.xml')!.async('string')).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2026-10-31T00:00:00Z</dcterms:modified>');
    // The amounts are stored in the sheet as exact decimals.
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const numbers = [...sheet.matchAll(/<c r="[KL]\d+"(?: s="\d+")?><v>([^<]*)<\/v>/g)].map((m) => m[1]!);
    expect(numbers).toHaveLength(2 * 28);
    expect(numbers).toContain('472.8');
    expect(numbers.every((n) => /^-?\d+(\.\d{1,2})?$/.test(n))).toBe(true);
  });
});
