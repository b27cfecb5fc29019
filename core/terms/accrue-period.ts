import type { Book } from '../../db/connection.js';
import { findContract } from '../../db/queries/contracts.js';
import { contractsInForce } from '../../db/queries/terms.js';
import { AuditWriter } from '../audit/audit-chain.js';
import { assertPeriod, firstDayOf, lastDayOf } from '../calendar/dates.js';
import { UserError } from '../errors.js';
import { assertPeriodOpen } from '../ledger/period-lock.js';
import { Poster } from '../ledger/post-documents.js';
import { accrueDeliveryCost, explainDeliveryCost, type SubsidyExplanation } from './delivery-cost.js';
import { accruePriceProtection, explainPriceProtection, type ProtectionExplanation } from './price-protection.js';
import { accrueRebate, explainRebate, type RebateExplanation } from './rebate-accrual.js';

export interface AccrualSummary {
  period: string;
  rebates: { contract: string; direction: string; base: number; projection: number; tierIndex: number; rate: number; target: number; trueUp: boolean; posted: number }[];
  deliveryCost: { contract: string; distributor: string; subtotal: number; total: number }[];
  priceProtection: { promotion: string; total: number; notExecuted: { store: string; name: string; evidence: string }[] }[];
  posted: { rebates: number; deliveryCost: number; priceProtection: number };
}

/**
 * `accrue`: the contract terms of one month — rebate accruals (and the true-up in a year's last month),
 * delivery-cost subsidy claims and price-protection claims — computed and posted in one transaction. Each figure
 * posts only its difference from what is already booked: running twice posts nothing new, and a re-run after
 * late receipts posts just what changed.
 */
export function accruePeriod(book: Book, periodText: string, actor: string): AccrualSummary {
  const period = assertPeriod(periodText, { field: '--period' });
  assertPeriodOpen(book, period, { code: 'ledger.what-accruals' });
  return book.write(() => {
    const poster = new Poster(book, actor);
    const summary: AccrualSummary = { period, rebates: [], deliveryCost: [], priceProtection: [], posted: { rebates: 0, deliveryCost: 0, priceProtection: 0 } };
    for (const c of contractsInForce(book, firstDayOf(period), lastDayOf(period))) {
      const r = accrueRebate(book, poster, c, period);
      if (r) {
        const e = r.explanation;
        summary.rebates.push({ contract: c.code, direction: c.rebate_direction, base: e.base.base, projection: e.projection, tierIndex: e.tierIndex, rate: e.rate, target: e.target, trueUp: e.trueUp, posted: r.posted });
        summary.posted.rebates += r.posted;
      }
      if (c.distributor_id === null) {
        const d = accrueDeliveryCost(book, poster, c, period);
        for (const x of d.explanations) summary.deliveryCost.push({ contract: c.code, distributor: x.distributorCode, subtotal: x.subtotal, total: x.total });
        summary.posted.deliveryCost += d.posted;
      }
    }
    const p = accruePriceProtection(book, poster, period);
    for (const e of p.explanations) summary.priceProtection.push({ promotion: e.promotion, total: e.distributors.reduce((s, d) => s + d.total, 0), notExecuted: e.notExecuted });
    summary.posted.priceProtection = p.posted;
    new AuditWriter(book).append({ actor, action: 'accrue', entity: 'period', entityKey: period, after: summary.posted });
    return summary;
  });
}

export interface TermsExplanation {
  contract: string;
  period: string;
  rebate: RebateExplanation | null;
  deliveryCost: SubsidyExplanation[];
  priceProtection: ProtectionExplanation[];
}

/** `terms --explain`: every figure of a contract for a month, with the steps an accountant can check by hand. */
export function explainTerms(book: Book, code: string, periodText: string): TermsExplanation {
  const period = assertPeriod(periodText, { field: '--period' });
  const c = findContract(book, code);
  if (!c) throw new UserError('master.no-contract', { code }, { field: '--contract' });
  return {
    contract: c.code, period, rebate: explainRebate(book, c, period),
    deliveryCost: c.distributor_id === null ? explainDeliveryCost(book, c, period) : [],
    priceProtection: c.distributor_id === null ? explainPriceProtection(book, period).filter((p) => p.kaAccountId === c.ka_account_id) : [],
  };
}
