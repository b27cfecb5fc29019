import type { Book } from '../../db/connection.js';
import { contractTerms, type ContractRow } from '../../db/queries/contracts.js';
import { getSettingJson } from '../../db/queries/settings.js';
import { rebateBaseParts } from '../../db/queries/terms.js';
import { addMonths, lastDayOf } from '../calendar/dates.js';
import type { Poster } from '../ledger/post-documents.js';
import { divideHalfUp } from '../money/rounding.js';
import type { Fen } from '../money/units.js';
import { postDifference } from './post-difference.js';
import { nextTier, rebateOn, sortTiers, type Tier, type TierMode } from './rebate-tiers.js';
import { storedMessage, type Message } from '../../locale/index.js';

export type AccrualBasis = 'run_rate' | 'reached';

/** The rebate year (or quarter) a period falls in: contract years run from the contract's start. */
export interface RebateWindow {
  start: string;
  end: string;
  months: number;
  monthsElapsed: number;
  isLastMonth: boolean;
}

function monthIndex(period: string): number {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return y * 12 + m - 1;
}

export function rebateWindow(c: ContractRow, period: string): RebateWindow | null {
  const first = c.valid_from.slice(0, 7);
  const last = c.valid_to.slice(0, 7);
  if (period < first || period > last) return null;
  const span = c.rebate_basis === 'quarterly' ? 3 : 12;
  const k = Math.floor((monthIndex(period) - monthIndex(first)) / span);
  const startPeriod = addMonths(first, k * span);
  const endPeriod = addMonths(startPeriod, span - 1) < last ? addMonths(startPeriod, span - 1) : last;
  const start = k === 0 ? c.valid_from : `${startPeriod}-01`;
  const end = endPeriod === last ? c.valid_to : lastDayOf(endPeriod);
  return {
    start, end, months: monthIndex(endPeriod) - monthIndex(startPeriod) + 1,
    monthsElapsed: monthIndex(period) - monthIndex(startPeriod) + 1, isLastMonth: period === endPeriod,
  };
}

export interface RebateExplanation {
  contract: string;
  direction: 'to_ka' | 'to_distributor';
  mode: TierMode;
  basis: 'annual' | 'quarterly';
  accrualBasis: AccrualBasis;
  window: RebateWindow;
  base: { accepted: Fen; returns: Fen; excludedProducts: Fen; excludedStores: Fen; excludedPromotions: Fen; base: Fen; from: string; to: string };
  tiers: Tier[];
  /** the annual base the year-to-date run rate reaches (base × months ÷ months elapsed, half-up), or the base itself */
  projection: Fen;
  tierIndex: number;
  rate: number;
  slices: { from: Fen; to: Fen; rate: number; amount: Fen }[];
  /** the rebate on the projection (the year's expected figure) */
  projectedRebate: Fen;
  /** what should be accrued up to this period */
  target: Fen;
  trueUp: boolean;
  next: ReturnType<typeof nextTier>;
  rounding: Message;
}

export function accrualBasis(book: Book): AccrualBasis {
  const raw = getSettingJson(book, 'terms.rebate_accrual_basis');
  return raw && JSON.parse(raw) === 'reached' ? 'reached' : 'run_rate';
}

/**
 * How a contract's rebate stands at the end of a period. Monthly, the year-to-date base is projected to the
 * year at its run rate; the tier that projection reaches sets the rate (whole-amount: on the whole base, so a
 * tier crossed mid-year re-rates the whole year), and what is accrued to date is the year-to-date base's share of
 * the projected rebate. With the book setting terms.rebate_accrual_basis = "reached", the tier already reached is
 * used instead. In the last month of the year (or quarter) the actual rebate is taken: the true-up.
 */
export function explainRebate(book: Book, c: ContractRow, period: string): RebateExplanation | null {
  const window = rebateWindow(c, period);
  if (!window) return null;
  const tiers = sortTiers(contractTerms(book, c.id).tiers.map((t) => ({ threshold: t.threshold_fen, rate: t.rate_ppm })));
  if (tiers.length === 0) return null;
  const to = lastDayOf(period) < window.end ? lastDayOf(period) : window.end;
  const parts = rebateBaseParts(book, c, window.start, to);
  const base = parts.accepted_fen - parts.returns_fen - parts.excluded_products_fen - parts.excluded_stores_fen - parts.excluded_promotions_fen;
  const mode = c.rebate_tier_mode;
  const basis = accrualBasis(book);
  const trueUp = window.isLastMonth;
  const projection = trueUp || basis === 'reached' || base <= 0 ? base
    : Number(divideHalfUp(BigInt(base) * BigInt(window.months), BigInt(window.monthsElapsed)));
  const fig = rebateOn(tiers, mode, projection);
  // The year-to-date share of the projected rebate: exact rebate × base ÷ projection, rounded half-up once.
  const target = projection === base ? fig.amount : projection <= 0 ? 0 : Number(divideHalfUp(fig.exactMicro * BigInt(base), BigInt(projection) * 1_000_000n));
  return {
    contract: c.code, direction: c.rebate_direction, mode, basis: c.rebate_basis, accrualBasis: basis, window,
    base: { accepted: parts.accepted_fen, returns: parts.returns_fen, excludedProducts: parts.excluded_products_fen, excludedStores: parts.excluded_stores_fen,
      excludedPromotions: parts.excluded_promotions_fen, base, from: window.start, to },
    tiers, projection, tierIndex: fig.tierIndex, rate: fig.tierIndex >= 0 ? tiers[fig.tierIndex]!.rate : 0,
    slices: fig.slices.map((s) => ({ from: s.from, to: s.to, rate: s.rate, amount: Number(divideHalfUp(s.exactMicro, 1_000_000n)) })),
    projectedRebate: fig.amount, target, trueUp, next: nextTier(tiers, mode, projection),
    rounding: { code: projection === base ? 'terms.rounding-whole' : 'terms.rounding-projected' },
  };
}

/** Posts the period's rebate accrual for a contract: what the explanation says is due, less what was posted before. */
export function accrueRebate(book: Book, poster: Poster, c: ContractRow, period: string): { explanation: RebateExplanation; posted: Fen } | null {
  const e = explainRebate(book, c, period);
  if (!e) return null;
  const toKa = c.rebate_direction === 'to_ka';
  const result = postDifference(book, poster, {
    kind: 'rebate_accrual', keyPrefix: `REBATE|${c.code}|${e.window.start}|`, period, date: lastDayOf(period),
    docNo: `FL${period.replace('-', '')}-${c.code}`, target: e.target,
    parties: { manufacturerId: c.manufacturer_id, kaAccountId: c.ka_account_id, distributorId: c.distributor_id },
    memo: storedMessage({ code: e.trueUp ? 'memo.rebate-true-up' : 'memo.rebate-accrual', params: { contract: c.code, period } }),
    lines: (d) => [{ amount: d, memo: storedMessage({ code: e.trueUp ? 'memo.true-up-to' : 'memo.accrual-to', params: { target: e.target } }) }],
    legs: (d) => toKa
      ? [{ account: 'rebate_expense', amount: d }, { account: 'rebate_payable_ka', amount: -d }]
      : [{ account: 'claims_manufacturer', amount: d, openItem: true }, { account: 'manufacturer_income', amount: -d }],
  });
  return { explanation: e, posted: result.posted };
}
