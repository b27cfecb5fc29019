import type { Book } from '../../db/connection.js';
import { periodCorrections } from '../../db/queries/corrections.js';
import type { CorrectionAction } from '../../vocabulary/index.js';

/** One correction booked in a month, as the settlement statement shows it. Money in fen, signed as booked. */
export interface StatementCorrection {
  action: CorrectionAction;
  kind: string;
  docNo: string;
  ka: string | null;
  /** the month of the document corrected; `closedPeriod` when that is not this month (a closed month's correction) */
  originalPeriod: string;
  closedPeriod: boolean;
  bookedOn: string;
  reversal: string;
  originalAmount: number;
  reversedAmount: number;
  /** the version a replacement posted in its place */
  replacement: string | null;
  replacementVersion: number | null;
  replacementAmount: number | null;
  /** what the correction changed: the reversal plus the new version */
  net: number;
  by: string;
  reason: string | null;
}

/**
 * 更正: the reversals booked in a month for a distributor — of the month's own documents and of closed months' —
 * each as a plain reversal, a replacement on re-import (the same batch posted the next version), or part of an
 * undone import.
 */
export function statementCorrections(book: Book, period: string, distributorId: number): StatementCorrection[] {
  return periodCorrections(book, period, distributorId).map((c) => ({
    action: c.replacement_id !== null ? 'replacement' : c.batch_kind === 'undo' ? 'undo' : 'reversal',
    kind: c.kind, docNo: c.original_no, ka: c.ka_code, originalPeriod: c.original_period, closedPeriod: c.original_period !== period,
    bookedOn: c.reversal_date, reversal: c.reversal_no, originalAmount: c.original_fen, reversedAmount: -c.original_fen,
    replacement: c.replacement_no, replacementVersion: c.replacement_version, replacementAmount: c.replacement_fen, net: -c.original_fen + (c.replacement_fen ?? 0),
    by: c.reversed_by_user, reason: c.reason,
  }));
}
