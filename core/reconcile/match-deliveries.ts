import type { Book } from '../../db/connection.js';
import { matchDeliveries } from '../../db/queries/reconcile-deliveries.js';
import { deliveryStatusCounts, unexpectedReceiptCount } from '../../db/queries/reconcile-results.js';
import type { ReconcileSettings } from './settings.js';

export { DELIVERY_STATUSES, type DeliveryStatus } from '../../vocabulary/index.js';

export interface DeliveryMatchSummary {
  deliveryLines: { matched: number; short: number; over: number; priceDiff: number; receiptMissing: number };
  unexpectedReceiptLines: number;
  amounts: { delivered: number; accepted: number; difference: number };
}

/**
 * Matches the period's delivery lines with receiving records (see db/queries/reconcile-deliveries.ts for the two
 * passes) and stores one result per line. Runs inside the caller's write transaction; running it again gives the
 * same results, and users' decisions on lines are kept.
 */
export function matchPeriodDeliveries(book: Book, period: string, kaAccountId: number | null, settings: ReconcileSettings, asOf: string): DeliveryMatchSummary {
  matchDeliveries(book, { fromPeriod: period, toPeriod: period, kaAccountId, windowDays: settings.windowDays, toleranceFen: settings.amountToleranceFen, asOf });
  const counts = Object.fromEntries(deliveryStatusCounts(book, period, kaAccountId).map((c) => [c.status, c]));
  const n = (s: string) => counts[s]?.lines ?? 0;
  const delivered = Object.values(counts).reduce((s, c) => s + c.delivered_fen, 0);
  const accepted = Object.values(counts).reduce((s, c) => s + c.received_fen, 0);
  return {
    deliveryLines: { matched: n('matched'), short: n('short'), over: n('over'), priceDiff: n('price_diff'), receiptMissing: n('receipt_missing') },
    unexpectedReceiptLines: unexpectedReceiptCount(book, period, kaAccountId).lines,
    amounts: { delivered, accepted, difference: delivered - accepted },
  };
}

/** Matching alone over a range of periods in one pass (a year's catch-up, the benchmark). */
export function matchDeliveriesBetween(book: Book, fromPeriod: string, toPeriod: string, kaAccountId: number | null, settings: ReconcileSettings, asOf: string): void {
  matchDeliveries(book, { fromPeriod, toPeriod, kaAccountId, windowDays: settings.windowDays, toleranceFen: settings.amountToleranceFen, asOf });
}
