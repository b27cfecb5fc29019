import type { Book } from '../../db/connection.js';
import { insertInjection } from '../../db/queries/listings.js';
import { addDays, addMonths, lastDayOf } from '../calendar/dates.js';
import { canonicalJson } from '../canonical-json.js';
import { MasterDataWriter } from '../master-data/save-master-data.js';
import type { FeeType } from '../master-data/schemas.js';
import { DISTRIBUTORS, KA_ACCOUNTS, MANUFACTURER, REGIONS, productCatalog } from './catalog.js';
import type { Random } from './random.js';
import type { DemoContract, DemoPrice, DemoPromotion, DemoStore, DemoWorld } from './world.js';

const ACTOR = 'demo';

/** The demo writes into an empty book: every record is new. */
function created(id: number | 'unchanged'): number {
  if (id === 'unchanged') throw new Error('demo: a record was already in the book');
  return id;
}

/** Each KA's contract differs, so every terms feature has a case to compute. */
const CONTRACT_STYLES = [
  { tierMode: 'whole', basis: 'annual', feePoints: 70_000, settlement: 'direct', excludesPromotions: true },
  { tierMode: 'progressive', basis: 'annual', feePoints: 80_000, settlement: 'direct', excludesPromotions: true },
  { tierMode: 'whole', basis: 'annual', feePoints: 60_000, settlement: 'central', excludesPromotions: false },
  { tierMode: 'progressive', basis: 'quarterly', feePoints: 50_000, settlement: 'direct', excludesPromotions: true },
  { tierMode: 'whole', basis: 'annual', feePoints: 65_000, settlement: 'direct', excludesPromotions: true },
] as const;

/** Who bears what (manufacturer share in ppm); 'other' is never allowed, so unknown fees are disputed. */
const FEE_SHARES: [FeeType, number, number | null][] = [
  ['entry', 1_000_000, null],
  ['barcode', 1_000_000, 200_000],
  ['display', 500_000, null],
  ['end_cap', 500_000, 300_000],
  ['dm', 1_000_000, null],
  ['anniversary', 500_000, 200_000],
  ['festival', 500_000, null],
  ['promo_service', 0, null],
  ['info_service', 0, null],
  ['shrinkage', 0, null],
];

/** A made-up 统一社会信用代码 of 18 characters (the demo's companies do not exist). */
export function demoTaxId(kind: 'D' | 'K', code: string): string {
  return `91310000${kind}${code.toUpperCase().replace(/[^0-9A-Z]/g, '')}`.padEnd(18, '0').slice(0, 18);
}

