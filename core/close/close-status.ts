import type { Book } from '../../db/connection.js';
import { liveStatements, statementVersions } from '../../db/queries/close.js';
import { findDistributor } from '../../db/queries/master-data.js';
import { getPeriod } from '../../db/queries/periods.js';
import { activeDistributors } from '../../db/queries/statement-data.js';
import { assertPeriod, lastDayOf } from '../calendar/dates.js';
import { matchingFigures, receivableFigures } from '../figures/headline-figures.js';
import { UserError } from '../errors.js';
import { closeExceptions } from './close-period.js';

/** A statement version as lists show it (its content stays in the book; the preview renders it). */
function summary(s: ReturnType<typeof liveStatements>[number], distributor: string) {
  const { content_json: _c, ...rest } = s;
  return { ...rest, distributor };
}

/** Where a month stands at month end: its state, what blocks preparing it, its statements. */
export function closeStatus(book: Book, periodText: string) {
  const period = assertPeriod(periodText, { field: 'period' });
  const status = getPeriod(book, period)?.status ?? 'open';
  const distributors = activeDistributors(book, period).map((d) => d.code);
  const codeOf = new Map(distributors.map((code) => [findDistributor(book, code)!.id, code]));
  return {
    period, status,
    exceptions: status === 'open' ? closeExceptions(book, period) : [],
    /** the headline figures at the month's end (core/figures), the same the home page and the statement show */
    figures: { ...receivableFigures(book, lastDayOf(period)), ...matchingFigures(book, period) },
    statements: liveStatements(book, period).map((s) => summary(s, codeOf.get(s.distributor_id) ?? String(s.distributor_id))),
    distributors,
  };
}

/** Every version of one distributor's statement of a month, newest first (a reopened month supersedes, never deletes). */
export function statementVersionList(book: Book, periodText: string, distributorCode: string) {
  const period = assertPeriod(periodText, { field: 'period' });
  const d = findDistributor(book, distributorCode);
  if (!d) throw new UserError('master.unknown-distributor', { code: distributorCode }, { field: 'distributor' });
  return statementVersions(book, period, d.id).map((s) => summary(s, distributorCode));
}
