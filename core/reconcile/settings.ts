import type { Book } from '../../db/connection.js';
import { getSettingJson } from '../../db/queries/settings.js';

/** Reconciliation tolerances, book settings with their defaults. */
export interface ReconcileSettings {
  /** a delivery line and its receipt may differ by this much in amount and still match (rounding of other systems) */
  amountToleranceFen: number;
  /** how many days after delivery a receipt without an order number may be matched by date */
  windowDays: number;
}

function readInt(book: Book, key: string, fallback: number): number {
  const raw = getSettingJson(book, key);
  const value = raw === undefined ? fallback : Number(JSON.parse(raw));
  return Number.isSafeInteger(value) && value >= 0 ? value : fallback;
}

export function reconcileSettings(book: Book): ReconcileSettings {
  return {
    amountToleranceFen: readInt(book, 'reconcile.amount_tolerance_fen', 1),
    windowDays: readInt(book, 'reconcile.window_days', 7),
  };
}