export function buildMasterData(book: Book, rnd: Random, firstPeriod: string): DemoWorld {
  const w = new MasterDataWriter(book, ACTOR);
  const first = `${firstPeriod}-01`;
  const last = lastDayOf(addMonths(firstPeriod, 11));
  const manufacturerId = created(w.manufacturer(MANUFACTURER));
  const distributors = DISTRIBUTORS.map((d) => ({
    id: created(w.distributor({ ...d, manufacturerCode: MANUFACTURER.code, taxId: demoTaxId('D', d.code) })),
    code: d.code,
  }));
  const kaIds = KA_ACCOUNTS.map((k) => created(w.kaAccount({ code: k.code, name: k.name, paymentTermsDays: k.terms, contact: `${k.name}供应商结算部`, phone: null })));
  // 开票信息: the legal entity each KA's invoices are made out to.
  for (const k of KA_ACCOUNTS) created(w.invoicingEntity({ kaCode: k.code, taxId: demoTaxId('K', k.code), name: `${k.name}（中国）投资有限公司`, region: '' }));

  const catalog = productCatalog();
  const products = catalog.map((p) => ({
    id: created(w.product({ sku: p.sku, barcode: p.barcode, name: p.name, spec: p.spec, casePack: p.casePack, vatRate: 130_000, manufacturerCode: MANUFACTURER.code })),
    sku: p.sku, casePack: p.casePack, basePrice: p.basePrice,
  }));

  // Stores spread over the regions; some open during the year (they pay an entry fee).
  const stores: DemoStore[] = [];
  KA_ACCOUNTS.forEach((ka, kaIndex) => {
    for (let n = 0; n < ka.stores; n++) {
      const regionSpec = REGIONS[(n + kaIndex) % REGIONS.length]!;
      // Metro's second store is its Qingdao store: the seed's channel-conflict story happens there.
      const city = ka.code === 'MET' && n === 1 ? '青岛' : regionSpec.cities[(n >> 2) % regionSpec.cities.length]!;
      const region = ka.code === 'MET' && n === 1 ? '华北' : regionSpec.region;
      const distributor = distributors.find((d) => d.code === REGIONS.find((r) => r.region === region)!.distributor)!;
      const code = ka.storeCode(n, REGIONS.indexOf(regionSpec));
      const opensInYear = n % 11 === 7;
      const openedOn = opensInYear ? addDays(first, 30 * rnd.int(1, 9)) : `20${String(10 + (n % 12)).padStart(2, '0')}-0${1 + (n % 9)}-15`;
      const name = `${ka.name}${city}${['中心', '新城', '东区', '西区', '南站', '北苑', '滨江', '万达'][n % 8]}店`;
      const id = created(w.store({ kaCode: ka.code, storeCode: code, name, region, city, distributorCode: distributor.code, openedOn }));
      const assortment = rnd.sample(products.map((_, i) => i), rnd.int(60, products.length)).sort((a, b) => a - b);
      stores.push({ id, code, name, ka: kaIndex, kaId: kaIds[kaIndex]!, region, city, distributorId: distributor.id, distributorCode: distributor.code, openedOn, assortment });
    }
  });

  // Metro's own article numbers, remembered so its files match by them.
  products.forEach((p, i) => w.productAlias('MET', String(410_000 + i * 13), p.sku));

  // Supply prices per KA; a fifth of the range goes up mid-year.
  const prices: DemoPrice[] = [];
  const midYear = `${addMonths(firstPeriod, 6)}-01`;
  KA_ACCOUNTS.forEach((ka, kaIndex) => {
    const factor = 0.97 + 0.015 * kaIndex;
    products.forEach((p, i) => {
      const price = Math.round((p.basePrice * factor) / 100) * 100;
      const rises = i % 5 === 2;
      const rows: DemoPrice[] = rises
        ? [{ ka: kaIndex, product: i, region: '', price, from: first, to: addDays(midYear, -1) },
           { ka: kaIndex, product: i, region: '', price: Math.round((price * 1.05) / 100) * 100, from: midYear, to: last }]
        : [{ ka: kaIndex, product: i, region: '', price, from: first, to: last }];
      for (const r of rows) {
        w.price({ kaCode: ka.code, sku: p.sku, region: '', price: r.price, validFrom: r.from, validTo: r.to });
        prices.push(r);
      }
    });
  });

  // 窜货 risk: Metro supplies three products to the north at a much lower price for two months.
  const metIndex = KA_ACCOUNTS.findIndex((k) => k.code === 'MET');
  const gapFrom = `${addMonths(firstPeriod, 9)}-01`;
  const gapTo = lastDayOf(addMonths(firstPeriod, 10));
  for (const i of [3, 40, 77]) {
    const normal = prices.find((p) => p.ka === metIndex && p.product === i && p.from <= gapFrom && p.to >= gapFrom)!.price;
    const low = Math.round((normal * 0.86) / 100) * 100;
    w.price({ kaCode: 'MET', sku: products[i]!.sku, region: '华北', price: low, validFrom: gapFrom, validTo: gapTo });
    prices.push({ ka: metIndex, product: i, region: '华北', price: low, from: gapFrom, to: gapTo });
    insertInjection(book, { kind: 'channel_price_gap', natural_key: `MET|${products[i]!.sku}`, line_no: null,
      detail_json: canonicalJson({ ka: 'MET', sku: products[i]!.sku, regions: { 华东: normal, 华北: low }, from: gapFrom, to: gapTo }) });
  }

  const contracts: DemoContract[] = KA_ACCOUNTS.map((ka, kaIndex) => {
    const style = CONTRACT_STYLES[kaIndex]!;
    const code = `HT-${ka.code}-${first.slice(0, 4)}`;
    const yearlySales = 100_000_000 * (1 + kaIndex); // fen; tiers are set around what the demo sells
    w.contract({
      code, manufacturerCode: MANUFACTURER.code, kaCode: ka.code, validFrom: first, validTo: last,
      feePoints: style.feePoints, paymentTermsDays: ka.terms, settlementMode: style.settlement,
      rebate: {
        tierMode: style.tierMode, basis: style.basis, direction: 'to_ka', excludesPromotions: style.excludesPromotions,
        tiers: [
          { threshold: yearlySales / 4, rate: 10_000 },
          { threshold: yearlySales / 2, rate: 20_000 },
          { threshold: yearlySales, rate: 25_000 },
        ],
        excludedProducts: kaIndex === 0 ? [products[0]!.sku] : [],
        excludedStores: [],
      },
      feeTerms: [
        ...FEE_SHARES.map(([feeType, share, maxAmount]) => ({ feeType, allowed: true, manufacturerShare: share, maxAmount })),
        { feeType: 'other' as const, allowed: false, manufacturerShare: 0 },
      ],
      deliveryCost: [
        { region: '', method: 'percent' as const, rate: 30_000, monthlyFloor: 50_000, monthlyCap: 3_000_000 },
        { region: '西部', method: 'per_case' as const, amount: 150 },
      ],
    });
    return {
      ka: kaIndex, code, central: style.settlement === 'central',
      feeShares: new Map(FEE_SHARES.map(([t, share]) => [t, share])),
      allowed: new Set(FEE_SHARES.map(([t]) => t)),
      maxAmount: new Map(FEE_SHARES.filter(([, , m]) => m !== null).map(([t, , m]) => [t, m!])),
    };
  });
  // The manufacturer's own rebate to its eastern distributor on 大润发 sales.
  w.contract({
    code: `HT-D01-RTM-${first.slice(0, 4)}`, manufacturerCode: MANUFACTURER.code, kaCode: 'RTM', distributorCode: 'D01',
    validFrom: first, validTo: last, paymentTermsDays: 60, settlementMode: 'direct',
    rebate: { tierMode: 'progressive', direction: 'to_distributor', excludesPromotions: false,
      tiers: [{ threshold: 0, rate: 5_000 }, { threshold: 20_000_000, rate: 10_000 }] },
  });

  // Four promotions (档期) a year per KA, two weeks each; a few stores sign up and do not execute.
  const promotions: DemoPromotion[] = [];
  KA_ACCOUNTS.forEach((ka, kaIndex) => {
    const kaStores = stores.filter((s) => s.ka === kaIndex);
    for (let q = 0; q < 4; q++) {
      const start = addDays(`${addMonths(firstPeriod, q * 3 + 1)}-01`, rnd.int(0, 10));
      const end = addDays(start, 13);
      const code = `CX-${ka.code}-${start.slice(0, 7)}`;
      const chosen = rnd.sample(products.map((_, i) => i), rnd.int(5, 10));
      const promoPrices = new Map<number, number>();
      const lines = chosen.map((i) => {
        const normal = prices.find((p) => p.ka === kaIndex && p.product === i && p.region === '' && p.from <= start && p.to >= start)!.price;
        const promo = Math.round((normal * (0.8 + 0.02 * rnd.int(0, 5))) / 100) * 100;
        promoPrices.set(i, promo);
        return { sku: products[i]!.sku, normalPrice: normal, promoPrice: promo };
      });
      const taking = kaStores.filter(() => rnd.chance(0.85));
      const notExecuting = new Set(rnd.sample(taking, 2).map((s) => s.id));
      w.promotion({ code, kaCode: ka.code, manufacturerCode: MANUFACTURER.code, name: `${ka.name}${start.slice(5, 7)}月档期`,
        kind: q === 2 ? 'national' : 'dm', startDate: start, endDate: end, products: lines, stores: taking.map((s) => s.code) });
      promotions.push({ code, ka: kaIndex, start, end, prices: promoPrices, stores: new Set(taking.map((s) => s.id)), notExecuting });
      for (const id of notExecuting) {
        const s = stores.find((x) => x.id === id)!;
        insertInjection(book, { kind: 'promotion_not_executed', natural_key: code, line_no: null,
          detail_json: canonicalJson({ promotion: code, ka: ka.code, store: s.code }) });
      }
    }
  });

  return { manufacturerId, distributors, kaIds, stores, products, prices, promotions, contracts, first, last };
}
