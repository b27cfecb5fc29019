import type { Book } from '../../db/connection.js';
import { orderSpikes, regionalPriceGaps } from '../../db/queries/credit.js';
import type { Message } from '../../locale/index.js';

/** An order line is a spike when it is this many times the store's own average line (in cases) of earlier deliveries. */
export const SPIKE_FACTOR = 20;
export const SPIKE_MIN_HISTORY = 3;

/**
 * 窜货 watch: the risks the seed describes before they become losses — one KA supplied the same product at
 * different prices in two regions at the same time (the Xi'an wholesaler buying in Qingdao), and a store ordering
 * far above its own history (Metro Qingdao's thousand cases where a few dozen were normal). Each with the figures
 * that triggered it.
 */
export function channelWatch(book: Book) {
  return {
    priceGaps: regionalPriceGaps(book).map((g) => {
      // tenths of a percent of the higher price, half-up, from integer prices
      const tenths = Math.floor((Math.abs(g.price_a_e4 - g.price_b_e4) * 2000 / Math.max(g.price_a_e4, g.price_b_e4) + 1) / 2);
      const gapPercent = `${Math.trunc(tenths / 10)}.${tenths % 10}`;
      const finding: Message = { code: 'credit.watch-price-gap', params: {
        ka: g.ka, sku: g.sku, regionA: g.region_a, priceA: g.price_a_e4, regionB: g.region_b, priceB: g.price_b_e4, gap: gapPercent, from: g.from_date, to: g.to_date,
      } };
      return { ...g, gapPercent, finding };
    }),
    orderSpikes: orderSpikes(book, SPIKE_FACTOR, SPIKE_MIN_HISTORY).map((s) => {
      const times = Math.round(s.cases / Math.max(0.1, s.usual_cases));
      const finding: Message = { code: 'credit.watch-spike', params: {
        ka: s.ka, store: s.store, city: s.city ?? '', date: s.doc_date, deliveryNo: s.delivery_no, sku: s.sku, cases: s.cases, usual: s.usual_cases, times,
      } };
      return { ...s, times, finding };
    }),
  };
}
