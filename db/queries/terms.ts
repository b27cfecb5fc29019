import type { Book } from '../connection.js';
import { stmt } from '../statements.js';
import { inForce } from './corrections.js';
import type { ContractRow } from './contracts.js';

/** The day a line was sold on: its own document's, or for a reversal (红字) the original's, which it takes back. */
const SOLD_ON = `coalesce((SELECT o.doc_date FROM documents o WHERE o.id = d.reverses_id), d.doc_date)`;

/** Is this receipt or return line at the price of a promotion its store took part in, that day? */
const AT_PROMOTION = `EXISTS (SELECT 1 FROM promotions pr JOIN promotion_products pp ON pp.promotion_id = pr.id
  WHERE pr.ka_account_id = d.ka_account_id AND pp.product_id = l.product_id AND pp.promo_price_e4 = l.price_e4
    AND ${SOLD_ON} BETWEEN pr.start_date AND pr.end_date
    AND (NOT EXISTS (SELECT 1 FROM promotion_stores ps WHERE ps.promotion_id = pr.id)
         OR EXISTS (SELECT 1 FROM promotion_stores ps WHERE ps.promotion_id = pr.id AND ps.store_id = coalesce(l.store_id, d.store_id))))`;

export interface RebateBaseRow {
  accepted_fen: number;
  returns_fen: number;
  excluded_products_fen: number;
  excluded_stores_fen: number;
  excluded_promotions_fen: number;
}

/**
 * The parts of a contract's rebate base between two dates: accepted deliveries (receiving records) and returns of
 * the KA (and the contract's distributor, if it names one) for the contract's manufacturer, and what the
 * contract's exclusions take out of them — excluded products first, then excluded stores, then sales at promotion
 * prices — each net of returns.
 */
export function rebateBaseParts(book: Book, c: ContractRow, from: string, to: string): RebateBaseRow {
  return stmt<[Record<string, unknown>], RebateBaseRow>(book.db, `WITH lines AS (
      SELECT CASE d.kind WHEN 'return' THEN -l.amount_fen ELSE l.amount_fen END AS signed, d.kind,
        EXISTS (SELECT 1 FROM contract_rebate_exclusions x WHERE x.contract_id = @contract AND x.product_id = l.product_id) AS ex_product,
        EXISTS (SELECT 1 FROM contract_rebate_exclusions x WHERE x.contract_id = @contract AND x.store_id = coalesce(l.store_id, d.store_id)) AS ex_store,
        CASE WHEN @promo = 1 THEN ${AT_PROMOTION} ELSE 0 END AS ex_promo
      FROM documents d JOIN document_lines l ON l.document_id = d.id LEFT JOIN products p ON p.id = l.product_id
      WHERE d.kind IN ('receipt', 'return') AND d.ka_account_id = @ka AND d.doc_date BETWEEN @from AND @to
        AND (@distributor IS NULL OR d.distributor_id = @distributor)
        AND coalesce(p.manufacturer_id, d.manufacturer_id, @manufacturer) = @manufacturer)
    SELECT coalesce(sum(CASE WHEN kind = 'receipt' THEN signed END), 0) AS accepted_fen,
      coalesce(-sum(CASE WHEN kind = 'return' THEN signed END), 0) AS returns_fen,
      coalesce(sum(CASE WHEN ex_product THEN signed END), 0) AS excluded_products_fen,
      coalesce(sum(CASE WHEN NOT ex_product AND ex_store THEN signed END), 0) AS excluded_stores_fen,
      coalesce(sum(CASE WHEN NOT ex_product AND NOT ex_store AND ex_promo THEN signed END), 0) AS excluded_promotions_fen
    FROM lines`).get({ contract: c.id, promo: c.rebate_excludes_promotions, ka: c.ka_account_id, from, to, distributor: c.distributor_id, manufacturer: c.manufacturer_id })!;
}

/** What has been posted under a key prefix (accruals, subsidy and price-protection claims), dated up to a period. */
export function postedUnder(book: Book, kind: string, keyPrefix: string, upToPeriod: string): { total_fen: number; documents: number } {
  return stmt<[string, string, string, string], { total_fen: number; documents: number }>(book.db, `SELECT coalesce(sum(total_fen), 0) AS total_fen,
      count(*) AS documents
    FROM documents WHERE kind = ? AND natural_key >= ? AND natural_key < ? || '~' AND period <= ?`).get(kind, keyPrefix, keyPrefix, upToPeriod)!;
}

