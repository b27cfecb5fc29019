import { lastDayOf } from '../../core/calendar/dates.js';
import type { PackageBody } from '../../core/package/package-format.js';
import { allocateLargestRemainder } from './allocate.js';

/**
 * What the head office keeps of a package, derived from its body alone: per KA chain, per store, per product and
 * per accrual, for one distributor's month. Money in fen; nothing is rounded except the fees a store bears, spread
 * over its products by their sales (largest remainder, so they add up to the store's fees exactly).
 */
export interface KaFigure {
  distributor: string; ka: string; kaName: string; accepted: number; returns: number; netSales: number; closing: number; open: number;
  notDue: number; overdue1to30: number; overdue31to60: number; overdue61to90: number; overdue91to180: number; overdueOver180: number; unapplied: number;
  longestOverdueDays: number; claimsOpen: number; collectedOpen: number; deductions: number; disputed: number; manufacturerFees: number; rebates: number;
}
export interface StoreFigure { distributor: string; ka: string; store: string; storeName: string; region: string; city: string | null; sales: number; returns: number; fees: number; manufacturerFees: number; products: number }
export interface ProductFigure { distributor: string; ka: string; sku: string; productName: string; region: string; qtyMilli: number; sales: number; returns: number; fees: number; stores: number; minPriceE4: number | null; maxPriceE4: number | null }
export interface AccrualFigure { distributor: string; kind: string; ka: string; amount: number; documents: number }

const DAY = 86_400_000;
const dayNumber = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY;

function mapOf<K, V>(make: () => V) {
  const m = new Map<K, V>();
  return { m, get: (k: K) => { let v = m.get(k); if (!v) { v = make(); m.set(k, v); } return v; } };
}

interface KaStatement { code: string; name: string; accepted: number; returns: number; netSales: number; receivable: { closing: number } }

export function kaFigures(body: PackageBody): KaFigure[] {
  const monthEnd = dayNumber(lastDayOf(body.period));
  const out = mapOf<string, KaFigure>(() => ({} as KaFigure));
  const zero = (distributor: string, ka: string, kaName: string): KaFigure => ({ distributor, ka, kaName, accepted: 0, returns: 0, netSales: 0, closing: 0, open: 0, notDue: 0,
    overdue1to30: 0, overdue31to60: 0, overdue61to90: 0, overdue91to180: 0, overdueOver180: 0, unapplied: 0, longestOverdueDays: 0, claimsOpen: 0, collectedOpen: 0,
    deductions: 0, disputed: 0, manufacturerFees: 0, rebates: 0 });
  const row = (distributor: string, ka: string | null, kaName?: string) => {
    const key = `${distributor}|${ka ?? ''}`;
    if (!out.m.has(key)) out.m.set(key, zero(distributor, ka ?? '', kaName ?? ka ?? ''));
    return out.m.get(key)!;
  };
  for (const s of body.statements) {
    for (const k of (s.content.kaAccounts ?? []) as KaStatement[]) {
      const r = row(s.distributor.code, k.code, k.name);
      r.accepted = k.accepted;
      r.returns = k.returns;
      r.netSales = k.netSales;
      r.closing = k.receivable.closing;
    }
  }
  for (const o of body.openItems) {
    const r = row(o.distributor, o.ka);
    if (o.account === 'claims_manufacturer') r.claimsOpen += o.openFen;
    else if (o.account === 'ar_manufacturer') r.collectedOpen += o.openFen;
    else {
      r.open += o.openFen;
      if (o.openFen < 0) { r.unapplied += o.openFen; continue; }
      const days = monthEnd - dayNumber(o.dueDate ?? o.docDate);
      if (days <= 0) r.notDue += o.openFen;
      else if (days <= 30) r.overdue1to30 += o.openFen;
      else if (days <= 60) r.overdue31to60 += o.openFen;
      else if (days <= 90) r.overdue61to90 += o.openFen;
      else if (days <= 180) r.overdue91to180 += o.openFen;
      else r.overdueOver180 += o.openFen;
      if (days > r.longestOverdueDays) r.longestOverdueDays = days;
    }
  }
  for (const d of body.deductions) {
    const r = row(d.distributor, d.ka);
    r.deductions += d.amountFen;
    if (d.disputed) r.disputed += d.amountFen;
    r.manufacturerFees += d.manufacturerFen;
  }
  for (const a of body.accruals) if (a.kind === 'rebate_accrual') row(a.distributor, a.ka).rebates += a.amountFen;
  // Names of chains that appear only in open items or deductions come from the sales, when there are any.
  return [...out.m.values()];
}

