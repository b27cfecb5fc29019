import { lastDayOf, periodsBetween } from '../calendar/dates.js';
import { naturalKey } from '../ledger/document-kinds.js';
import type { LineDraft } from '../ledger/post-documents.js';
import type { FeeType } from '../master-data/schemas.js';
import { applyRate } from '../money/rounding.js';
import { KA_ACCOUNTS, UNKNOWN_FEE_WORDS } from './catalog.js';
import { inject, yymmdd, type DemoContext } from './facts.js';
import type { DemoStore } from './world.js';

interface Fee { type: FeeType | null; words: string; amount: number; truth: FeeType | 'unknown' }

/** Round yuan amounts, as KAs charge them. */
const yuan = (n: number) => n * 100;

/**
 * The fees a KA takes each month from each store: the usual types at plausible amounts, a few with wording no
 * table knows, and a few above what the contract allows. Each line's true fee type is recorded, because the
 * statement's own wording is all the book receives.
 */
function feesFor(ctx: DemoContext, store: DemoStore, period: string, sales: number): Fee[] {
  const { rnd, world } = ctx;
  const ka = KA_ACCOUNTS[store.ka]!;
  const contract = world.contracts[store.ka]!;
  const fees: Fee[] = [];
  const add = (type: FeeType, amount: number) => {
    const words = rnd.pick(ka.feeWords[type] ?? [type]);
    fees.push({ type, words, amount, truth: type });
  };
  const month = period.slice(5, 7);
  add('info_service', yuan(200));
  if (sales > 0) add('promo_service', Math.max(yuan(100), applyRate(sales, 10_000)));
  if (store.openedOn.slice(5, 7) === month) add('anniversary', yuan(rnd.int(5, 20) * 100));
  if (month === '01' || month === '09') add('festival', yuan(rnd.int(3, 10) * 100));
  if (store.openedOn.slice(0, 7) === period) add('entry', yuan(rnd.int(5, 20) * 1000));
  for (const p of world.promotions) {
    if (p.ka === store.ka && p.start.slice(0, 7) === period && p.stores.has(store.id)) add('dm', yuan(rnd.int(2, 8) * 100));
  }
  if (rnd.chance(0.15)) add('barcode', yuan(rnd.int(10, 20) * 100));
  if (rnd.chance(0.1)) add('end_cap', yuan(rnd.int(8, 25) * 100));
  if (rnd.chance(0.08)) add('display', yuan(rnd.int(10, 30) * 100));
  if (month.endsWith('3') || month.endsWith('6') || month === '09' || month === '12') {
    if (sales > 0) add('shrinkage', applyRate(sales, 3_000));
  }
  return fees.map((f) => {
    // A fee above the contract's limit, or a fee nobody agreed to: both must be disputed with the KA.
    const cap = f.type ? contract.maxAmount.get(f.type) : undefined;
    if (cap !== undefined && rnd.chance(0.05)) return { ...f, amount: cap + yuan(rnd.int(1, 10) * 100), truth: f.truth };
    return f;
  }).concat(rnd.chance(0.02) ? [{ type: null, words: rnd.pick(UNKNOWN_FEE_WORDS), amount: yuan(rnd.int(2, 15) * 100), truth: 'unknown' as const }] : []);
}

export function generateDeductions(ctx: DemoContext): void {
  const { world, poster, facts } = ctx;
  const periods = periodsBetween(world.first.slice(0, 7), world.last.slice(0, 7));
  for (const store of world.stores) {
    const ka = KA_ACCOUNTS[store.ka]!;
    const contract = world.contracts[store.ka]!;
    for (const period of periods) {
      if (store.openedOn.slice(0, 7) > period) continue;
      const sales = facts.salesByStoreMonth.get(`${store.id}|${period}`) ?? 0;
      const fees = feesFor(ctx, store, period, sales);
      // 大润发 takes end-cap and display fees as invoice discounts (票扣); everything else from the remittance (账扣).
      const byMethod = { account: [] as Fee[], invoice: [] as Fee[] };
      for (const f of fees) byMethod[ka.code === 'RTM' && (f.type === 'end_cap' || f.type === 'display') ? 'invoice' : 'account'].push(f);
      for (const method of ['account', 'invoice'] as const) {
        const list = byMethod[method];
        if (!list.length) continue;
        const date = lastDayOf(period);
        const docNo = `${ka.prefix.deduction}${yymmdd(date)}${store.code.replace(/\W/g, '')}${method === 'invoice' ? 'P' : ''}`;
        const key = naturalKey(ka.code, docNo);
        const lines: LineDraft[] = list.map((f) => ({ storeId: store.id, amount: f.amount, feeType: null, feeText: f.words }));
        poster.post({
          kind: 'deduction', naturalKey: key, docNo, docDate: date, manufacturerId: world.manufacturerId,
          distributorId: store.distributorId, kaAccountId: store.kaId, storeId: store.id, method, lines,
        });
        let manufacturerShare = 0;
        list.forEach((f, i) => {
          const cap = f.type ? contract.maxAmount.get(f.type) : undefined;
          const over = cap !== undefined && f.amount > cap;
          inject(ctx, 'deduction_fee_type', key, i + 1, { feeType: f.truth, words: f.words, ...(over ? { overContract: true, cap } : {}) });
          if (f.truth !== 'unknown' && !over) manufacturerShare += applyRate(f.amount, contract.feeShares.get(f.truth) ?? 0);
        });
        facts.deductions.push({ docNo, ka: store.ka, storeId: store.id, distributorId: store.distributorId, date, method,
          total: lines.reduce((s, l) => s + l.amount, 0), manufacturerShare });
      }
    }
  }
}
