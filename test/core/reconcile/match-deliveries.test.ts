import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideResult } from '../../../core/reconcile/decide-result.js';
import { matchPeriodDeliveries } from '../../../core/reconcile/match-deliveries.js';
import { reconcileSettings } from '../../../core/reconcile/settings.js';
import { deliveryResults } from '../../../db/queries/reconcile-results.js';
import type { Book } from '../../../db/connection.js';
import { delivery, post, receipt } from '../../helpers/documents.js';
import { addSmallWorld } from '../../helpers/small-world.js';
import { tempBook } from '../../helpers/temp-book.js';
import { readStoredMessage, renderMessage, type Language } from '../../../locale/index.js';

const P001 = 64_000; // 6.40
const P003 = 399_000; // 39.90

function run(book: Book, period = '2026-09', asOf = '2026-10-10') {
  const summary = book.write(() => matchPeriodDeliveries(book, period, null, reconcileSettings(book), asOf));
  const rows = deliveryResults(book, { period }, 1000, 0);
  const by = (docNo: string, lineNo = 0) => rows.filter((r) => r.delivery_no === docNo)[lineNo]!;
  return { summary, rows, by };
}

/** A result's stored reason, said in a language. */
const reasonOf = (row: { reason: string }, lang: Language = 'zh') => renderMessage(lang, readStoredMessage(row.reason));

