import { describe, expect, it } from 'vitest';
import { checkBook } from '../../../core/book/check-book.js';
import { reconcilePeriod } from '../../../core/reconcile/reconcile-period.js';
import { openItemsOfDocument } from '../../../db/queries/clearings.js';
import type { Book } from '../../../db/connection.js';
import type { DocumentDraft } from '../../../core/ledger/post-documents.js';
import { post, receipt, type World } from '../../helpers/documents.js';
import { addSmallWorld } from '../../helpers/small-world.js';
import { tempBook } from '../../helpers/temp-book.js';

const reconcile = (book: Book, period: string) => reconcilePeriod(book, { period, actor: 'accountant', asOf: '2026-12-01' });
const open = (book: Book, docId: number) => openItemsOfDocument(book, docId)[0]!.open_fen;

function kaDoc(w: World, kind: 'deduction' | 'remittance' | 'return' | 'statement', docNo: string, date: string, lines: [string | null, number][]): DocumentDraft {
  return { kind, naturalKey: `RTM|${docNo}`, docNo, docDate: date, kaAccountId: w.rtm, distributorId: w.distributorId, manufacturerId: w.manufacturerId,
    storeId: w.a021, method: kind === 'remittance' ? 'direct' : kind === 'deduction' ? 'account' : null,
    lines: lines.map(([reference, amount]) => ({ storeId: w.a021, reference, amount, ...(kind === 'deduction' ? { feeText: '条码费' } : {}) })) };
}

describe('remittance allocation (核销)', () => {
  it('settles the receipts a remittance names, netting the deductions it names, then the oldest; the rest is unapplied or short', async () => {
    const book = await tempBook();
    const w = addSmallWorld(book);
    // receipts of 640.00, 1,280.00 and 320.00 (the last, older and unnamed)
    post(book,
      receipt(w, 'YS0', '2026-08-20', 'PO0', [[w.p001, 50, 64_000]]),
      receipt(w, 'YS1', '2026-09-03', 'PO1', [[w.p001, 100, 64_000]]),
      receipt(w, 'YS2', '2026-09-04', 'PO2', [[w.p001, 200, 64_000]]),
      kaDoc(w, 'deduction', 'KF1', '2026-09-30', [[null, 30_000]]),
    );
    const ids = (book.db.prepare("SELECT id, doc_no FROM documents ORDER BY id").all() as { id: number; doc_no: string }[]);
    const id = (no: string) => ids.find((d) => d.doc_no === no)!.id;
    // pays YS1 in full and YS2 less the 300.00 deduction and 100.00 short, plus 150.00 without a reference
    post(book, kaDoc(w, 'remittance', 'FK1', '2026-11-02', [['YS1', 64_000], ['YS2', 128_000], ['KF1', -30_000], [null, -10_000 + 15_000]]));
    const s = reconcile(book, '2026-11');
    expect(open(book, id('YS1'))).toBe(0);
    expect(open(book, id('KF1'))).toBe(0);
    // FK1 brings 1,670.00 cash; with KF1's 300.00 that is 1,970.00 against YS1 640 + YS2 1,280 = 1,920.00, and 50.00 goes to YS0.
    expect(open(book, id('YS2'))).toBe(0);
    expect(open(book, id('YS0'))).toBe(32_000 - 5_000);
    expect(s.remittances).toMatchObject({ count: 1, total: 167_000, applied: 167_000, unapplied: 0, shortPaid: 0 });
    // Nothing is applied twice.
    const again = reconcile(book, '2026-11');
    expect(again.remittances).toEqual(s.remittances);
    expect(book.db.prepare('SELECT count(*) AS n FROM clearings').get()).toEqual({ n: 1 });
    expect(checkBook(book).ok).toBe(true);
  });

  it('leaves a short payment on the named receipt and unapplied cash when nothing is open', async () => {
    const book = await tempBook();
    const w = addSmallWorld(book);
    post(book, receipt(w, 'YS1', '2026-09-03', 'PO1', [[w.p001, 100, 64_000]]), kaDoc(w, 'remittance', 'FK1', '2026-11-02', [['YS1', 60_000]]));
    const s = reconcile(book, '2026-11');
    expect(s.remittances).toMatchObject({ applied: 60_000, unapplied: 0, shortPaid: 4_000 });
    post(book, kaDoc(w, 'remittance', 'FK2', '2026-11-20', [[null, 10_000]]));
    const t = reconcile(book, '2026-11');
    expect(t.remittances).toMatchObject({ applied: 64_000, unapplied: 6_000, shortPaid: 0 });
    expect(checkBook(book).ok).toBe(true);
  });
});

