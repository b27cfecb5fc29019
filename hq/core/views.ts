import { z } from 'zod';
import { addMonths, assertPeriod } from '../../core/calendar/dates.js';
import { DEFAULT_RULES, pointsFor, gradeOf, type Measure } from '../../core/credit/grades.js';
import { UserError } from '../../core/errors.js';
import { nextTier, rebateOn, type Tier } from '../../core/terms/rebate-tiers.js';
import type { HqAuditBreakdown } from '../../vocabulary/index.js';
import type { HqDb } from '../db/connection.js';
import * as q from '../db/queries/views.js';
import { allocateLargestRemainder } from './allocate.js';
import { appendHqAudit } from './hq-audit.js';
import { refreshMarkedMonths } from './product-months.js';
import { requireHqRole, type HqSignedIn } from './hq-users.js';

async function periodOrLatest(db: HqDb, period: string | undefined): Promise<string> {
  if (period) return assertPeriod(period, { field: 'period' });
  const latest = await q.latestPeriod(db);
  if (!latest) throw new UserError('hq.nothing-loaded');
  return latest;
}

/** Integer ppm of a part in a whole (a share as the catalog prints it with `{{x, ppm}}`). */
const ppmOf = (part: number, whole: number) => (whole > 0 ? Number((BigInt(part) * 1_000_000n) / BigInt(whole)) : 0);

/** The measures the packages carry per chain (short payments are the book's own, not sent per chain). */
const CHAIN_MEASURES: Measure[] = ['dso', 'overdueShare', 'longestOverdue', 'disputedShare'];

/**
 * A chain's grade from the book's grading rules over the four measures the packages carry: each earns its points
 * at the same thresholds, and the score is scaled to 100 over the points available.
 */
export function chainGrade(m: Record<'dso' | 'overdueShare' | 'longestOverdue' | 'disputedShare', number>) {
  const rules = DEFAULT_RULES;
  const rows = CHAIN_MEASURES.map((measure) => ({ measure, value: m[measure as keyof typeof m], points: pointsFor(m[measure as keyof typeof m], rules.thresholds[measure], rules.weights[measure]), of: rules.weights[measure] }));
  const of = rows.reduce((s, r) => s + r.of, 0);
  const score = Math.round((rows.reduce((s, r) => s + r.points, 0) * 100) / of);
  return { grade: gradeOf(score, rules), score, measures: rows };
}

/**
 * 敞口: per KA chain across every distributor at a month — gross (open receivables), what the manufacturer owes the
 * distributors on that chain (claims, centrally collected money), net, the chain's limit and headroom, and its grade.
 */
export async function exposureByChain(db: HqDb, periodText?: string) {
  const period = await periodOrLatest(db, periodText);
  const [rows, limits] = await Promise.all([q.chainExposure(db, period, addMonths(period, -2)), q.chainLimits(db)]);
  const limitOf = new Map(limits.map((l) => [l.ka, l]));
  // What the manufacturer owes distributors on no chain in particular (subsidies, its own rebates) is shown apart.
  const unattributed = rows.filter((r) => r.ka === '');
  return {
    period,
    unattributedOwedFen: unattributed.reduce((s, r) => s + r.claims_open_fen + r.collected_open_fen, 0),
    chains: rows.filter((r) => r.ka !== '').map((r) => {
      const owed = r.claims_open_fen + r.collected_open_fen;
      const limit = limitOf.get(r.ka);
      const positive = r.open_fen - r.unapplied_fen;
      const measures = {
        dso: r.sales_3m_fen > 0 ? Math.round((positive * 90) / r.sales_3m_fen) : positive > 0 ? 999 : 0,
        overdueShare: positive > 0 ? r.overdue_fen / positive : 0,
        longestOverdue: r.longest_overdue_days,
        disputedShare: r.deductions_3m_fen > 0 ? r.disputed_3m_fen / r.deductions_3m_fen : 0,
      };
      return {
        ka: r.ka, name: r.ka_name, distributors: r.distributors, staleDistributors: r.stale, grossFen: r.open_fen, notDueFen: r.not_due_fen, overdueFen: r.overdue_fen,
        overdueOver90Fen: r.overdue_over_90_fen, unappliedFen: r.unapplied_fen, owedByManufacturerFen: owed, netFen: r.open_fen - owed, sales3mFen: r.sales_3m_fen,
        limitFen: limit?.limit_fen ?? null, headroomFen: limit ? limit.limit_fen - r.open_fen : null, overLimit: limit ? r.open_fen > limit.limit_fen : false,
        overdueSharePpm: ppmOf(r.overdue_fen, positive), disputedSharePpm: ppmOf(r.disputed_3m_fen, r.deductions_3m_fen),
        grade: chainGrade(measures),
      };
    }),
  };
}