describe('delivery ↔ receipt matching', () => {
  it('gives each line its status: matched, short, over, price difference, receipt missing', async () => {
    const book = await tempBook();
    const w = addSmallWorld(book);
    post(book,
      delivery(w, 'XS1', '2026-09-02', 'PO1', [[w.p001, 120, P001]]), receipt(w, 'YS1', '2026-09-03', 'PO1', [[w.p001, 120, P001]]),
      delivery(w, 'XS2', '2026-09-02', 'PO2', [[w.p003, 16, P003]]), receipt(w, 'YS2', '2026-09-03', 'PO2', [[w.p003, 15, P003]]),
      delivery(w, 'XS3', '2026-09-04', 'PO3', [[w.p001, 24, P001]]), receipt(w, 'YS3', '2026-09-05', 'PO3', [[w.p001, 48, P001]]),
      delivery(w, 'XS4', '2026-09-06', 'PO4', [[w.p001, 100, P001]]), receipt(w, 'YS4', '2026-09-07', 'PO4', [[w.p001, 100, 61_000]]),
      delivery(w, 'XS5', '2026-09-20', 'PO5', [[w.p003, 40, P003]]),
    );
    const { summary, by } = run(book);
    expect(by('XS1')).toMatchObject({ status: 'matched', matched_by: 'order', line_received_fen: 76_800 });
    expect(by('XS2')).toMatchObject({ status: 'short', delivered_qty: 16_000, received_qty: 15_000, line_delivered_fen: 63_840, line_received_fen: 59_850 });
    expect(reasonOf(by('XS2'))).toBe('验收 15，送货 16');
    expect(reasonOf(by('XS2'), 'en')).toBe('received 15 of 16 delivered');
    expect(by('XS3')).toMatchObject({ status: 'over', received_qty: 48_000 });
    expect(by('XS4')).toMatchObject({ status: 'price_diff', received_price_e4: 61_000, line_received_fen: 61_000 });
    expect(reasonOf(by('XS4'))).toBe('验收单价 ¥6.10，送货单价 ¥6.40');
    expect(by('XS5')).toMatchObject({ status: 'receipt_missing', days_outstanding: 20, line_received_fen: 0 });
    expect(summary).toMatchObject({
      deliveryLines: { matched: 1, short: 1, over: 1, priceDiff: 1, receiptMissing: 1 }, unexpectedReceiptLines: 0,
      amounts: { delivered: 76_800 + 63_840 + 15_360 + 64_000 + 159_600, accepted: 76_800 + 59_850 + 30_720 + 61_000 },
    });
  });

  it('flags a delivery at a price the contract does not give, even when the store accepted it', async () => {
    const book = await tempBook();
    const w = addSmallWorld(book);
    post(book, delivery(w, 'XS1', '2026-09-02', 'PO1', [[w.p001, 10, 66_000]]), receipt(w, 'YS1', '2026-09-03', 'PO1', [[w.p001, 10, 66_000]]));
    const { by } = run(book);
    expect(by('XS1')).toMatchObject({ status: 'price_diff', list_price_e4: P001 });
    expect(reasonOf(by('XS1'))).toBe('送货单价 ¥6.60，合同价 ¥6.40');
  });

  it('matches partial deliveries and split receipts as a whole, not as noise', async () => {
    const book = await tempBook();
    const w = addSmallWorld(book);
    post(book,
      // one order delivered in two notes, received in one receipt
      delivery(w, 'XS1', '2026-09-02', 'PO1', [[w.p001, 60, P001]]), delivery(w, 'XS2', '2026-09-03', 'PO1', [[w.p001, 60, P001]]),
      receipt(w, 'YS1', '2026-09-04', 'PO1', [[w.p001, 120, P001]]),
      // one delivery received in two receipts
      delivery(w, 'XS3', '2026-09-05', 'PO2', [[w.p003, 16, P003]]),
      receipt(w, 'YS2', '2026-09-06', 'PO2', [[w.p003, 10, P003]]), receipt(w, 'YS3', '2026-09-08', 'PO2', [[w.p003, 6, P003]]),
    );
    const { summary, by } = run(book);
    expect(by('XS1')).toMatchObject({ status: 'matched', delivered_qty: 120_000, received_qty: 120_000, line_received_fen: 38_400 });
    expect(by('XS2')).toMatchObject({ status: 'matched', line_received_fen: 38_400 });
    expect(by('XS3')).toMatchObject({ status: 'matched', receipt_doc_nos: expect.stringMatching(/YS2.*YS3|YS3.*YS2/) });
    expect(summary.unexpectedReceiptLines).toBe(0);
    expect(summary.amounts.difference).toBe(0);
  });

  it('matches a receipt without an order number by store, product and nearest date within the window', async () => {
    const book = await tempBook();
    const w = addSmallWorld(book);
    post(book,
      delivery(w, 'XS1', '2026-09-02', 'PO1', [[w.p001, 24, P001], [w.p003, 8, P003]]),
      delivery(w, 'XS2', '2026-09-09', 'PO2', [[w.p001, 24, P001]]),
      receipt(w, 'YS1', '2026-09-03', null, [[w.p001, 24, P001], [w.p003, 7, P003]]),
      receipt(w, 'YS2', '2026-09-25', null, [[w.p001, 24, P001]]), // too late for XS2: unexpected, and XS2 missing
    );
    const { summary, by } = run(book);
    expect(by('XS1', 0)).toMatchObject({ status: 'matched', matched_by: 'nearest' });
    expect(by('XS1', 1)).toMatchObject({ status: 'short', matched_by: 'nearest', received_qty: 7_000 });
    expect(by('XS2')).toMatchObject({ status: 'receipt_missing' });
    expect(summary.unexpectedReceiptLines).toBe(1);
  });

  it('lists a receipt line nobody delivered as unexpected, and matches across the month end', async () => {
    const book = await tempBook();
    const w = addSmallWorld(book);
    post(book,
      delivery(w, 'XS1', '2026-09-30', 'PO1', [[w.p001, 24, P001]]), receipt(w, 'YS1', '2026-10-02', 'PO1', [[w.p001, 24, P001], [w.p003, 8, P003]]),
    );
    expect(run(book, '2026-09').by('XS1').status).toBe('matched');
    const october = run(book, '2026-10');
    expect(october.summary.unexpectedReceiptLines).toBe(1);
    expect(october.rows).toHaveLength(0);
  });

  it('is idempotent, and keeps users’ decisions across re-runs, audited', async () => {
    const book = await tempBook();
    const w = addSmallWorld(book);
    post(book, delivery(w, 'XS1', '2026-09-02', 'PO1', [[w.p001, 24, P001]]), delivery(w, 'XS2', '2026-09-03', 'PO2', [[w.p003, 8, P003]]),
      receipt(w, 'YS1', '2026-09-03', 'PO1', [[w.p001, 20, P001]]));
    const first = run(book);
    const snapshot = JSON.stringify(book.db.prepare('SELECT * FROM recon_delivery_lines ORDER BY line_id').all());
    const short = first.by('XS1');
    decideResult(book, short.line_id, { decision: 'overridden', to: 'matched', note: 'four cases broken, KA credit note agreed' }, 'accountant');
    decideResult(book, first.by('XS2').line_id, { decision: 'annotated', note: 'driver has the signed delivery note' }, 'accountant');
    expect(() => decideResult(book, short.line_id, { decision: 'overridden', to: 'unexpected', note: 'x' }, 'a')).toThrow(expect.objectContaining({ code: 'reconcile.status-not-for-kind', params: { kind: 'delivery', status: 'unexpected' } }));
    expect(() => decideResult(book, short.line_id, { decision: 'annotated', note: ' ' }, 'a')).toThrow(expect.objectContaining({ code: 'reconcile.note-needed' }));
    const again = run(book);
    expect(JSON.stringify(book.db.prepare('SELECT * FROM recon_delivery_lines ORDER BY line_id').all())).toBe(snapshot);
    expect(again.by('XS1')).toMatchObject({ status: 'matched', found_status: 'short', decision: 'overridden', decision_stale: 0 });
    expect(again.summary.deliveryLines).toMatchObject({ matched: 1, short: 0, receiptMissing: 1 });
    expect(again.by('XS2')).toMatchObject({ status: 'receipt_missing', note: 'driver has the signed delivery note' });
    const audit = book.db.prepare("SELECT action, actor FROM audit_log WHERE entity = 'reconciliation' ORDER BY id").all();
    expect(audit).toEqual([{ action: 'overridden', actor: 'accountant' }, { action: 'annotated', actor: 'accountant' }]);
  });

  it('gives every delivery line exactly one status whatever the deliveries and receipts', async () => {
    const book = await tempBook();
    const w = addSmallWorld(book);
    let n = 0;
    const lineArb = fc.tuple(fc.constantFrom(w.p001, w.p003), fc.integer({ min: 1, max: 50 }));
    const orderArb = fc.record({
      day: fc.integer({ min: 1, max: 28 }),
      delivered: fc.array(lineArb, { minLength: 1, maxLength: 3 }),
      received: fc.option(fc.array(lineArb, { minLength: 1, maxLength: 3 }), { nil: undefined }),
      withPo: fc.boolean(),
      lag: fc.integer({ min: 0, max: 10 }),
    });
    fc.assert(fc.property(fc.array(orderArb, { minLength: 1, maxLength: 6 }), (orders) => {
      for (const o of orders) {
        n++;
        const date = `2026-09-${String(o.day).padStart(2, '0')}`;
        const dedupe = (ls: [number, number][]) => [...new Map(ls.map(([p, q]) => [p, q])).entries()].map(([p, q]) => [p, q, p === w.p001 ? P001 : P003] as [number, number, number]);
        post(book, delivery(w, `P${n}`, date, `PO${n}`, dedupe(o.delivered)));
        if (o.received) {
          const rd = new Date(Date.UTC(2026, 8, o.day + o.lag)).toISOString().slice(0, 10);
          post(book, receipt(w, `R${n}`, rd, o.withPo ? `PO${n}` : null, dedupe(o.received)));
        }
      }
      const { rows } = run(book);
      const deliveryLines = (book.db.prepare("SELECT count(*) AS n FROM document_lines l JOIN documents d ON d.id = l.document_id WHERE d.kind = 'delivery' AND d.period = '2026-09'").get() as { n: number }).n;
      expect(rows).toHaveLength(deliveryLines);
      expect(new Set(rows.map((r) => r.line_id)).size).toBe(rows.length);
      for (const r of rows) {
        if (r.status === 'short') expect(r.received_qty).toBeLessThan(r.delivered_qty);
        if (r.status === 'over') expect(r.received_qty).toBeGreaterThan(r.delivered_qty);
        if (r.status === 'receipt_missing') expect(r.received_qty).toBe(0);
        if (r.status === 'matched') expect(r.received_fen).toBe(r.delivered_fen);
      }
    }), { numRuns: 25 });
  });
});
