import { describe, expect, it } from 'vitest';
import { enterInvoice } from '../../../core/invoices/invoice-actions.js';
import { UserError } from '../../../core/errors.js';
import { tempBook } from '../../helpers/temp-book.js';
import { addInvoiceWorld, issued } from '../../helpers/invoice-world.js';

function refusal(run: () => unknown): UserError {
  try {
    run();
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('an invoice the book holds, said differently by a later file', () => {
  it('is refused naming the differing field in the reader language, and changes nothing', async () => {
    const book = await tempBook();
    addInvoiceWorld(book);
    const { source: _s, ...draft } = issued('26312000000000000101', '2026-03-22', 113_000, '') // 1,000.00 net + 130.00 tax at 13 %;
    enterInvoice(book, draft, 'tester');
    const count = () => (book.db.prepare('SELECT count(*) AS n FROM invoices').get() as { n: number }).n;

    // 1,000.00 net became 1,001.00 (tax kept, so the total moves by the same 1.00)
    const e = refusal(() => enterInvoice(book, { ...draft, net: draft.net + 100, gross: draft.gross + 100 }, 'tester'));
    expect(e.code).toBe('invoices.conflict');
    expect(e.params).toMatchObject({ field: 'net', was: '1,000.00', now: '1,001.00' });
    expect(e.render('zh')).toContain('但金额不同（账套中为 1,000.00，文件中为 1,001.00）');
    expect(e.render('en')).toContain('with a different amount (the book has 1,000.00, the file 1,001.00)');

    const late = refusal(() => enterInvoice(book, { ...draft, date: '2026-03-23' }, 'tester'));
    expect(late.render('zh')).toContain('但开票日期不同（账套中为 2026-03-22，文件中为 2026-03-23）');
    expect(count()).toBe(1);
  });
});
