import type { Book } from '../connection.js';
import { stmt } from '../statements.js';

export interface PromotionRow {
  id: number; code: string; ka_account_id: number; manufacturer_id: number; name: string;
  kind: 'special' | 'dm' | 'national'; start_date: string; end_date: string;
}
export interface PromotionProductRow { promotion_id: number; product_id: number; normal_price_e4: number; promo_price_e4: number }

export function insertPromotion(book: Book, r: Omit<PromotionRow, 'id'>): number {
  return Number(stmt(book.db, `INSERT INTO promotions (code, ka_account_id, manufacturer_id, name, kind, start_date, end_date, created_at)
    VALUES (@code, @ka_account_id, @manufacturer_id, @name, @kind, @start_date, @end_date, @created_at)`)
    .run({ ...r, created_at: new Date().toISOString() }).lastInsertRowid);
}

export function insertPromotionProduct(book: Book, r: PromotionProductRow): void {
  stmt(book.db, `INSERT INTO promotion_products (promotion_id, product_id, normal_price_e4, promo_price_e4)
    VALUES (@promotion_id, @product_id, @normal_price_e4, @promo_price_e4)`).run(r);
}

export function insertPromotionStore(book: Book, promotionId: number, storeId: number): void {
  stmt(book.db, 'INSERT INTO promotion_stores (promotion_id, store_id) VALUES (?, ?)').run(promotionId, storeId);
}

/** One promotion as a form shows it: header, products with both prices, the stores taking part. */
export function promotionDetail(book: Book, code: string) {
  const head = stmt<[string], { code: string; ka: string; manufacturer: string; name: string; kind: string; start_date: string; end_date: string; id: number }>(book.db,
    `SELECT p.id, p.code, k.code AS ka, m.code AS manufacturer, p.name, p.kind, p.start_date, p.end_date
     FROM promotions p JOIN ka_accounts k ON k.id = p.ka_account_id JOIN manufacturers m ON m.id = p.manufacturer_id WHERE p.code = ?`).get(code);
  if (!head) return undefined;
  const products = stmt<[number], { sku: string; name: string; normal_price_e4: number; promo_price_e4: number }>(book.db,
    `SELECT pr.sku, pr.name, x.normal_price_e4, x.promo_price_e4 FROM promotion_products x JOIN products pr ON pr.id = x.product_id
     WHERE x.promotion_id = ? ORDER BY pr.sku`).all(head.id);
  const stores = stmt<[number], { store_code: string }>(book.db,
    'SELECT s.store_code FROM promotion_stores x JOIN stores s ON s.id = x.store_id WHERE x.promotion_id = ? ORDER BY s.store_code').all(head.id).map((s) => s.store_code);
  const { id: _id, ...rest } = head;
  return { ...rest, products, stores };
}
