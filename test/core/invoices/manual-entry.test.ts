import { describe, expect, it } from 'vitest';
import { enterInvoice, linkByHand, unlinkByHand } from '../../../core/invoices/invoice-actions.js';
import { threeWayMatch } from '../../../core/invoices/three-way-match.js';
import { UserError } from '../../../core/errors.js';
import { tempBook } from '../../helpers/temp-book.js';
import { addInvoiceWorld, issued, oneLineReceipt, post } from '../../helpers/invoice-world.js';

describe('a paper invoice entered by hand and linked by hand', () => {
  it('records an older invoice (发票代码 + 8-digit number), refuses one that does not add up, and links it by hand', async () => {
    const book = await tempBook();
    const w = addInvoiceWorld(book);
    post(book, oneLineReceipt(w, 'YS1001', '2026-03-05', w.p001, 100, 64_000)); // 640.00
    const paper = { ...issued('00012345', '2026-03-22', 64_000, '手开'), code: '3100191130', invoiceType: 'special' as const };
    const { source: _s, ...draft } = paper;
    expect(() => enterInvoice(book, { ...draft, tax: draft.tax + 1 }, 'tester')).toThrow(UserError);
    const summary = enterInvoice(book, draft, 'tester');
    expect(summary.created).toBe(1);
    // Its remark names nothing and its amount is the one receipt's: linked by amount and date.
    let [march] = threeWayMatch(book, ['2026-03'], { asOf: '2026-03-31' });
    expect(march).toMatchObject({ invoicedNet: 64_000, toExplain: 0 });
    expect(book.db.prepare(`SELECT source, invoice_code, invoice_number FROM invoices`).get()).toEqual({ source: 'manual', invoice_code: '3100191130', invoice_number: '00012345' });

    unlinkByHand(book, { invoice: '3100191130-00012345', document: 'YS1001', reason: '关联错了' }, 'tester');
    [march] = threeWayMatch(book, ['2026-03'], { asOf: '9999-12-31' });
    expect(march!.gaps.map((g) => g.kind).sort()).toEqual(['invoiced_not_accepted', 'to_invoice']);
    linkByHand(book, { invoice: '3100191130-00012345', document: 'YS1001', amount: 64_000 }, 'tester');
    [march] = threeWayMatch(book, ['2026-03'], { asOf: '9999-12-31' });
    expect(march!.gaps.filter((g) => g.kind !== 'unpaid_past_due')).toEqual([]);
  });
});
