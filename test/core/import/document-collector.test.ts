import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../core/canonical-json.js';
import { sameLine, sameLineKey } from '../../../core/import/document-collector.js';
import type { LineDraft } from '../../../core/ledger/post-documents.js';

const text = fc.option(fc.string({ unit: fc.constantFrom('a', '|', '"', '\\', '1', '中', ''), maxLength: 4 }), { nil: undefined });
const id = fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined });
const line = fc.record({
  storeId: id, productId: id, qty: fc.option(fc.integer({ min: -2, max: 2 }), { nil: undefined }), price: id, amount: fc.integer({ min: -2, max: 2 }),
  orderNo: text, feeType: text, feeText: text, reference: text, memo: text,
});
/** A line as the book stores it: a field left out and a field that is null are the same. */
const stored = (l: LineDraft) => canonicalJson(Object.fromEntries(Object.entries(l).map(([k, v]) => [k, v ?? null])));

describe('the key that finds a line repeated in a document', () => {
  it('is the same for two lines exactly when every field is the same, as is the comparison field by field', () => {
    // The second line is the first with one field changed (often to the same value, or undefined to null), or another.
    const pair = line.chain((a) => fc.oneof(
      fc.tuple(fc.constant(a), line),
      fc.tuple(fc.constant(a), fc.constantFrom(...Object.keys(a)), line, fc.boolean()).map(([a, key, other, toNull]) => {
        const k = key as keyof LineDraft;
        return [a, { ...a, [k]: toNull && a[k] === undefined ? null : other[k] }] as const;
      }),
    ));
    let same = 0;
    fc.assert(fc.property(pair, ([a, b]) => {
      if (stored(a) === stored(b)) same++;
      expect(sameLineKey(a) === sameLineKey(b)).toBe(stored(a) === stored(b));
      expect(sameLine(a, b)).toBe(stored(a) === stored(b));
    }), { numRuns: 5000 });
    expect(same).toBeGreaterThan(200); // about 540 of the 5,000 pairs are the same line
  });
});
