import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyRate, divideHalfUp, lineAmount, splitByShares, sumFen } from '../../../core/money/rounding.js';

/** Reference half-up rounding by exact rational comparison, written differently from the product's. */
function referenceRound(n: bigint, d: bigint): bigint {
  const q = n / d; // truncates toward zero
  const r = n - q * d;
  const twice = (r < 0n ? -r : r) * 2n;
  if (twice >= (d < 0n ? -d : d)) return q + ((n < 0n) !== (d < 0n) ? -1n : 1n);
  return q;
}

describe('half-up rounding', () => {
  it('rounds halves away from zero, as Excel ROUND does', () => {
    expect(divideHalfUp(5n, 10n)).toBe(1n);
    expect(divideHalfUp(4n, 10n)).toBe(0n);
    expect(divideHalfUp(-5n, 10n)).toBe(-1n);
    expect(divideHalfUp(-4n, 10n)).toBe(0n);
    expect(divideHalfUp(15n, 10n)).toBe(2n);
    expect(divideHalfUp(25n, 10n)).toBe(3n); // not banker's rounding
    expect(divideHalfUp(7n, -2n)).toBe(-4n);
  });

  it('agrees with an exact reference for any numerator and denominator', () => {
    fc.assert(fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.bigInt({ min: 1n, max: 10n ** 12n }), fc.boolean(), (n, d, neg) => {
      const den = neg ? -d : d;
      expect(divideHalfUp(n, den)).toBe(referenceRound(n, den));
    }));
  });
});

describe('line amounts', () => {
  it('computes quantity × price to the fen at the line', () => {
    expect(lineAmount(120_000, 64_000)).toBe(76_800); // 120 × 6.40 = 768.00
    expect(lineAmount(15_000, 399_000)).toBe(59_850); // 15 × 39.90 = 598.50
    expect(lineAmount(1_000, 64_235)).toBe(642); // 6.4235 → 6.42
    expect(lineAmount(1_000, 64_250)).toBe(643); // 6.425 → 6.43 (half-up)
    expect(lineAmount(-1_000, 64_250)).toBe(-643);
    expect(lineAmount(0, 64_250)).toBe(0);
    expect(Object.is(lineAmount(-1, 1), 0)).toBe(true); // never -0
  });

  it('is exact for every size, including beyond 2^53 intermediate products', () => {
    fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 1e9 }), (qty, price) => {
      const expected = referenceRound(BigInt(qty) * BigInt(price), 100_000n);
      const magnitude = expected < 0n ? -expected : expected;
      if (magnitude > BigInt(Number.MAX_SAFE_INTEGER)) expect(() => lineAmount(qty, price)).toThrow(/too large/);
      else expect(lineAmount(qty, price)).toBe(Number(expected));
    }));
  });

  it('refuses non-integers instead of rounding them silently', () => {
    expect(() => lineAmount(1.5, 100)).toThrow(/integer/);
    expect(() => lineAmount(1, Number.NaN)).toThrow(/integer/);
  });
});

describe('rates and splits', () => {
  it('applies parts-per-million rates half-up', () => {
    expect(applyRate(800_000_000, 20_000)).toBe(16_000_000); // 8,000,000.00 × 2 %
    expect(applyRate(1_001, 25_000)).toBe(25); // 10.01 × 2.5 % = 0.25025
    expect(applyRate(1_002, 25_000)).toBe(25); // 0.2505 → 0.25
    expect(applyRate(1_020, 25_000)).toBe(26); // 0.255 → 0.26
  });

  it('splits an amount into parts that add up exactly', () => {
    fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 5 }), (total, raw) => {
      const sum = raw.reduce((a, b) => a + b, 0);
      if (sum === 0) return;
      const shares = raw.map((r) => Math.floor((r * 1_000_000) / sum));
      shares[shares.length - 1]! += 1_000_000 - shares.reduce((a, b) => a + b, 0);
      const parts = splitByShares(total, shares);
      expect(sumFen(parts)).toBe(total);
      parts.slice(0, -1).forEach((p, i) => expect(p).toBe(applyRate(total, shares[i]!)));
    }));
  });

  it('refuses shares that do not make 100 %', () => {
    expect(() => splitByShares(100, [500_000, 400_000])).toThrow(/100 %/);
  });

  it('sums exactly or refuses to lose precision', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: -1e9, max: 1e9 })), (xs) => {
      expect(sumFen(xs)).toBe(xs.reduce((a, b) => a + b, 0));
    }));
    expect(() => sumFen([Number.MAX_SAFE_INTEGER, 1])).toThrow(/too large/);
  });
});