export function storeFigures(body: PackageBody): StoreFigure[] {
  const stores = new Map<string, StoreFigure & { skus: Set<string> }>();
  const key = (distributor: string, ka: string, store: string) => `${distributor}|${ka}|${store}`;
  for (const s of body.sales) {
    const k = key(s.distributor, s.ka, s.store);
    let f = stores.get(k);
    if (!f) stores.set(k, f = { distributor: s.distributor, ka: s.ka, store: s.store, storeName: s.storeName, region: s.region, city: s.city, sales: 0, returns: 0, fees: 0, manufacturerFees: 0, products: 0, skus: new Set() });
    f.sales += s.amountFen;
    f.returns += s.returnsFen;
    if (s.amountFen !== 0) f.skus.add(s.sku);
  }
  for (const d of body.deductions) {
    if (!d.ka || !d.store) continue;
    const f = stores.get(key(d.distributor, d.ka, d.store));
    if (!f) continue;
    f.fees += d.amountFen;
    f.manufacturerFees += d.manufacturerFen;
  }
  return [...stores.values()].map(({ skus, ...f }) => ({ ...f, products: skus.size }));
}

/** Per product and region; each store's fees spread over its products by their sales. */
export function productFigures(body: PackageBody, stores: StoreFigure[]): ProductFigure[] {
  const feesOf = new Map(stores.map((s) => [`${s.distributor}|${s.ka}|${s.store}`, s.fees]));
  const byStore = new Map<string, PackageBody['sales']>();
  for (const s of body.sales) {
    const k = `${s.distributor}|${s.ka}|${s.store}`;
    const list = byStore.get(k);
    if (list) list.push(s);
    else byStore.set(k, [s]);
  }
  const products = mapOf<string, ProductFigure & { storeSet: Set<string> }>(() => ({} as never));
  for (const [k, lines] of byStore) {
    const weights = lines.map((l) => Math.max(0, l.amountFen));
    const fees = weights.some((w) => w > 0) ? allocateLargestRemainder(feesOf.get(k) ?? 0, weights) : lines.map(() => 0);
    lines.forEach((l, i) => {
      const pk = `${l.distributor}|${l.ka}|${l.sku}|${l.region}`;
      if (!products.m.has(pk)) products.m.set(pk, { distributor: l.distributor, ka: l.ka, sku: l.sku, productName: l.productName, region: l.region, qtyMilli: 0, sales: 0, returns: 0, fees: 0, stores: 0, minPriceE4: null, maxPriceE4: null, storeSet: new Set() });
      const p = products.m.get(pk)!;
      p.qtyMilli += l.qtyMilli;
      p.sales += l.amountFen;
      p.returns += l.returnsFen;
      p.fees += fees[i]!;
      if (l.amountFen !== 0) p.storeSet.add(l.store);
      if (l.minPriceE4 !== null) p.minPriceE4 = p.minPriceE4 === null ? l.minPriceE4 : Math.min(p.minPriceE4, l.minPriceE4);
      if (l.maxPriceE4 !== null) p.maxPriceE4 = p.maxPriceE4 === null ? l.maxPriceE4 : Math.max(p.maxPriceE4, l.maxPriceE4);
    });
  }
  return [...products.m.values()].map(({ storeSet, ...p }) => ({ ...p, stores: storeSet.size }));
}

export function accrualFigures(body: PackageBody): AccrualFigure[] {
  const out = mapOf<string, AccrualFigure>(() => ({} as never));
  for (const a of body.accruals) {
    const k = `${a.distributor}|${a.kind}|${a.ka ?? ''}`;
    if (!out.m.has(k)) out.m.set(k, { distributor: a.distributor, kind: a.kind, ka: a.ka ?? '', amount: 0, documents: 0 });
    const f = out.m.get(k)!;
    f.amount += a.amountFen;
    f.documents++;
  }
  return [...out.m.values()];
}

/** The statement without its detail tables: what the head office shows of it beside the figures. */
export function statementSummary(content: Record<string, unknown>): Record<string, unknown> {
  const { details: _details, ...rest } = content;
  return rest;
}