export function contractsInForce(book: Book, from: string, to: string): ContractRow[] {
  return stmt<[string, string], ContractRow>(book.db, `SELECT id, code, manufacturer_id, ka_account_id, distributor_id, valid_from, valid_to,
      fee_points_ppm, payment_terms_days, settlement_mode, rebate_tier_mode, rebate_basis, rebate_direction, rebate_excludes_promotions
    FROM contracts WHERE valid_from <= ? AND valid_to >= ? ORDER BY code`).all(to, from);
}

export interface SubsidyRow { distributor_id: number; distributor_code: string; region: string; accepted_fen: number }
export interface SubsidyCasesRow { distributor_id: number; region: string; product_id: number; sku: string; case_pack: number; qty_milli: number }
export interface SubsidyDropsRow { distributor_id: number; region: string; drops: number }

const SUBSIDY_SCOPE = `d.ka_account_id = @ka AND d.period = @period AND d.distributor_id IS NOT NULL
  AND coalesce(d.manufacturer_id, @manufacturer) = @manufacturer`;

/** Accepted value per distributor and store region in a month (receiving records). */
export function subsidyAccepted(book: Book, ka: number, manufacturer: number, period: string): SubsidyRow[] {
  return stmt<[Record<string, unknown>], SubsidyRow>(book.db, `SELECT d.distributor_id, di.code AS distributor_code, s.region, sum(d.total_fen) AS accepted_fen
    FROM documents d JOIN stores s ON s.id = d.store_id JOIN distributors di ON di.id = d.distributor_id
    WHERE d.kind = 'receipt' AND ${SUBSIDY_SCOPE} GROUP BY d.distributor_id, s.region ORDER BY di.code, s.region`).all({ ka, manufacturer, period });
}

/** Accepted quantities per distributor, region and product in a month, for amounts per case. */
export function subsidyCases(book: Book, ka: number, manufacturer: number, period: string): SubsidyCasesRow[] {
  return stmt<[Record<string, unknown>], SubsidyCasesRow>(book.db, `SELECT d.distributor_id, s.region, p.id AS product_id, p.sku, p.case_pack, sum(l.qty_milli) AS qty_milli
    FROM documents d JOIN document_lines l ON l.document_id = d.id JOIN stores s ON s.id = coalesce(l.store_id, d.store_id)
      JOIN products p ON p.id = l.product_id
    WHERE d.kind = 'receipt' AND ${SUBSIDY_SCOPE} GROUP BY d.distributor_id, s.region, p.id ORDER BY d.distributor_id, s.region, p.sku`).all({ ka, manufacturer, period });
}

/** Drops — delivery notes — per distributor and region in a month. */
export function subsidyDrops(book: Book, ka: number, manufacturer: number, period: string): SubsidyDropsRow[] {
  return stmt<[Record<string, unknown>], SubsidyDropsRow>(book.db, `SELECT d.distributor_id, s.region, count(*) AS drops
    FROM documents d JOIN stores s ON s.id = d.store_id WHERE d.kind = 'delivery' AND ${SUBSIDY_SCOPE}
    GROUP BY d.distributor_id, s.region`).all({ ka, manufacturer, period });
}

export interface PromotionRow { id: number; code: string; ka_account_id: number; manufacturer_id: number; start_date: string; end_date: string }

export function promotionsOverlapping(book: Book, from: string, to: string): PromotionRow[] {
  return stmt<[string, string], PromotionRow>(book.db, `SELECT id, code, ka_account_id, manufacturer_id, start_date, end_date FROM promotions
    WHERE start_date <= ? AND end_date >= ? ORDER BY start_date, code`).all(to, from);
}

export interface ProtectedRow {
  distributor_id: number; store_id: number; store_code: string; product_id: number; sku: string;
  normal_price_e4: number; promo_price_e4: number; qty_milli: number;
}

