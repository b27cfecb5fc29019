import { describe, expect, it } from 'vitest';
import { reverseDocument } from '../../../core/corrections/reverse.js';
import { autoLinkInvoices } from '../../../core/invoices/auto-link.js';
import { threeWayMatch } from '../../../core/invoices/three-way-match.js';
import { findDocumentByKey } from '../../../db/queries/documents.js';
import { tempBook } from '../../helpers/temp-book.js';
import { addInvoiceWorld, deduction, issued, oneLineReceipt, post, recordInvoices, ret } from '../../helpers/invoice-world.js';

// Prices in yuan × 10,000: P001 示例原味饼干 6.40, P003 示例蛋卷礼盒 39.90 (the small world's RTM prices).
const P001 = 64_000;
const P003 = 399_000;
const A = '26312000000000000001';
const B = '26312000000000000002';
const C = '26312000000000000003';
const R = '26312000000000000004';
const D = '26312000000000000005';
const E = '26312000000000000006';

describe('the three-way match, by hand', () => {
  it('matches an invoice covering two receipts, a receipt split over two invoices and a red-letter invoice for a return', async () => {
    const book = await tempBook();
    const w = addInvoiceWorld(book);
    post(book,
      oneLineReceipt(w, 'YS1001', '2026-03-05', w.p001, 100, P001), // 100 × 6.40 = 640.00
      oneLineReceipt(w, 'YS1002', '2026-03-12', w.p003, 20, P003), //  20 × 39.90 = 798.00
      oneLineReceipt(w, 'YS1003', '2026-03-15', w.p001, 200, P001), // 200 × 6.40 = 1,280.00
      ret(w, 'TH2001', '2026-03-18', w.p001, 10, P001)); //            10 × 6.40 = 64.00 back
    const summary = recordInvoices(book,
      issued(A, '2026-03-20', 143_800, '验收单 YS1001、YS1002'), // 640.00 + 798.00
      issued(B, '2026-03-25', 80_000, '验收单 YS1003 第一张'),
      issued(C, '2026-03-28', 48_000, '验收单 YS1003 第二张'), // 800.00 + 480.00 = 1,280.00
      issued(R, '2026-03-29', -6_400, '被红冲蓝字数电票号码：26312000000000000001 退货单 TH2001', { originalNumber: A }));
    expect(summary.created).toBe(4);
    expect(summary.issued).toBe(4);
    expect(summary.links?.byReference).toBe(4);

    const [march] = threeWayMatch(book, ['2026-03'], { asOf: '2026-03-31' });
    expect(march).toMatchObject({ period: '2026-03', accepted: 64_000 + 79_800 + 128_000, returns: 6_400, ticket: 0 });
    expect(march!.settlement).toBe(271_800 - 6_400);
    expect(march!.invoicedBlue).toBe(143_800 + 80_000 + 48_000);
    expect(march!.invoicedRed).toBe(-6_400);
    expect(march!.invoicedNet).toBe(265_400);
    expect(march!.gaps).toEqual([]);
    expect(march!.toExplain).toBe(0);
  });

  it('takes a 票扣 deduction as the invoice discount line, and finds the month not invoiced once an invoice is voided', async () => {
    const book = await tempBook();
    const w = addInvoiceWorld(book);
    post(book,
      oneLineReceipt(w, 'YS1101', '2026-04-08', w.p003, 50, P003), // 1,995.00
      oneLineReceipt(w, 'YS1102', '2026-04-12', w.p001, 50, P001), //   320.00
      deduction(w, 'KK3001', '2026-04-10', '促销服务费', 5_000, 'invoice')); // 票扣 50.00
    recordInvoices(book,
      issued(D, '2026-04-20', 194_500, '对账 YS1101 KK3001'), // 1,995.00 − 50.00
      issued(E, '2026-04-22', 32_000, '验收单 YS1102'));
    let [april] = threeWayMatch(book, ['2026-04'], { asOf: '2026-04-30' });
    expect(april).toMatchObject({ accepted: 231_500, ticket: 5_000, settlement: 226_500, invoicedNet: 226_500, toExplain: 0 });
    expect(april!.gaps).toEqual([]);

    // The e-tax list says E was voided: it is recorded void, never deleted, and covers nothing from that day.
    const again = recordInvoices(book, { ...issued(E, '2026-04-22', 32_000, '验收单 YS1102'), status: 'void' });
    expect(again.updated).toBe(1);
    [april] = threeWayMatch(book, ['2026-04'], { asOf: '9999-12-31' });
    expect(april!.invoicedNet).toBe(194_500);
    // D is still unpaid long after YS1101 fell due (2026-04-08 + 60 days): said beside, not part of what is to explain.
    expect(april!.gaps.map((g) => [g.kind, g.docNo, g.amount])).toEqual([['unpaid_past_due', 'YS1101', 199_500], ['to_invoice', 'YS1102', 32_000]]);
    expect(april!.gaps[0]!.message.params).toMatchObject({ due: '2026-06-07' });
    expect(april!.toExplain).toBe(32_000);
    expect(april!.explained).toBe(32_000);
  });

  it('explains an invoice that differs from the settlement, and one that covers no receipt', async () => {
    const book = await tempBook();
    const w = addInvoiceWorld(book);
    post(book, oneLineReceipt(w, 'YS1201', '2026-05-06', w.p001, 30, P001)); // 192.00
    recordInvoices(book,
      issued('26312000000000000011', '2026-05-10', 19_500, '验收单 YS1201'), // 195.00: 3.00 too much
      issued('26312000000000000012', '2026-05-11', 10_000, '货款')); // names nothing, matches no amount
    const [may] = threeWayMatch(book, ['2026-05'], { asOf: '2026-05-31' });
    expect(may!.settlement).toBe(19_200);
    expect(may!.invoicedNet).toBe(19_500 + 10_000);
    const kinds = Object.fromEntries(may!.gaps.map((g) => [g.kind, g.amount]));
    expect(kinds).toEqual({ amount_differs: 300, invoiced_not_accepted: 10_000 });
    expect(may!.toExplain).toBe(19_200 - 29_500);
    expect(may!.explained).toBe(may!.toExplain);
  });

  it('leaves reversed receipts out: an invoice of a reversed receipt is set against the version in force', async () => {
    const book = await tempBook();
    const w = addInvoiceWorld(book);
    post(book,
      oneLineReceipt(w, 'YS1301', '2026-06-05', w.p001, 100, P001), // 640.00, then corrected to 90 units
      oneLineReceipt(w, 'YS1302', '2026-06-08', w.p003, 20, P003)); // 798.00, posted in error and reversed
    recordInvoices(book, issued('26312000000000000021', '2026-06-10', 64_000, '验收单 YS1301'));
    const keyOf = (docNo: string) => findDocumentByKey(book, 'receipt', `K${w.rtm}|${docNo}`)!;
    const first = keyOf('YS1301');
    reverseDocument(book, first.id, { actor: 'tester', reason: '数量错：实收 90', today: '2026-06-20' });
    post(book, { ...oneLineReceipt(w, 'YS1301', '2026-06-05', w.p001, 90, P001), version: 2 }); // 576.00
    reverseDocument(book, keyOf('YS1302').id, { actor: 'tester', reason: '重复导入', today: '2026-06-20' });

    // Only version 2 of YS1301 (576.00) is accepted; YS1302 and its reversal are gone from the match,
    // and the invoice, whose link is to the reversed version, covers nothing in force.
    const [june] = threeWayMatch(book, ['2026-06'], { asOf: '2026-06-30' });
    expect(june).toMatchObject({ accepted: 57_600, returns: 0, settlement: 57_600, invoicedNet: 64_000 });
    expect(june!.gaps.map((g) => [g.kind, g.docNo ?? g.invoiceNo, g.amount])).toEqual([
      ['to_invoice', 'YS1301', 57_600], ['invoiced_not_accepted', '26312000000000000021', 64_000]]);
    expect(june!.explained).toBe(june!.toExplain);

    // Linking again finds version 2 by the invoice's remark: the invoice is 64.00 more than what it covers.
    book.write(() => autoLinkInvoices(book, { from: '2026-06-01', to: '2026-06-30' }, 'tester'));
    const [relinked] = threeWayMatch(book, ['2026-06'], { asOf: '2026-06-30' });
    expect(relinked!.gaps.map((g) => [g.kind, g.invoiceNo, g.amount])).toEqual([['amount_differs', '26312000000000000021', 6_400]]);
    expect(relinked!.toExplain).toBe(57_600 - 64_000);
    expect(relinked!.explained).toBe(relinked!.toExplain);
  });
});