describe('KA statement against the book', () => {
  it('traces every difference to a document, and the differences add up to the gap', async () => {
    const book = await tempBook();
    const w = addSmallWorld(book);
    post(book,
      receipt(w, 'YS1', '2026-09-03', 'PO1', [[w.p001, 100, 64_000]]),
      receipt(w, 'YS2', '2026-09-04', 'PO2', [[w.p001, 200, 64_000]]),
      receipt(w, 'YS3', '2026-08-30', 'PO3', [[w.p001, 10, 64_000]]),
      kaDoc(w, 'deduction', 'KF1', '2026-09-30', [[null, 30_000]]),
      kaDoc(w, 'statement', 'DZ2609', '2026-09-30', [['YS1', 64_000], ['YS2', 120_000], ['YS3', 6_400], ['YS9', 5_000], [null, -1_000]]),
    );
    const [st] = reconcile(book, '2026-09').statements.detail;
    expect(st).toMatchObject({ statement: 'DZ2609', statementFen: 194_400, bookFen: 64_000 + 128_000 - 30_000 });
    expect(st!.differences.map((d) => [d.kind, d.reference, d.differenceFen])).toEqual([
      ['amount_differs', 'YS2', -8_000], ['other_period', 'YS3', 6_400], ['not_in_book', 'YS9', 5_000], ['unreferenced', null, -1_000], ['not_on_statement', 'KF1', 30_000],
    ]);
    expect(st!.differences.reduce((s, d) => s + d.differenceFen, 0)).toBe(st!.differenceFen);
  });
});

describe('allocation under any mix of receipts, deductions and remittances', () => {
  it('keeps every clearing at zero, never passes an item through zero, and ties open items to the ledger', async () => {
    const { default: fc } = await import('fast-check');
    const book = await tempBook();
    const w = addSmallWorld(book);
    let n = 0;
    fc.assert(fc.property(fc.array(fc.record({
      receipts: fc.array(fc.integer({ min: 1, max: 500 }), { minLength: 1, maxLength: 4 }),
      deduction: fc.integer({ min: 0, max: 20_000 }),
      paid: fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 1, max: 400_000 })), { maxLength: 5 }),
    }), { minLength: 1, maxLength: 4 }), (rounds) => {
      for (const r of rounds) {
        const nos = r.receipts.map((units) => {
          n++;
          post(book, receipt(w, `YS${n}`, '2026-09-10', `PO${n}`, [[w.p001, units, 64_000]]));
          return `YS${n}`;
        });
        n++;
        if (r.deduction) post(book, kaDoc(w, 'deduction', `KF${n}`, '2026-09-30', [[null, r.deduction]]));
        n++;
        const lines: [string | null, number][] = r.paid.map(([i, amount]) => [i < nos.length ? nos[i]! : null, amount]);
        if (r.deduction) lines.push([`KF${n - 1}`, -r.deduction]);
        const total = lines.reduce((s, [, a]) => s + a, 0);
        if (total > 0) post(book, kaDoc(w, 'remittance', `FK${n}`, '2026-10-15', lines));
      }
      reconcile(book, '2026-10');
      expect(checkBook(book).checks.filter((c) => !c.ok)).toEqual([]);
      const passed = book.db.prepare(`SELECT o.id FROM open_items o LEFT JOIN clearing_parts p ON p.open_item_id = o.id
        GROUP BY o.id HAVING (o.amount_fen > 0 AND o.amount_fen + coalesce(sum(p.amount_fen), 0) < 0) OR (o.amount_fen < 0 AND o.amount_fen + coalesce(sum(p.amount_fen), 0) > 0)`).all();
      expect(passed).toEqual([]);
    }), { numRuns: 15 });
  });
});