/** Sets a chain's credit limit with a reason (kept with its history). */
export async function setChainLimit(db: HqDb, ka: string, limitFen: number, reason: string, user: HqSignedIn): Promise<void> {
  requireHqRole(user, ['credit_controller'], 'limits');
  if (!Number.isSafeInteger(limitFen) || limitFen < 0) throw new UserError('hq.bad-amount', {}, { field: 'amount' });
  if (!reason.trim()) throw new UserError('hq.reason-needed', {}, { field: 'reason' });
  await db.transaction(async (tx) => {
    await q.insertChainLimit(tx, { ka, limit_fen: limitFen, reason: reason.trim(), set_by: user.username });
    await appendHqAudit(tx, { actor: user.username, action: 'set-limit', entity: 'chain', entityKey: ka, after: { limitFen, reason: reason.trim() } });
  });
}

export const nationalContractInput = z.object({
  code: z.string().trim().min(1).max(40), ka: z.string().trim().min(1).max(64), name: z.string().trim().min(1).max(200),
  yearFrom: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/), months: z.number().int().min(1).max(24).default(12), mode: z.enum(['whole', 'progressive']),
  tiers: z.array(z.object({ threshold: z.number().int().min(0), rate: z.number().int().min(0).max(1_000_000) })).min(1),
}).strict();

/** 全国联采 contract: the chain, the contract year and its tiers (fen of the chain's whole base; rates in ppm). */
export async function saveNationalContract(db: HqDb, input: unknown, user: HqSignedIn): Promise<void> {
  requireHqRole(user, ['ka_manager'], 'contracts');
  const parsed = nationalContractInput.safeParse(input);
  if (!parsed.success) throw new UserError('hq.bad-contract', { path: parsed.error.issues[0]!.path.join('.') }, { field: parsed.error.issues[0]!.path.join('.') });
  const c = parsed.data;
  await db.transaction(async (tx) => {
    await q.upsertNationalContract(tx, { code: c.code, ka: c.ka, name: c.name, year_from: c.yearFrom, months: c.months, mode: c.mode, tiers: c.tiers, created_by: user.username });
    await appendHqAudit(tx, { actor: user.username, action: 'save', entity: 'national_contract', entityKey: c.code, after: c });
  });
}

/**
 * 全国联采返利: each national contract's rebate on the chain's whole base across distributors — the contract year's
 * net sales to the month — at the tier that whole base reaches, allocated back to each distributor by its share of
 * the base (largest remainder: the parts add up to the rebate exactly). Also the run-rate projection to the year's
 * end and what the next tier needs.
 */
export async function nationalRebates(db: HqDb, periodText?: string) {
  const period = await periodOrLatest(db, periodText);
  const out = [];
  for (const c of await q.nationalContracts(db)) {
    const last = addMonths(c.year_from, c.months - 1);
    const to = period < last ? period : last;
    if (to < c.year_from) continue;
    const rows = await q.chainBaseByDistributor(db, c.ka, c.year_from, to);
    const base = rows.reduce((s, r) => s + r.base_fen, 0);
    const tiers: Tier[] = c.tiers.map((t) => ({ threshold: t.threshold, rate: t.rate }));
    const rebate = rebateOn(tiers, c.mode, base);
    const elapsed = monthsBetween(c.year_from, to);
    const projected = elapsed > 0 ? Math.round((base * c.months) / elapsed) : 0;
    const parts = rows.length ? allocateLargestRemainder(rebate.amount, rows.map((r) => Math.max(0, r.base_fen))) : [];
    out.push({
      code: c.code, ka: c.ka, name: c.name, mode: c.mode, from: c.year_from, to, monthsElapsed: elapsed, months: c.months, baseFen: base,
      tierIndex: rebate.tierIndex, rateReached: rebate.tierIndex >= 0 ? tiers.slice().sort((a, b) => a.threshold - b.threshold)[rebate.tierIndex]!.rate : 0,
      rebateFen: rebate.amount, projectedBaseFen: projected, projectedRebateFen: rebateOn(tiers, c.mode, projected).amount, next: nextTier(tiers, c.mode, base),
      allocation: rows.map((r, i) => ({ distributor: r.distributor, name: r.distributor_name, book: r.book, baseFen: r.base_fen, sharePpm: ppmOf(Math.max(0, r.base_fen), rows.reduce((s, x) => s + Math.max(0, x.base_fen), 0)), rebateFen: parts[i]! })),
    });
  }
  return { period, contracts: out };
}

