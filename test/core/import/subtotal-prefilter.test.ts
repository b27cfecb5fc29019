import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mayNameTotal, mayStartTotals, TOTALS_CELL, TOTALS_PREFIX } from '../../../core/import/subtotal-rows.js';

// Pieces of labels and of ordinary cells, in any case, so the strings come near every alternative of both expressions.
const piece = fc.constantFrom('合计', '总计', '小计', '本页', '累计', '汇总', '单据', '客户', '日', '月', '总', '计', '汇', ':', '：', '(', ' ',
  'total', 'Total', 'TOTAL', 'grand ', 'Grand', 'sub', 'Sub ', 'sum', 'SUM', 'ſum', 'XS', '2026-03-01', '门店', 'A010', '1,536.00', 's', 'g', 't');
const text = fc.array(piece, { maxLength: 5 }).map((p) => p.join(''));

describe('the quick checks before the totals expressions', () => {
  it('never pass over a cell that either expression matches', () => {
    fc.assert(fc.property(text, (t) => {
      if (TOTALS_PREFIX.test(t)) expect(mayStartTotals(t)).toBe(true);
      if (TOTALS_CELL.test(t)) expect(mayNameTotal(t)).toBe(true);
    }), { numRuns: 20_000 });
  });

  it('pass over the ordinary cells of a delivery row', () => {
    for (const t of ['XSD01251102001', '2025-11-02', 'RT2511020101', 'RTM', 'A010', 'P008', '24.000', '8.8600', '212.64']) {
      expect(mayStartTotals(t) || mayNameTotal(t)).toBe(false);
    }
  });
});
