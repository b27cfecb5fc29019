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
