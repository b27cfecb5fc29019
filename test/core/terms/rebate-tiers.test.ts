import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextTier, rebateOn, type Tier } from '../../../core/terms/rebate-tiers.js';

const TIERS: Tier[] = [{ threshold: 2_000_000, rate: 20_000 }, { threshold: 1_000_000, rate: 10_000 }]; // unsorted on purpose

describe('rebate tiers', () => {
  it.each([
    // base (fen), whole-amount 全额累进, progressive 超额累进
    [999_999, 0, 0],
    [1_000_000, 10_000, 0],
    [1_000_001, 10_000, 0], // 10,000.01 fen → 10,000
    [1_000_050, 10_001, 1], // 10,000.50 → 10,001 half-up; progressive 0.50 → 1
    [1_999_999, 20_000, 10_000], // 19,999.99 → 20,000; 9,999.99 → 10,000
    [2_000_000, 40_000, 10_000],
    [2_000_001, 40_000, 10_000],
    [2_500_000, 50_000, 20_000],
  ])('on a base of %i fen: whole %i, progressive %i', (base, whole, progressive) => {
    expect(rebateOn(TIERS, 'whole', base).amount).toBe(whole);
    expect(rebateOn(TIERS, 'progressive', base).amount).toBe(progressive);
  });

  it('shows its slices', () => {
    expect(rebateOn(TIERS, 'progressive', 2_500_000).slices.map((s) => [s.from, s.to, s.rate])).toEqual([[1_000_000, 2_000_000, 10_000], [2_000_000, 2_500_000, 20_000]]);
    expect(rebateOn(TIERS, 'whole', 2_500_000).slices.map((s) => [s.from, s.to, s.rate])).toEqual([[0, 2_500_000, 20_000]]);
  });

  it('says what the next tier needs and is worth', () => {
    expect(nextTier(TIERS, 'whole', 1_500_000)).toEqual({ threshold: 2_000_000, rate: 20_000, needed: 500_000, rebateThere: 40_000, gain: 25_000 });
    expect(nextTier(TIERS, 'whole', 2_500_000)).toBeNull();
  });

  it('never pays more progressively than whole-amount on the same base', () => {
    const tiersArb = fc.array(fc.tuple(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 0, max: 100_000 })), { minLength: 1, maxLength: 5 })
      .map((ts) => {
        const thresholds = [...new Set(ts.map(([t]) => t))].sort((a, b) => a - b);
        const rates = ts.map(([, r]) => r).sort((a, b) => a - b);
        return thresholds.map((threshold, i) => ({ threshold, rate: rates[Math.min(i, rates.length - 1)]! }));
      });
    fc.assert(fc.property(tiersArb, fc.integer({ min: 0, max: 2e9 }), (tiers, base) => {
      expect(rebateOn(tiers, 'progressive', base).amount).toBeLessThanOrEqual(rebateOn(tiers, 'whole', base).amount);
    }));
  });
});