function monthsBetween(from: string, to: string): number {
  return (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;
}

/** 窜货 watch across regions and distributors for a month: price gaps of one chain's product, and stores at five times their usual month (the three before). */
export async function channelWatchHq(db: HqDb, periodText?: string, o: { minGapPpm?: number; spikeFactor?: number; limit?: number } = {}) {
  const period = await periodOrLatest(db, periodText);
  const [gaps, spikes] = await Promise.all([
    q.priceGaps(db, period, o.minGapPpm ?? 20_000, o.limit ?? 200),
    q.storeSpikes(db, period, o.spikeFactor ?? 5, 2, o.limit ?? 200),
  ]);
  return { period, priceGaps: gaps, storeSpikes: spikes.map((s) => ({ ...s, timesUsual: Math.round((s.sales_fen * 10) / s.usual_fen) / 10 })) };
}

/**
 * KA营销审计 (seed, 五): per chain, store or product over any months — sales, returns, net, the fees the chain took,
 * the manufacturer's share of them, rebates (per chain), and the contribution after fees (and rebates) with its
 * margin in ppm; per product also the distribution rate (铺市率: store-months carrying it ÷ the chain's store-months).
 */
export async function marketingAudit(db: HqDb, o: { from: string; to: string; by: HqAuditBreakdown; ka?: string; limit?: number; offset?: number }) {
  const from = assertPeriod(o.from, { field: 'from' });
  const to = assertPeriod(o.to, { field: 'to' });
  if (to < from) throw new UserError('hq.bad-range', { from, to }, { field: 'to' });
  const limit = o.limit ?? 500;
  const offset = o.offset ?? 0;
  const contribution = (net: number, fees: number, rebates = 0) => ({ contributionFen: net - fees - rebates, marginPpm: net > 0 ? Math.trunc(((net - fees - rebates) * 1_000_000) / net) : 0 });
  if (o.by === 'ka') {
    const rows = await q.auditByKa(db, from, to);
    return { from, to, by: o.by, total: rows.length, rows: rows.map((r) => ({ ...r, ...contribution(r.net_sales_fen, r.fees_fen, r.rebates_fen) })) };
  }
  if (o.by === 'store') {
    const r = await q.auditByStore(db, from, to, o.ka ?? null, limit, offset);
    return { from, to, by: o.by, total: r.total, rows: r.rows.map((x) => ({ ...x, net_sales_fen: x.sales_fen - x.returns_fen, ...contribution(x.sales_fen - x.returns_fen, x.fees_fen) })) };
  }
  await refreshMarkedMonths(db, from, to);
  const [r, stores] = await Promise.all([q.auditByProduct(db, from, to, o.ka ?? null, limit, offset), q.chainStoreMonths(db, from, to)]);
  const storeMonths = new Map(stores.map((s) => [s.ka, s.store_months]));
  return {
    from, to, by: o.by, total: r.total,
    rows: r.rows.map((x) => ({ ...x, net_sales_fen: x.sales_fen - x.returns_fen, ...contribution(x.sales_fen - x.returns_fen, x.fees_fen), distributionPpm: ppmOf(x.store_months, storeMonths.get(x.ka) ?? 0) })),
  };
}

/** Which distributors have not sent an approved month: every known distributor and the months missing in the range. */
export async function missingMonths(db: HqDb, fromText: string, toText: string) {
  const from = assertPeriod(fromText, { field: 'from' });
  const to = assertPeriod(toText, { field: 'to' });
  if (to < from) throw new UserError('hq.bad-range', { from, to }, { field: 'to' });
  const months: string[] = [];
  for (let p = from; p <= to; p = addMonths(p, 1)) months.push(p);
  const rows = await q.monthsSent(db, from, to);
  const distributors = rows.map((r) => {
    const sent = new Set(r.periods ?? []);
    return { distributor: r.distributor, name: r.distributor_name, region: r.region, book: r.book, lastPeriod: r.last_period, missing: months.filter((m) => !sent.has(m)) };
  });
  return { from, to, months, distributors: distributors.filter((d) => d.missing.length > 0), complete: distributors.filter((d) => d.missing.length === 0).length };
}
