import { describe, expect, it } from 'vitest';
import { gapPage, gapTotals, matchWithGapTotals } from '../../../core/invoices/match-gaps.js';
import type { InvoiceGap, MatchRow } from '../../../core/invoices/three-way-match.js';

const gap = (kind: InvoiceGap['kind'], amount: number, docNo: string): InvoiceGap => ({ kind, amount, docNo, date: '2026-09-30', message: { code: 'invoices.gap.to-invoice', params: {} } as never });
// As the match finds them: by document, the kinds mixed.
const gaps = [
  gap('paid_without_invoice', 500, 'A'), gap('to_invoice', 500, 'A'), gap('to_invoice', 1_250, 'B'), gap('red_letter_missing', -300, 'R1'),
  gap('paid_without_invoice', 1_250, 'B'), gap('to_invoice', 7, 'C'),
];

describe('a KA month’s differences, a page at a time', () => {
  it('counts and sums them per kind, in the vocabulary’s order', () => {
    expect(gapTotals(gaps)).toEqual([
      { kind: 'to_invoice', count: 3, amount: 1_757 }, { kind: 'red_letter_missing', count: 1, amount: -300 }, { kind: 'paid_without_invoice', count: 2, amount: 1_750 },
    ]);
    expect(gapTotals([])).toEqual([]);
  });

  it('lists what explains the difference first, each kind in the order found, and pages through them', () => {
    const all = gapPage(gaps, { offset: 0, limit: 500 });
    expect(all.total).toBe(6);
    expect(all.gaps.map((g) => `${g.kind}:${g.docNo}`)).toEqual(['to_invoice:A', 'to_invoice:B', 'to_invoice:C', 'red_letter_missing:R1', 'paid_without_invoice:A', 'paid_without_invoice:B']);
    const second = gapPage(gaps, { offset: 2, limit: 2 });
    expect([second.total, second.offset, second.gaps.map((g) => g.docNo)]).toEqual([6, 2, ['C', 'R1']]);
    expect(gapPage(gaps, { offset: 6, limit: 2 }).gaps).toEqual([]);
    const paid = gapPage(gaps, { kind: 'paid_without_invoice', offset: 1, limit: 10 });
    expect([paid.total, paid.gaps.map((g) => g.docNo)]).toEqual([2, ['B']]);
  });

  it('gives the match rows their totals in place of the list', () => {
    const row = { ka: { id: 1, code: 'RTM', name: '大润发' }, period: '2026-09', gaps } as unknown as MatchRow;
    const [out] = matchWithGapTotals([row]);
    expect('gaps' in out!).toBe(false);
    expect(out!.gapTotals.map((t) => t.count)).toEqual([3, 1, 2]);
  });
});
