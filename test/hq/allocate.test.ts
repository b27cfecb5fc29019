import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateLargestRemainder } from '../../hq/core/allocate.js';

describe('allocating an amount by shares (largest remainder)', () => {
  it('splits by hand-checked shares: exact where the shares allow, the odd fen to the largest remainder', () => {
    expect(allocateLargestRemainder(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocateLargestRemainder(1000, [500, 300, 200])).toEqual([500, 300, 200]);
    // 10 × 2/3 = 6.67 and 10 × 1/3 = 3.33: half-up gives 7 and 3.
    expect(allocateLargestRemainder(10, [2, 1])).toEqual([7, 3]);
    expect(allocateLargestRemainder(-10, [2, 1])).toEqual([-7, -3]);
    expect(allocateLargestRemainder(5, [0, 3, 0])).toEqual([0, 5, 0]);
    expect(allocateLargestRemainder(0, [0, 0])).toEqual([0, 0]);
    expect(() => allocateLargestRemainder(1, [0, 0])).toThrow(RangeError);
  });

  it('always adds up exactly, and no part strays a fen from its exact share', () => {
    fc.assert(fc.property(fc.integer({ min: -10_000_000_000, max: 10_000_000_000 }), fc.array(fc.integer({ min: 0, max: 5_000_000_000 }), { minLength: 1, maxLength: 40 }), (total, weights) => {
      fc.pre(weights.some((w) => w > 0));
      const parts = allocateLargestRemainder(total, weights);
      expect(parts.reduce((s, p) => s + p, 0)).toBe(total);
      const sum = weights.reduce((s, w) => s + BigInt(w), 0n);
      parts.forEach((p, i) => {
        const exactTimesSum = BigInt(total) * BigInt(weights[i]!);
        const diff = BigInt(p) * sum - exactTimesSum;
        expect(diff < 0n ? -diff : diff).toBeLessThan(sum);
        if (weights[i] === 0) expect(p).toBe(0);
      });
    }));
  });
});
