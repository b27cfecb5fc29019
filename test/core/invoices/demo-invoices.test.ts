import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../../core/demo/generate-demo.js';
import { threeWayMatch } from '../../../core/invoices/three-way-match.js';
import { periodsBetween } from '../../../core/calendar/dates.js';
import { tempBook } from '../../helpers/temp-book.js';

interface Injection { kind: string; natural_key: string; detail_json: string }

describe('the demo year of invoices', () => {
  it('has its injected invoicing gaps found by the three-way match, exactly, and nothing else', async () => {
    const book = await tempBook();
    generateDemo(book, { seed: 21 });
    const injections = book.db.prepare(`SELECT kind, natural_key, detail_json FROM demo_injections
      WHERE kind IN ('invoice_receipt_left_out', 'invoice_amount_off', 'red_letter_not_issued', 'invoice_voided_reissued', 'month_not_invoiced')`).all() as Injection[];
    const kinds = new Set(injections.map((i) => i.kind));
    // The year is long enough for each kind of mistake to happen at least once (a month with nothing to invoice is rare).
    for (const k of ['invoice_amount_off', 'invoice_receipt_left_out', 'invoice_voided_reissued', 'red_letter_not_issued']) expect(kinds.has(k), k).toBe(true);

    // The truth, from what the generator injected: which documents are left uninvoiced and by how much invoices are off.
    const docTotal = new Map((book.db.prepare(`SELECT doc_no, total_fen FROM documents WHERE kind IN ('receipt', 'return', 'deduction')`).all() as { doc_no: string; total_fen: number }[])
      .map((d) => [d.doc_no, d.total_fen]));
    const expected: string[] = [];
    for (const i of injections) {
      const d = JSON.parse(i.detail_json) as Record<string, unknown>;
      const [ka, , period] = i.natural_key.split('|');
      if (i.kind === 'invoice_receipt_left_out') expected.push(`${ka} ${period} to_invoice ${d.receipt as string} ${d.amount as number}`);
      if (i.kind === 'red_letter_not_issued') for (const r of d.returns as string[]) expected.push(`${ka} ${period} red_letter_missing ${r} ${docTotal.get(r)}`);
      if (i.kind === 'month_not_invoiced') {
        for (const r of d.receipts as string[]) expected.push(`${ka} ${period} to_invoice ${r} ${docTotal.get(r)}`);
        for (const t of d.tickets as string[]) expected.push(`${ka} ${period} discount_missing ${t} ${docTotal.get(t)}`);
      }
      if (i.kind === 'invoice_amount_off') expected.push(`${ka} ${period} amount_differs ${d.amount as number}`);
    }
    const first = (book.db.prepare(`SELECT min(period) AS p, max(period) AS q FROM documents WHERE kind = 'receipt'`).get() as { p: string; q: string });
    const rows = threeWayMatch(book, periodsBetween(first.p, first.q), { asOf: '9999-12-31' });
    const found = rows.flatMap((r) => r.gaps.filter((g) => g.kind !== 'unpaid_past_due' && g.kind !== 'paid_without_invoice')
      .map((g) => (g.kind === 'amount_differs' ? `${r.ka.code} ${r.period} ${g.kind} ${g.amount}` : `${r.ka.code} ${r.period} ${g.kind} ${g.docNo} ${g.amount}`)));
    expect(found.sort()).toEqual(expected.sort());
    // Every month's difference between what should be invoiced and what is, is explained to the fen.
    for (const r of rows) expect(r.explained, `${r.ka.code} ${r.period}`).toBe(r.toExplain);
  }, 120_000);
});
