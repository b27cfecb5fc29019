import { describe, expect, it } from 'vitest';
import { closeExceptions } from '../../../core/close/close-period.js';
import { matchingFigures } from '../../../core/figures/headline-figures.js';
import { reconcilePeriod } from '../../../core/reconcile/reconcile-period.js';
import { receiptCandidates, resolveReceipt, unexpectedReceipts } from '../../../core/reconcile/unexpected-receipts.js';
import { renderMessage } from '../../../locale/index.js';
import { delivery, post, receipt } from '../../helpers/documents.js';
import { said } from '../../helpers/said.js';
import { addSmallWorld } from '../../helpers/small-world.js';
import { tempBook } from '../../helpers/temp-book.js';

/** Issue 15 point 5: receipt lines without a delivery are listed and worked in the workbench, not only accepted in bulk at close. */
describe('receipt lines without a delivery', () => {
  it('are listed, matched by hand to a delivery line, accepted with a reason or disputed, and then no longer block the close', async () => {
    const book = await tempBook();
    const w = addSmallWorld(book);
    post(book,
      // delivered on the 2nd, received on the 20th under another order number: outside the 7-day window, so unmatched
      delivery(w, 'XS1', '2026-09-02', 'PO1', [[w.p001, 10, 64_000]]), receipt(w, 'YS1', '2026-09-20', 'X9', [[w.p001, 10, 64_000]]),
      // received, never delivered
      receipt(w, 'YS2', '2026-09-10', 'PO2', [[w.p003, 4, 399_000]]), receipt(w, 'YS3', '2026-09-11', 'PO3', [[w.p003, 2, 399_000]]),
    );
    reconcilePeriod(book, { period: '2026-09', actor: 'tester', asOf: '2026-09-30' });
    const listed = unexpectedReceipts(book, { from: '2026-09', to: '2026-09', open: true }).rows;
    expect(listed.map((r) => r.receipt_no)).toEqual(['YS2', 'YS3', 'YS1']);
    expect(renderMessage('zh', listed[0]!.reason)).toBe('订单 PO2 没有给该门店送过这个商品，之前 7 天内也没有');
    expect(matchingFigures(book, '2026-09')).toEqual({ unmatchedDeliveryLines: 1, unexpectedReceiptLines: 3 });
    expect(closeExceptions(book, '2026-09').map((e) => e.kind).sort()).toEqual(['delivery', 'receipt', 'receipt', 'receipt']);

    const ys1 = listed.find((r) => r.receipt_no === 'YS1')!;
    const candidates = receiptCandidates(book, ys1.line_id).rows;
    expect(candidates.map((c) => [c.delivery_no, c.status])).toEqual([['XS1', 'receipt_missing']]);
    resolveReceipt(book, ys1.line_id, { how: 'match', deliveryLineId: candidates[0]!.line_id, note: '门店补录验收单' }, 'wang');

    const [ys2, ys3] = listed;
    expect(said(() => resolveReceipt(book, ys2!.line_id, { how: 'accept', note: ' ' }, 'wang'))).toBe('字段 note：请写明原因');
    resolveReceipt(book, ys2!.line_id, { how: 'accept', note: '样品，厂家同意' }, 'wang');
    resolveReceipt(book, ys3!.line_id, { how: 'dispute', note: '未送此货，已函告 KA' }, 'wang');

    expect(unexpectedReceipts(book, { from: '2026-09', to: '2026-09', open: true }).rows).toEqual([]);
    const all = unexpectedReceipts(book, { from: '2026-09', to: '2026-09' }).rows;
    expect(all.map((r) => r.decision)).toEqual(['confirmed', 'annotated', 'overridden']);
    expect(closeExceptions(book, '2026-09')).toEqual([]);
    // The delivery line reads as matched, noting the receipt it was matched to; re-running keeps every decision.
    reconcilePeriod(book, { period: '2026-09', actor: 'tester', asOf: '2026-09-30' });
    expect(matchingFigures(book, '2026-09')).toEqual({ unmatchedDeliveryLines: 0, unexpectedReceiptLines: 2 });
    expect(closeExceptions(book, '2026-09')).toEqual([]);
    const audit = book.db.prepare("SELECT action FROM audit_log WHERE entity = 'reconciliation' ORDER BY id").all() as { action: string }[];
    expect(audit.map((a) => a.action)).toEqual(['overridden', 'overridden', 'confirmed', 'annotated']);
    // A line that is not a receipt without a delivery cannot be worked as one.
    expect(said(() => resolveReceipt(book, candidates[0]!.line_id, { how: 'accept', note: 'x' }, 'wang'))).toBe('字段 lineId：这一行不是无送货的验收行');
  });
});
