import { addDays, periodOf } from '../calendar/dates.js';
import { naturalKey } from '../ledger/document-kinds.js';
import type { DocumentDraft, LineDraft } from '../ledger/post-documents.js';
import { lineAmount } from '../money/rounding.js';
import { KA_ACCOUNTS } from './catalog.js';
import { inject, yymmdd, type DemoContext } from './facts.js';
import { priceFor, type DemoStore } from './world.js';

export interface DeliveryScale {
  /** days between two deliveries to the same store */
  intervalDays: number;
  /** lines per delivery note */
  lines: [number, number];
}

/**
 * Noise rates, per delivery line or per delivery. Each line carries at most one irregularity, so the status
 * reconciliation must find is known exactly.
 */
const NOISE = { short: 0.02, over: 0.003, priceDiff: 0.01, missing: 0.01, split: 0.005, merged: 0.004, noPo: 0.01, unexpected: 0.002, returned: 0.01 };

interface Line { product: number; qty: number; price: number }

function promotionPrice(ctx: DemoContext, store: DemoStore, product: number, date: string): number | undefined {
  for (const p of ctx.world.promotions) {
    if (p.ka !== store.ka || date < p.start || date > p.end || !p.stores.has(store.id) || p.notExecuting.has(store.id)) continue;
    const price = p.prices.get(product);
    if (price !== undefined) return price;
  }
  return undefined;
}

function toDraftLines(ctx: DemoContext, store: DemoStore, lines: Line[], orderNo: string | null): LineDraft[] {
  return lines.map((l) => ({
    storeId: store.id, productId: ctx.world.products[l.product]!.id, orderNo, qty: l.qty, price: l.price, amount: lineAmount(l.qty, l.price),
  }));
}

