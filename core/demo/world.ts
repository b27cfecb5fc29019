import type { FeeType } from '../master-data/schemas.js';

/** The demo's view of what it created, with database ids, for the document generators. */
export interface DemoStore {
  id: number;
  code: string;
  name: string;
  ka: number; // index into KA_ACCOUNTS
  kaId: number;
  region: string;
  city: string;
  distributorId: number;
  distributorCode: string;
  openedOn: string;
  /** product indexes this store lists */
  assortment: number[];
}

export interface DemoProduct { id: number; sku: string; casePack: number; basePrice: number }

export interface DemoPrice { ka: number; product: number; region: string; price: number; from: string; to: string }

export interface DemoPromotion {
  code: string;
  ka: number;
  start: string;
  end: string;
  /** product index → promotion price */
  prices: Map<number, number>;
  /** store ids taking part */
  stores: Set<number>;
  /** store ids that take part on paper but do not execute (促销协议不执行) */
  notExecuting: Set<number>;
}

export interface DemoContract {
  ka: number;
  code: string;
  feeShares: Map<FeeType, number>; // manufacturer share, ppm
  allowed: Set<FeeType>;
  maxAmount: Map<FeeType, number>;
  central: boolean;
}

export interface DemoWorld {
  manufacturerId: number;
  distributors: { id: number; code: string }[];
  kaIds: number[];
  stores: DemoStore[];
  products: DemoProduct[];
  prices: DemoPrice[];
  promotions: DemoPromotion[];
  contracts: DemoContract[];
  first: string; // first day of the demo year
  last: string; // last day
}

const priceIndex = new WeakMap<DemoWorld, Map<string, DemoPrice[]>>();

/** The price valid on a date for a store: its region's row first, then the all-regions row. */
export function priceFor(world: DemoWorld, ka: number, product: number, region: string, date: string): number {
  let index = priceIndex.get(world);
  if (!index) {
    index = new Map();
    for (const p of world.prices) {
      const key = `${p.ka}|${p.product}`;
      const list = index.get(key) ?? [];
      list.push(p);
      index.set(key, list);
    }
    priceIndex.set(world, index);
  }
  let best: DemoPrice | undefined;
  for (const p of index.get(`${ka}|${product}`) ?? []) {
    if (p.from > date || p.to < date) continue;
    if (p.region !== '' && p.region !== region) continue;
    if (!best || (p.region !== '' && best.region === '')) best = p;
  }
  if (!best) throw new Error(`demo: no price for KA ${ka} product ${product} on ${date}`);
  return best.price;
}
