import type { Book } from '../../db/connection.js';
import { remittanceFigures, shortPaidFen } from '../../db/queries/allocation.js';
import { deductionSummary } from '../../db/queries/deductions.js';
import { findKaAccount } from '../../db/queries/master-data.js';
import { insertReconRun } from '../../db/queries/reconcile-results.js';
import { AuditWriter } from '../audit/audit-chain.js';
import { assertIsoDate, assertPeriod, today, lastDayOf } from '../calendar/dates.js';
import { canonicalJson } from '../canonical-json.js';
import { UserError } from '../errors.js';
import { assertPeriodOpen } from '../ledger/period-lock.js';
import { allocateCentralTransfers, allocateCreditsToClaims } from './allocate-credits.js';
import { allocateRemittances } from './allocate-remittances.js';
import { classifyPeriodDeductions } from './classify-deductions.js';
import { compareStatements, type StatementComparison } from './compare-statements.js';
import { createFeeClaims } from './fee-claims.js';
import { matchPeriodDeliveries, type DeliveryMatchSummary } from './match-deliveries.js';
import { reconcileSettings } from './settings.js';
import { throwIfCancelled, type WorkControl } from '../work/long-work.js';

export interface ReconcileOptions {
  period: string;
  kaCode?: string;
  /** the day days outstanding are counted to (default: today) */
  asOf?: string;
  actor: string;
  control?: WorkControl;
}

export interface ReconcileSummary extends DeliveryMatchSummary {
  period: string;
  ka: string | null;
  asOf: string;
  deductions: {
    count: number;
    total: number;
    byFeeType: Record<string, number>;
    manufacturerShare: number;
    distributorShare: number;
    disputed: number;
    disputedCount: number;
  };
  claims: { created: number; amount: number };
  remittances: { count: number; total: number; applied: number; unapplied: number; shortPaid: number };
  credits: { appliedToClaims: number; claimsWrittenOff: number; centralTransfersApplied: number };
  statements: { count: number; statementTotal: number; bookTotal: number; difference: number; differences: number; detail: StatementComparison[] };
}

/**
 * The month-end reconciliation of one period (and KA): deliveries against receipts, deductions classified and
 * checked against the contract with the manufacturer's share claimed, remittances and manufacturer credits
 * cleared against what they pay, and the KA's statements compared with the book. One transaction. Running it
 * again changes nothing that is already settled: results are recomputed to the same values, nothing is claimed
 * or cleared twice.
 */
export function reconcilePeriod(book: Book, options: ReconcileOptions): ReconcileSummary {
  const period = assertPeriod(options.period, { field: '--period' });
  // 未验收天数 are counted to the month's end (or today, while the month is still running), or to the date chosen.
  const asOf = options.asOf ? assertIsoDate(options.asOf, { field: '--as-of' }) : [lastDayOf(period), today()].sort()[0]!;
  const ka = options.kaCode ? findKaAccount(book, options.kaCode) : undefined;
  if (options.kaCode && !ka) throw new UserError('master.unknown-ka', { code: options.kaCode }, { field: '--ka' });
  const kaId = ka?.id ?? null;
  const settings = reconcileSettings(book);
  assertPeriodOpen(book, period, { code: 'ledger.what-reconciliation' });

  return book.write(() => {
    // Each step reports itself and is a point where a cancel rolls the whole run back.
    const step = (name: string, done: number) => {
      throwIfCancelled(options.control);
      options.control?.progress?.({ step: name, done, total: 7 });
    };
    step('match-deliveries', 0);
    const deliveries = matchPeriodDeliveries(book, period, kaId, settings, asOf);
    step('classify-deductions', 1);
    classifyPeriodDeductions(book, period, kaId);
    step('fee-claims', 2);
    const claims = createFeeClaims(book, period, kaId, options.actor);
    step('allocate-remittances', 3);
    allocateRemittances(book, period, kaId, options.actor);
    step('allocate-credits', 4);
    const credits = allocateCreditsToClaims(book, options.actor);
    const central = allocateCentralTransfers(book, options.actor);
    step('compare-statements', 5);
    const statements = compareStatements(book, period, kaId);
    step('save-results', 6);

    const byType = deductionSummary(book, period, kaId);
    const remittances = remittanceFigures(book, period, kaId);
    const summary: ReconcileSummary = {
      period, ka: ka?.code ?? null, asOf, ...deliveries,
      deductions: {
        count: byType.reduce((s, t) => s + t.lines, 0),
        total: byType.reduce((s, t) => s + t.amount_fen, 0),
        byFeeType: Object.fromEntries(byType.map((t) => [t.fee_type ?? 'unknown', t.amount_fen])),
        manufacturerShare: byType.reduce((s, t) => s + t.manufacturer_fen, 0),
        distributorShare: byType.reduce((s, t) => s + t.distributor_fen, 0),
        disputed: byType.reduce((s, t) => s + t.disputed_fen, 0),
        disputedCount: byType.reduce((s, t) => s + t.disputed_lines, 0),
      },
      claims: { created: claims.claims, amount: claims.amountFen },
      remittances: {
        count: remittances.count, total: remittances.total_fen, applied: remittances.total_fen - remittances.unapplied_fen,
        unapplied: remittances.unapplied_fen, shortPaid: shortPaidFen(book, period, kaId),
      },
      credits: { appliedToClaims: credits.clearedFen, claimsWrittenOff: credits.writtenOff, centralTransfersApplied: central },
      statements: {
        count: statements.length,
        statementTotal: statements.reduce((s, x) => s + x.statementFen, 0),
        bookTotal: statements.reduce((s, x) => s + x.bookFen, 0),
        difference: statements.reduce((s, x) => s + x.differenceFen, 0),
        differences: statements.reduce((s, x) => s + x.differences.length, 0),
        detail: statements,
      },
    };
    const { detail: _detail, ...statementTotals } = summary.statements;
    insertReconRun(book, { period, ka_code: ka?.code ?? null, as_of: asOf, settings_json: canonicalJson(settings),
      summary_json: canonicalJson({ ...summary, statements: statementTotals }), run_by: options.actor });
    new AuditWriter(book).append({ actor: options.actor, action: 'reconcile', entity: 'period', entityKey: `${period}${ka ? `/${ka.code}` : ''}`,
      after: { deliveryLines: summary.deliveryLines, claimsCreated: summary.claims.created } });
    return summary;
  });
}
