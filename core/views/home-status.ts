import type { Book } from '../../db/connection.js';
import { claimCounts } from '../../db/queries/claims.js';
import { deductionSummary } from '../../db/queries/deductions.js';
import { getPeriod } from '../../db/queries/periods.js';
import { deliveryStatusCounts, lastReconRunAt, unexpectedReceiptCount } from '../../db/queries/reconcile-results.js';
import { receivablesAsOf } from '../../db/queries/statement-data.js';
import { assertIsoDate, assertPeriod } from '../calendar/dates.js';

/** The month at a glance for the home screen: each figure is a link to the list behind it. */
export function homeStatus(book: Book, periodText: string, asOfText: string) {
  const period = assertPeriod(periodText, { field: 'period' });
  const asOf = assertIsoDate(asOfText, { field: 'asOf' });
  const open = receivablesAsOf(book, null, asOf).filter((o) => o.open_fen > 0);
  const statuses = deliveryStatusCounts(book, period, null);
  return {
    period, periodStatus: getPeriod(book, period)?.status ?? 'open',
    /** until the month is reconciled, the matching figures below are not known (null) */
    reconciledAt: lastReconRunAt(book, period) ?? null,
    receivables: { open: open.reduce((s, o) => s + o.open_fen, 0), overdue: open.filter((o) => o.days_past_due > 0).reduce((s, o) => s + o.open_fen, 0) },
    unmatchedDeliveryLines: statuses.filter((s) => s.status !== 'matched').reduce((n, s) => n + s.lines, 0),
    unexpectedReceiptLines: unexpectedReceiptCount(book, period, null).lines,
    deductionsAwaitingClassification: deductionSummary(book, period, null).reduce((n, d) => n + d.disputed_lines, 0),
    claims: claimCounts(book),
  };
}
