import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalShape, inCanonicalOrder, sortKeys } from '../../core/canonical-json.js';

/** JSON text whose objects carry keys of every kind the sorted copy orders specially: integer-like, numeric-looking, mixed case, non-ASCII. */
const KEYS = ['0', '1', '2', '10', '01', '-1', '4294967294', '4294967295', '1.5', 'a', 'B', 'b', 'aa', 'Z', '金额', 'é', ' ', '', '__proto__', 'constructor'];
const { value: jsonText } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.constant(null), fc.boolean(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string(), tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 5 }),
  object: fc.uniqueArray(fc.tuple(fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 4 })), tie('value')), { maxLength: 6, selector: ([k]) => k })
    .map((entries) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v) ?? 'null'}`).join(',')}}`).map((t) => JSON.parse(t) as unknown),
}));
/** What a package file holds: JSON text, parsed as the head office parses it. */
const parsedJson = jsonText.map((v) => JSON.parse(JSON.stringify(v)) as unknown);

describe('canonical JSON without the sorted copy', () => {
  it('gives the canonical text for any parsed JSON, in order or not', () => {
    fc.assert(fc.property(parsedJson, (v) => {
      expect(JSON.stringify(canonicalShape(v))).toBe(canonicalJson(v));
      if (inCanonicalOrder(v)) expect(JSON.stringify(v)).toBe(canonicalJson(v));
    }), { numRuns: 2000 });
  });

  it('takes canonical text, parsed back, as it stands (what a package written by signBody is)', () => {
    fc.assert(fc.property(parsedJson, (v) => {
      const back = JSON.parse(canonicalJson(v)) as unknown;
      expect(inCanonicalOrder(back)).toBe(true);
      expect(canonicalShape(back)).toBe(back);
      // (a '__proto__' key becomes the copy's prototype in sortKeys, so that copy is not plain: it is sorted again, to the same text)
      if (!JSON.stringify(v).includes('"__proto__"')) expect(inCanonicalOrder(sortKeys(v))).toBe(true);
    }), { numRuns: 2000 });
  });

  it('sends anything out of order, or not plain JSON, to the sorted copy', () => {
    expect(inCanonicalOrder(JSON.parse('{"b":1,"a":2}'))).toBe(false);
    expect(inCanonicalOrder(JSON.parse('{"a":{"d":1,"c":2}}'))).toBe(false);
    expect(inCanonicalOrder(JSON.parse('[{"a":1},{"z":1,"y":2}]'))).toBe(false);
    expect(inCanonicalOrder(JSON.parse('{"10":1,"2":2,"B":3,"a":4}'))).toBe(true); // integer keys come first, in number order, whatever the text
    expect(inCanonicalOrder({ a: undefined })).toBe(false);
    expect(inCanonicalOrder(JSON.parse('{"__proto__":{"a":1}}'))).toBe(false);
    expect(inCanonicalOrder({ at: new Date(0) })).toBe(false);
    expect(inCanonicalOrder({ x: { toJSON: () => 1 } })).toBe(false);
    expect(JSON.stringify(canonicalShape({ b: 1, a: { d: undefined, c: [new Date(0)] } }))).toBe(canonicalJson({ b: 1, a: { d: undefined, c: [new Date(0)] } }));
  });
});
