import type { Book } from '../../db/connection.js';
import { orderSpikes, regionalPriceGaps } from '../../db/queries/credit.js';

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
    priceGaps: regionalPriceGaps(book).map((g) => ({ ...g, gapPercent: Math.round((Math.abs(g.price_a_e4 - g.price_b_e4) * 1000) / Math.max(g.price_a_e4, g.price_b_e4)) / 10 })),
    orderSpikes: orderSpikes(book, SPIKE_FACTOR, SPIKE_MIN_HISTORY).map((s) => ({ ...s, times: Math.round(s.cases / Math.max(0.1, s.usual_cases)) })),
  };
}
