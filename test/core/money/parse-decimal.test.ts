import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDecimal, parseDecimalText } from '../../../core/money/parse-decimal.js';

/** What a reading gives: its number, or the message it refuses with. */
function outcome(read: () => number): number | string {
  try {
    return read();
  } catch (e) {
    return (e as Error).message;
  }
}

describe('the fast path of parseDecimal', () => {
  it('reads exactly what the full reading reads, and refuses exactly what it refuses', () => {
    // texts near the fast path's edges: digits, signs, points, separators, spaces, currency and 万
    const text = fc.array(fc.constantFrom('0', '1', '5', '9', '-', '.', ',', ' ', '万', '¥', '+', '(', ')'), { maxLength: 20 }).map((cs) => cs.join(''));
    const plainNumber = fc.tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 17n }), fc.option(fc.stringMatching(/^[0-9]{0,6}$/)))
      .map(([neg, whole, frac]) => `${neg ? '-' : ''}${whole}${frac === null ? '' : `.${frac}`}`);
    fc.assert(fc.property(fc.oneof(text, plainNumber), fc.integer({ min: 0, max: 6 }), (raw, scale) => {
      const options = { scale, what: 'amount' as const };
      expect(outcome(() => parseDecimal(raw, options))).toEqual(outcome(() => parseDecimalText(raw, options)));
    }), { numRuns: 5_000 });
  });

  it('reads the plain forms an ERP export writes', () => {
    const amount = { scale: 2, what: 'amount' as const };
    expect(parseDecimal('1536', amount)).toBe(153_600);
    expect(parseDecimal('1536.5', amount)).toBe(153_650);
    expect(parseDecimal('-0.01', amount)).toBe(-1);
    expect(Object.is(parseDecimal('-0.00', amount), 0)).toBe(true);
    expect(parseDecimal('12.', amount)).toBe(1_200);
    expect(parseDecimal('6.4000', { scale: 4, what: 'price' as const })).toBe(64_000);
    expect(() => parseDecimal('6.405', amount)).toThrow(/more than 2 decimal places/);
    // 15 digits after scaling are exact; more go the long way and are still exact
    expect(parseDecimal('9999999999999.99', amount)).toBe(999_999_999_999_999);
    expect(parseDecimal('90071992547409.91', amount)).toBe(9_007_199_254_740_991);
  });
});
