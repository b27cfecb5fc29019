import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from '../../../core/canonical-json.js';
import { contentHash, type DocumentDraft } from '../../../core/ledger/post-documents.js';

/**
 * A document's content hash is stored in the book and compared on every re-import ("unchanged" or "conflict"), so
 * it must stay the very hash earlier builds wrote: the canonical JSON (sorted keys) of what the document says.
 */
function byCanonicalJson(d: DocumentDraft): string {
  return sha256Hex(canonicalJson({
    kind: d.kind, docNo: d.docNo, docDate: d.docDate, manufacturerId: d.manufacturerId ?? null,
    distributorId: d.distributorId ?? null, kaAccountId: d.kaAccountId ?? null, storeId: d.storeId ?? null,
    orderNo: d.orderNo ?? null, reference: d.reference ?? null, method: d.method ?? null, dueDate: d.dueDate ?? null,
    lines: d.lines.map((l) => ({
      storeId: l.storeId ?? null, productId: l.productId ?? null, orderNo: l.orderNo ?? null, qty: l.qty ?? null,
      price: l.price ?? null, amount: l.amount, feeType: l.feeType ?? null, feeText: l.feeText ?? null,
      reference: l.reference ?? null,
    })),
    legs: d.legs ?? null,
  }));
}

const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined }).chain((v) => (v === undefined ? fc.constantFrom(undefined, null) : fc.constant(v)));
const text = fc.string({ unit: 'binary', maxLength: 12 });
const int = fc.integer({ min: -1e12, max: 1e12 });

const draft: fc.Arbitrary<DocumentDraft> = fc.record({
  kind: fc.constantFrom('delivery', 'receipt', 'deduction', 'remittance'),
  naturalKey: text, docNo: text, docDate: fc.constantFrom('2026-09-03', '2025-12-31'),
  manufacturerId: maybe(fc.nat()), distributorId: maybe(fc.nat()), kaAccountId: maybe(fc.nat()), storeId: maybe(fc.nat()),
  orderNo: maybe(text), reference: maybe(text), method: maybe(text), dueDate: maybe(fc.constant('2026-11-02')),
  memo: maybe(text), sourceRow: maybe(fc.nat()),
  lines: fc.array(fc.record({
    storeId: maybe(fc.nat()), productId: maybe(fc.nat()), orderNo: maybe(text), qty: maybe(int), price: maybe(int), amount: int,
    feeType: maybe(text), feeText: maybe(text), reference: maybe(text), memo: maybe(text),
  }, { requiredKeys: ['amount'] }), { minLength: 1, maxLength: 4 }),
  legs: fc.option(fc.array(fc.record({ account: fc.constantFrom('ar_ka', 'sales', 'bank'), amount: int, openItem: fc.option(fc.boolean(), { nil: undefined }) })), { nil: undefined }),
}, { requiredKeys: ['kind', 'naturalKey', 'docNo', 'docDate', 'lines'] }) as fc.Arbitrary<DocumentDraft>;

describe('a document\'s content hash', () => {
  it('is the hash of its canonical JSON, whatever the document holds', () => {
    fc.assert(fc.property(draft, (d) => {
      expect(contentHash(d)).toBe(byCanonicalJson(d));
    }), { numRuns: 2_000 });
  });

  it('does not depend on where or when the document was read', () => {
    const d: DocumentDraft = { kind: 'receipt', naturalKey: 'RTM|YS1', docNo: 'YS1', docDate: '2026-09-03', lines: [{ amount: 640, qty: 1000, price: 64_000 }] };
    expect(contentHash({ ...d, sourceFile: 'a.csv', sourceRow: 7, memo: '备注' })).toBe(contentHash(d));
    expect(contentHash({ ...d, docNo: 'YS2' })).not.toBe(contentHash(d));
  });
});
