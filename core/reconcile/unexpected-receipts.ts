import type { Book } from '../../db/connection.js';
import { resultStatusOf } from '../../db/queries/reconcile-results.js';
import { deliveryCandidates, unexpectedRows } from '../../db/queries/unexpected-receipts.js';
import { readStoredMessage, storedMessage } from '../../locale/index.js';
import { UserError } from '../errors.js';
import { decideResult } from './decide-result.js';
import { reconcileSettings } from './settings.js';
import { monthsAndKa } from './workbench.js';

/**
 * 无送货的验收行: receipt lines the KA booked that no delivery matched — goods we have no delivery note for. They have
 * their own list in the workbench and are worked there: matched by hand to a delivery line, accepted with a reason,
 * or disputed with the KA. Each way is a decision on the line (kept across re-runs, audited), so the close no longer
 * counts it as open.
 */
export function unexpectedReceipts(book: Book, q: { from: string; to: string; ka?: string; open?: boolean }) {
  const { fromPeriod, toPeriod, kaAccountId } = monthsAndKa(book, q);
  return { rows: unexpectedRows(book, { fromPeriod, toPeriod, kaAccountId, open: q.open ?? false }).map((r) => ({ ...r, reason: readStoredMessage(r.reason) })) };
}

function assertUnexpected(book: Book, lineId: number): void {
  const r = resultStatusOf(book, lineId);
  if (!r || r.kind !== 'receipt' || r.status !== 'unexpected') throw new UserError('reconcile.not-unexpected', { line: lineId }, { field: 'lineId' });
}

/** The delivery lines a receipt line could be matched to by hand. */
export function receiptCandidates(book: Book, lineId: number) {
  assertUnexpected(book, lineId);
  return { rows: deliveryCandidates(book, lineId, Math.max(reconcileSettings(book).windowDays, 31)) };
}

export type ReceiptResolution =
  | { how: 'match'; deliveryLineId: number; note?: string }
  | { how: 'accept'; note: string }
  | { how: 'dispute'; note: string };

/**
 * Works one receipt line: matched to a delivery line (both lines then read as matched, each noting the other),
 * accepted as it stands with a reason, or disputed with the KA with what is disputed.
 */
export function resolveReceipt(book: Book, lineId: number, r: ReceiptResolution, actor: string): void {
  assertUnexpected(book, lineId);
  const note = r.note?.trim() ?? '';
  if (r.how !== 'match' && !note) throw new UserError('reconcile.note-needed', {}, { field: 'note' });
  book.write(() => {
    if (r.how === 'match') {
      const candidate = deliveryCandidates(book, lineId, Math.max(reconcileSettings(book).windowDays, 31)).find((c) => c.line_id === r.deliveryLineId);
      if (!candidate) throw new UserError('reconcile.no-delivery-line', { line: r.deliveryLineId }, { field: 'deliveryLineId' });
      const receipt = unexpectedRows(book, { fromPeriod: '0000-01', toPeriod: '9999-12', kaAccountId: null, open: false }).find((x) => x.line_id === lineId)!;
      decideResult(book, lineId, { decision: 'overridden', to: 'matched', note: storedMessage({ code: 'reconcile.matched-to-delivery', params: { docNo: candidate.delivery_no, date: candidate.delivery_date, note } }) }, actor);
      decideResult(book, r.deliveryLineId, { decision: 'overridden', to: 'matched', note: storedMessage({ code: 'reconcile.matched-to-receipt', params: { docNo: receipt.receipt_no, date: receipt.receipt_date, note } }) }, actor);
    } else if (r.how === 'accept') {
      decideResult(book, lineId, { decision: 'confirmed', note: storedMessage({ code: 'reconcile.accepted-receipt', params: { note } }) }, actor);
    } else {
      decideResult(book, lineId, { decision: 'annotated', note: storedMessage({ code: 'reconcile.disputed-receipt', params: { note } }) }, actor);
    }
  });
}
