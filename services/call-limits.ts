import type { ServiceName } from '../contract/service-contract.js';

/**
 * How long a call may run in the background thread before it is stopped. Most calls answer in well under a
 * second, so two minutes means something is stuck; long work (imports, a year's reconciliation, exports, the demo)
 * may run for hours on a large book but must not go quiet: its limit restarts at every progress report.
 */
export const LONG_CALLS: ReadonlySet<string> = new Set<ServiceName>([
  'app.openBook', 'app.createBook', 'app.restoreDamaged', 'book.restore', 'book.backup', 'book.check', 'import.preview', 'import.commit',
  'reconcile.run', 'reconcile.export', 'terms.accrue', 'close.prepare', 'close.approve', 'statement.export', 'credit.statementOfAccount',
  'credit.exposure', 'credit.grades',
]);

export interface CallLimits {
  /** a call that is not long: at most this long in all */
  quickMs: number;
  /** a long call: at most this long without a progress report */
  longSilenceMs: number;
  /** after a cancel (the user's, or a limit's), how long the work has to stop by itself before the thread is replaced */
  cancelGraceMs: number;
}

export const DEFAULT_LIMITS: CallLimits = { quickMs: 120_000, longSilenceMs: 15 * 60_000, cancelGraceMs: 5_000 };
