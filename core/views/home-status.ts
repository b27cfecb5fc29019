import type { Book } from '../../db/connection.js';
import { claimCounts } from '../../db/queries/claims.js';
import { deductionSummary } from '../../db/queries/deductions.js';
import { getPeriod } from '../../db/queries/periods.js';
import { lastReconRunAt } from '../../db/queries/reconcile-results.js';
import { matchingFigures, receivableFigures } from '../figures/headline-figures.js';
import { assertIsoDate, assertPeriod } from '../calendar/dates.js';

/** The month at a glance for the home screen: each figure is a link to the list behind it. */
export function homeStatus(book: Book, periodText: string, asOfText: string) {
  const period = assertPeriod(periodText, { field: 'period' });
  const asOf = assertIsoDate(asOfText, { field: 'asOf' });
  const matching = matchingFigures(book, period);
  return {
    period, periodStatus: getPeriod(book, period)?.status ?? 'open',
    /** until the month is reconciled, the matching figures below are not known (null) */
    reconciledAt: lastReconRunAt(book, period) ?? null,
    asOf,
    receivables: receivableFigures(book, asOf),
    ...matching,
    deductionsAwaitingClassification: deductionSummary(book, period, null).reduce((n, d) => n + d.disputed_lines, 0),
    claims: claimCounts(book),
  };
}