export function generateDeliveries(ctx: DemoContext, scale: DeliveryScale): void {
  const { rnd, world, poster, facts } = ctx;
  const seqByDistributor = new Map<string, number>();
  const nextDeliveryNo = (store: DemoStore, date: string) => {
    const key = `${store.distributorCode}|${date}`;
    const n = (seqByDistributor.get(key) ?? 0) + 1;
    seqByDistributor.set(key, n);
    return `XS${store.distributorCode}${yymmdd(date)}${String(n).padStart(3, '0')}`;
  };

  // The seed's Metro Qingdao store (麦德龙青岛店).
  const qingdao = world.stores.find((s) => KA_ACCOUNTS[s.ka]!.code === 'MET' && s.city === '青岛');
  for (const store of world.stores) {
    const ka = KA_ACCOUNTS[store.ka]!;
    const kaId = world.kaIds[store.ka]!;
    const storeRnd = rnd.fork(`store-${store.id}`);
    let date = addDays(world.first, storeRnd.int(0, scale.intervalDays - 1));
    if (store.openedOn > date) date = store.openedOn;
    let orderSeq = 0;
    let spiked = false;
    const issuer = (docNo: string) => naturalKey(ka.code, docNo);
    const header = { manufacturerId: world.manufacturerId, distributorId: store.distributorId, kaAccountId: kaId, storeId: store.id };

    for (; date <= world.last; date = addDays(date, scale.intervalDays + storeRnd.int(-1, 1))) {
      orderSeq++;
      const orderNo = `${ka.prefix.po}${yymmdd(date)}${store.code.replace(/\D/g, '').slice(-3).padStart(3, '0')}${orderSeq % 10}`;
      const count = Math.min(storeRnd.int(scale.lines[0], scale.lines[1]), store.assortment.length);
      const lines: Line[] = storeRnd.sample(store.assortment, count).sort((a, b) => a - b).map((product) => {
        const p = world.products[product]!;
        const price = promotionPrice(ctx, store, product, date) ?? priceFor(world, store.ka, product, store.region, date);
        return { product, qty: storeRnd.int(1, 10) * p.casePack * 1000, price };
      });
      // The seed's Metro Qingdao case: a thousand cases where a few were normal, just before Mid-Autumn.
      const spike = store === qingdao && date.slice(5, 7) === '09' && !spiked ? lines[0] : undefined;
      if (spike) {
        spike.qty = 1000 * world.products[spike.product]!.casePack * 1000;
        spiked = true;
      }

      // A partial delivery: the distributor sends the order in two notes; the store books one receipt.
      const merged = storeRnd.chance(NOISE.merged) && lines.length >= 2;
      const notes: Line[][] = merged ? [lines.slice(0, Math.ceil(lines.length / 2)), lines.slice(Math.ceil(lines.length / 2))] : [lines];
      const deliveryKeys: string[] = [];
      notes.forEach((noteLines, n) => {
        const noteDate = addDays(date, n);
        const docNo = nextDeliveryNo(store, noteDate);
        const draft: DocumentDraft = { kind: 'delivery', naturalKey: naturalKey(store.distributorCode, docNo), docNo, docDate: noteDate, ...header, orderNo, lines: toDraftLines(ctx, store, noteLines, orderNo) };
        poster.post(draft);
        deliveryKeys.push(draft.naturalKey);
      });
      if (spike) {
        inject(ctx, 'order_spike', deliveryKeys[0]!, 1, { ka: ka.code, store: store.code, city: store.city, sku: world.products[spike.product]!.sku, cases: 1000, usualCases: '1-10' });
      }
      if (merged) inject(ctx, 'merged_receipt', deliveryKeys.join(','), null, { orderNo });

      // Receipt missing: the goods went out, the store never booked them.
      if (storeRnd.chance(NOISE.missing)) {
        deliveryKeys.forEach((key, n) => notes[n]!.forEach((_, i) => inject(ctx, 'receipt_missing', key, i + 1, { expect: 'receiptMissing' })));
        continue;
      }

      // What the store accepted, line by line.
      const received: Line[] = [];
      notes.forEach((noteLines, n) => noteLines.forEach((l, i) => {
        const key = deliveryKeys[n]!;
        const r = { ...l };
        const roll = storeRnd.next();
        const pack = world.products[l.product]!.casePack * 1000;
        if (roll < NOISE.short && l.qty > 1000) {
          r.qty = l.qty - Math.min(l.qty - 1000, storeRnd.int(1, pack / 1000) * 1000);
          inject(ctx, 'short', key, i + 1, { expect: 'short', delivered: l.qty, received: r.qty });
        } else if (roll < NOISE.short + NOISE.over) {
          r.qty = l.qty + pack;
          inject(ctx, 'over', key, i + 1, { expect: 'over', delivered: l.qty, received: r.qty });
        } else if (roll < NOISE.short + NOISE.over + NOISE.priceDiff) {
          r.price = l.price - 100 * storeRnd.int(10, 50);
          inject(ctx, 'price_diff', key, i + 1, { expect: 'priceDiff', delivered: l.price, received: r.price });
        }
        received.push(r);
      }));

      const receiptDate = addDays(date, storeRnd.int(1, 3) + (merged ? 1 : 0));
      const withPo = !storeRnd.chance(NOISE.noPo);
      if (!withPo) inject(ctx, 'missing_po', deliveryKeys.join(','), null, { expect: 'matched by store, product, quantity and date' });
      if (storeRnd.chance(NOISE.unexpected)) {
        const extra = store.assortment.find((p) => !received.some((r) => r.product === p));
        if (extra !== undefined) {
          received.push({ product: extra, qty: world.products[extra]!.casePack * 1000, price: priceFor(world, store.ka, extra, store.region, date) });
        }
      }
      const split = storeRnd.chance(NOISE.split) && received.length >= 2;
      const parts = split ? [received.slice(0, Math.ceil(received.length / 2)), received.slice(Math.ceil(received.length / 2))] : [received];
      parts.forEach((partLines, n) => {
        const rDate = addDays(receiptDate, n);
        const docNo = `${ka.prefix.receipt}${yymmdd(rDate)}${store.code.replace(/\W/g, '')}${String(orderSeq).padStart(3, '0')}${n ? '-2' : ''}`;
        const draftLines = toDraftLines(ctx, store, partLines, withPo ? orderNo : null);
        const total = draftLines.reduce((s, l) => s + l.amount, 0);
        const key = issuer(docNo);
        const outcome = poster.post({ kind: 'receipt', naturalKey: key, docNo, docDate: rDate, ...header, orderNo: withPo ? orderNo : null, dueDate: addDays(rDate, ka.terms), lines: draftLines });
        if (outcome.status !== 'created') throw new Error(`demo: receipt ${key} generated twice`);
        facts.receipts.push({ docNo, ka: store.ka, storeId: store.id, distributorId: store.distributorId, date: rDate, due: addDays(rDate, ka.terms), total });
        const monthKey = `${store.id}|${periodOf(rDate)}`;
        facts.salesByStoreMonth.set(monthKey, (facts.salesByStoreMonth.get(monthKey) ?? 0) + total);
        partLines.forEach((l, i) => {
          if (!lines.some((d) => d.product === l.product)) inject(ctx, 'unexpected_receipt_line', key, i + 1, { expect: 'unexpected', sku: world.products[l.product]!.sku });
        });
      });
      if (split) inject(ctx, 'split_receipt', deliveryKeys[0]!, null, { receipts: parts.length });

      // Now and then the store sends some back.
      if (storeRnd.chance(NOISE.returned)) {
        const back = storeRnd.sample(received.filter((l) => lines.some((d) => d.product === l.product)), storeRnd.int(1, 2))
          .map((l) => ({ ...l, qty: Math.min(l.qty, world.products[l.product]!.casePack * 1000) }));
        const rDate = addDays(receiptDate, storeRnd.int(7, 30));
        if (back.length && rDate <= world.last) {
          const docNo = `${ka.prefix.return}${yymmdd(rDate)}${store.code.replace(/\W/g, '')}${String(orderSeq).padStart(3, '0')}`;
          const draftLines = toDraftLines(ctx, store, back, orderNo);
          const outcome = poster.post({ kind: 'return', naturalKey: issuer(docNo), docNo, docDate: rDate, ...header, orderNo, lines: draftLines });
          if (outcome.status === 'created') {
            facts.returns.push({ docNo, ka: store.ka, storeId: store.id, distributorId: store.distributorId, date: rDate, total: draftLines.reduce((s, l) => s + l.amount, 0) });
          }
        }
      }
    }
  }
}
