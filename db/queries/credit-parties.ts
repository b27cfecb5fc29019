import type { Book } from '../connection.js';
import { stmt } from '../statements.js';

export function kaList(book: Book) {
  return stmt<[], { id: number; code: string; name: string; contact: string | null; phone: string | null }>(book.db, 'SELECT id, code, name, contact, phone FROM ka_accounts ORDER BY code').all();
}

export function storesList(book: Book) {
  return stmt<[], { id: number; store_code: string; name: string; ka_code: string }>(book.db, `SELECT s.id, s.store_code, s.name, k.code AS ka_code
    FROM stores s JOIN ka_accounts k ON k.id = s.ka_account_id ORDER BY k.code, s.store_code`).all();
}

export function distributorsList(book: Book) {
  return stmt<[], { id: number; code: string; name: string; manufacturer_id: number; manufacturer_code: string; manufacturer_name: string }>(book.db, `SELECT d.id, d.code, d.name,
      d.manufacturer_id, m.code AS manufacturer_code, m.name AS manufacturer_name
    FROM distributors d JOIN manufacturers m ON m.id = d.manufacturer_id ORDER BY d.code`).all();
}