/** Quantities stores accepted at the promotion price inside its window (and the dates given), per store and product. */
export function promotionAcceptance(book: Book, promotionId: number, from: string, to: string): ProtectedRow[] {
  return stmt<[Record<string, unknown>], ProtectedRow>(book.db, `SELECT d.distributor_id, s.id AS store_id, s.store_code, p.id AS product_id, p.sku,
      pp.normal_price_e4, pp.promo_price_e4, sum(l.qty_milli) AS qty_milli
    FROM promotions pr JOIN promotion_products pp ON pp.promotion_id = pr.id
      JOIN documents d ON d.ka_account_id = pr.ka_account_id AND d.kind = 'receipt' AND d.doc_date BETWEEN @from AND @to
        AND ${SOLD_ON} BETWEEN pr.start_date AND pr.end_date
      JOIN document_lines l ON l.document_id = d.id AND l.product_id = pp.product_id AND l.price_e4 = pp.promo_price_e4
      JOIN stores s ON s.id = coalesce(l.store_id, d.store_id) JOIN products p ON p.id = l.product_id
    WHERE pr.id = @promotion AND d.distributor_id IS NOT NULL
      AND (NOT EXISTS (SELECT 1 FROM promotion_stores ps WHERE ps.promotion_id = pr.id)
           OR EXISTS (SELECT 1 FROM promotion_stores ps WHERE ps.promotion_id = pr.id AND ps.store_id = s.id))
    GROUP BY d.distributor_id, s.id, p.id ORDER BY s.store_code, p.sku`).all({ promotion: promotionId, from, to });
}

/**
 * Stores signed up for a promotion that were neither supplied nor accepted anything at its price during the whole
 * window (促销协议不执行): `normal_price` when they were supplied the promoted products at another price inside
 * the window (the promotion was not run — a receipt alone is no evidence, since goods ordered before the window
 * arrive at the old price), or `nothing_accepted` when they took none of them at all.
 */
export function promotionNotExecuted(book: Book, promotionId: number): { store_id: number; store_code: string; name: string; distributor_code: string | null; evidence: 'normal_price' | 'nothing_accepted'; other_price_qty: number }[] {
  return stmt<[Record<string, unknown>], { store_id: number; store_code: string; name: string; distributor_code: string | null; evidence: 'normal_price' | 'nothing_accepted'; other_price_qty: number }>(book.db, `WITH taking AS (
      SELECT s.id, s.store_code, s.name, s.distributor_id FROM promotions pr JOIN stores s ON s.ka_account_id = pr.ka_account_id
      WHERE pr.id = @promotion AND (NOT EXISTS (SELECT 1 FROM promotion_stores ps WHERE ps.promotion_id = pr.id)
        OR EXISTS (SELECT 1 FROM promotion_stores ps WHERE ps.promotion_id = pr.id AND ps.store_id = s.id))),
    accepted AS (
      SELECT coalesce(l.store_id, d.store_id) AS store_id,
        sum(CASE WHEN l.price_e4 = pp.promo_price_e4 THEN l.qty_milli ELSE 0 END) AS promo_qty,
        sum(CASE WHEN l.price_e4 <> pp.promo_price_e4 AND d.kind = 'delivery' THEN l.qty_milli ELSE 0 END) AS other_qty
      FROM promotions pr JOIN promotion_products pp ON pp.promotion_id = pr.id
        JOIN documents d ON d.ka_account_id = pr.ka_account_id AND d.kind IN ('delivery', 'receipt') AND d.doc_date BETWEEN pr.start_date AND pr.end_date
          AND ${inForce('d')}
        JOIN document_lines l ON l.document_id = d.id AND l.product_id = pp.product_id
      WHERE pr.id = @promotion GROUP BY 1)
    SELECT t.id AS store_id, t.store_code, t.name, di.code AS distributor_code,
      CASE WHEN coalesce(a.other_qty, 0) > 0 THEN 'normal_price' ELSE 'nothing_accepted' END AS evidence, coalesce(a.other_qty, 0) AS other_price_qty
    FROM taking t LEFT JOIN accepted a ON a.store_id = t.id LEFT JOIN distributors di ON di.id = t.distributor_id
    WHERE coalesce(a.promo_qty, 0) = 0
    ORDER BY evidence DESC, t.store_code`).all({ promotion: promotionId });
}
