import type { Book } from '../../db/connection.js';
import { promotionAcceptance, promotionNotExecuted, promotionsOverlapping, type PromotionRow } from '../../db/queries/terms.js';
import { firstDayOf, lastDayOf } from '../calendar/dates.js';
import type { Poster } from '../ledger/post-documents.js';
import { lineAmount } from '../money/rounding.js';
import type { Fen } from '../money/units.js';
import { postDifference } from './post-difference.js';
import { storedMessage, type Message } from '../../locale/index.js';

export interface ProtectionLine { storeId: number; store: string; productId: number; sku: string; qty: number; normalPrice: number; promoPrice: number; amount: Fen }

export interface ProtectionExplanation {
  promotion: string;
  kaAccountId: number;
  window: { start: string; end: string };
  period: string;
  distributors: { distributorId: number; lines: ProtectionLine[]; total: Fen }[];
  /**
   * Stores signed up that accepted nothing at the promotion price in the whole window (reported once it has ended):
   * `normal_price` — they took the promoted products at another price; `nothing_accepted` — none of them at all.
   */
  notExecuted: { store: string; name: string; distributor: string | null; evidence: 'normal_price' | 'nothing_accepted' }[];
  rounding: Message;
}

/**
 * 补差/跟价补损 for the promotions running in a month: (normal supply price − promotion supply price) × the quantity
 * each store accepted at the promotion price inside the window, per store and product, rounded half-up at that
 * line; claimed per distributor. Once a promotion's window has ended, the stores that signed up and accepted
 * nothing at its price are listed: the seed's most common failure, 促销协议不执行.
 */
export function explainPriceProtection(book: Book, period: string): ProtectionExplanation[] {
  const from = firstDayOf(period);
  const to = lastDayOf(period);
  return promotionsOverlapping(book, from, to).map((p: PromotionRow) => {
    const rows = promotionAcceptance(book, p.id, from, to);
    const byDistributor = new Map<number, ProtectionLine[]>();
    for (const r of rows) {
      const lines = byDistributor.get(r.distributor_id) ?? [];
      lines.push({ storeId: r.store_id, store: r.store_code, productId: r.product_id, sku: r.sku, qty: r.qty_milli, normalPrice: r.normal_price_e4,
        promoPrice: r.promo_price_e4, amount: lineAmount(r.qty_milli, r.normal_price_e4 - r.promo_price_e4) });
      byDistributor.set(r.distributor_id, lines);
    }
    return {
      promotion: p.code, kaAccountId: p.ka_account_id, window: { start: p.start_date, end: p.end_date }, period,
      distributors: [...byDistributor.entries()].map(([distributorId, lines]) => ({ distributorId, lines, total: lines.reduce((s, l) => s + l.amount, 0) })),
      notExecuted: p.end_date <= to ? promotionNotExecuted(book, p.id).map((s) => ({ store: s.store_code, name: s.name, distributor: s.distributor_code, evidence: s.evidence })) : [],
      rounding: { code: 'terms.rounding-protection' },
    };
  });
}

export function accruePriceProtection(book: Book, poster: Poster, period: string): { explanations: ProtectionExplanation[]; posted: Fen } {
  const explanations = explainPriceProtection(book, period);
  let posted = 0;
  for (const e of explanations) {
    for (const d of e.distributors) {
      const key = `PP|${e.promotion}|${d.distributorId}|${period}|`;
      posted += postDifference(book, poster, {
        kind: 'price_protection_claim', keyPrefix: key, period, date: lastDayOf(period), docNo: `BC${period.replace('-', '')}-${e.promotion}-${d.distributorId}`,
        target: d.total, parties: { distributorId: d.distributorId }, memo: storedMessage({ code: 'memo.price-protection', params: { promotion: e.promotion, period } }),
        // The first posting carries the store and product lines; a later correction one line of the difference.
        lines: (diff) => (diff === d.total ? d.lines.map((l) => ({ storeId: l.storeId, productId: l.productId, qty: l.qty, price: l.normalPrice - l.promoPrice, amount: l.amount }))
          : [{ amount: diff, memo: storedMessage({ code: 'memo.correction-to', params: { total: d.total } }) }]),
      }).posted;
    }
  }
  return { explanations, posted };
}
