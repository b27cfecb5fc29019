import { describe, expect, it } from 'vitest';
import { ageing } from '../../../core/credit/ageing.js';
import { feeInvoices } from '../../../core/invoices/fee-invoices.js';
import { editMasterRecord, masterRecord } from '../../../core/master-data/edit-master-data.js';
import { allocateRemittances } from '../../../core/reconcile/allocate-remittances.js';
import { receivablesAsOf } from '../../../db/queries/statement-data.js';
import { tempBook } from '../../helpers/temp-book.js';
import { addInvoiceWorld, deduction, issued, oneLineReceipt, post, received, recordInvoices } from '../../helpers/invoice-world.js';

const P001 = 64_000;

describe('fee invoices, by hand', () => {
  it('lists which deductions have the KA’s invoice, which miss it (with age), which were 票扣 and which expect a red-letter invoice', async () => {
    const book = await tempBook();
    const w = addInvoiceWorld(book, { start: 'receipt', days: 60 });
    post(book,
      deduction(w, 'KK4001', '2026-04-05', '进场费', 20_000), //            a service: the KA invoices it to us
      deduction(w, 'KK4002', '2026-04-06', '陈列费', 10_000), //            a service, invoiced below
      deduction(w, 'KK4003', '2026-04-07', '促销服务费', 3_000, 'invoice'), // 票扣: a discount line instead
      deduction(w, 'KK4004', '2026-04-08', '年度返利', 8_000)); //          a rebate: our red-letter invoice
    recordInvoices(book, received('26312000000000000101', '2026-04-20', 10_000, '陈列费 KK4002'));
    const rows = feeInvoices(book, ['2026-04'], { asOf: '2026-04-30' });
    expect(rows.map((r) => [r.docNo, r.feeType, r.state, r.missing, r.age])).toEqual([
      ['KK4001', 'entry', 'missing', 20_000, 25], // 2026-04-05 → 2026-04-30
      ['KK4002', 'display', 'received', 0, 0],
      ['KK4003', 'promo_service', 'discount_line', 3_000, 0],
      ['KK4004', 'rebate', 'red_missing', 8_000, 22],
    ]);
    expect(rows[1]!.numbers).toEqual(['26312000000000000101']);
  });
});

describe('payment terms that start where the contract says', () => {
  /** One receipt of 640.00 accepted 2026-03-05 and invoiced 2026-03-20, under 30 days from wherever the contract says. */
  async function bookWith(start: 'receipt' | 'invoice' | 'month_end') {
    const book = await tempBook();
    const w = addInvoiceWorld(book, { start, days: 30 });
    post(book, oneLineReceipt(w, 'YS1001', '2026-03-05', w.p001, 100, P001));
    recordInvoices(book, issued('26312000000000000001', '2026-03-20', 64_000, '验收单 YS1001'));
    return book;
  }

  it('moves the due date from the receipt to the invoice and the item across an ageing bucket', async () => {
    // As of 2026-05-10: from the receipt due 2026-04-04, 36 days past due (31–60); from the invoice due 2026-04-19,
    // 21 days (1–30); month-end due 2026-03-31 + 30 = 2026-04-30, 10 days (1–30).
    const cases = [['receipt', '2026-04-04', 2], ['invoice', '2026-04-19', 1], ['month_end', '2026-04-30', 1]] as const;
    for (const [start, due, bucket] of cases) {
      const book = await bookWith(start);
      const [item] = receivablesAsOf(book, null, '2026-05-10');
      expect(item!.due_date, start).toBe(due);
      const report = ageing(book, '2026-05-10', 'ka', 'due');
      const expected = [0, 0, 0, 0, 0, 0];
      expected[bucket] = 64_000;
      expect(report.rows[0]!.buckets, start).toEqual(expected);
    }
  });

  it('has no due date before the invoice, and ages by invoice date on the new basis', async () => {
    const book = await bookWith('invoice');
    // Before the invoice (2026-03-20) the clock has not started: not due.
    const [before] = receivablesAsOf(book, null, '2026-03-19');
    expect(before).toMatchObject({ due_date: null, awaiting_invoice: 1, days_past_due: 0 });
    const byInvoice = ageing(book, '2026-03-19', 'ka', 'invoice');
    expect(byInvoice.rows[0]!.notInvoiced).toBe(64_000);
    // By invoice date as of 2026-05-10: 51 days since 2026-03-20 (31–60).
    expect(ageing(book, '2026-05-10', 'ka', 'invoice').rows[0]!.buckets).toEqual([0, 0, 64_000, 0, 0, 0]);
  });

  it('recalculates only open items when the contract’s start changes', async () => {
    const book = await tempBook();
    const w = addInvoiceWorld(book, { start: 'receipt', days: 30 });
    post(book,
      oneLineReceipt(w, 'YS1001', '2026-03-05', w.p001, 100, P001),
      oneLineReceipt(w, 'YS1002', '2026-03-06', w.p001, 50, P001),
      { kind: 'remittance', naturalKey: 'FK1', docNo: 'FK1', docDate: '2026-03-25', manufacturerId: w.manufacturerId, distributorId: w.distributorId,
        kaAccountId: w.rtm, lines: [{ amount: 64_000, reference: 'YS1001' }] });
    book.write(() => allocateRemittances(book, '2026-03', null, 'tester'));
    const contract = masterRecord(book, 'contracts', 'C-RTM-2026');
    editMasterRecord(book, 'contracts', { ...contract, paymentTermsStart: 'invoice' }, 'tester');
    const open = receivablesAsOf(book, null, '9999-12-31');
    // YS1001 is paid and keeps what it had; YS1002 (320.00 open) waits for its invoice now.
    expect(open.map((r) => [r.doc_no, r.open_fen, r.due_date])).toEqual([['YS1002', 32_000, null]]);
    recordInvoices(book, issued('26312000000000000002', '2026-12-01', 32_000, '验收单 YS1002'));
    expect(receivablesAsOf(book, null, '9999-12-31')[0]!.due_date).toBe('2026-12-31');
  });
});
