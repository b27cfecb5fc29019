import type { Book } from '../connection.js';
import { stmt } from '../statements.js';

export interface StoreMatch {
  id: number; store_code: string; ka_account_id: number; ka_code: string; distributor_id: number | null;
  distributor_code: string | null; manufacturer_id: number | null;
}

const STORE_COLS = `s.id, s.store_code, s.ka_account_id, k.code AS ka_code, s.distributor_id, d.code AS distributor_code,
  d.manufacturer_id AS manufacturer_id`;

/** Stores with this code in any KA: a file without a KA column names its stores by code alone. */
export function storesByCode(book: Book, storeCode: string): StoreMatch[] {
  return stmt<[string], StoreMatch>(book.db, `SELECT ${STORE_COLS} FROM stores s JOIN ka_accounts k ON k.id = s.ka_account_id
    LEFT JOIN distributors d ON d.id = s.distributor_id WHERE s.store_code = ? ORDER BY k.code`).all(storeCode);
}

export function storeOfKa(book: Book, kaAccountId: number, storeCode: string): StoreMatch | undefined {
  return stmt<[number, string], StoreMatch>(book.db, `SELECT ${STORE_COLS} FROM stores s JOIN ka_accounts k ON k.id = s.ka_account_id
    LEFT JOIN distributors d ON d.id = s.distributor_id WHERE s.ka_account_id = ? AND s.store_code = ?`).get(kaAccountId, storeCode);
}

export function aliasProduct(book: Book, kaAccountId: number, kaItemCode: string): number | undefined {
  return stmt<[number, string], { product_id: number }>(book.db,
    'SELECT product_id FROM product_aliases WHERE ka_account_id = ? AND ka_item_code = ?').get(kaAccountId, kaItemCode)?.product_id;
}

export function batchesOfFile(book: Book, sha256: string): { id: number; created_at: string; description: string }[] {
  return stmt<[string], { id: number; created_at: string; description: string }>(book.db,
    'SELECT id, created_at, description FROM batches WHERE file_sha256 = ? ORDER BY id').all(sha256);
}

export function distributorWithManufacturer(book: Book, code: string): { id: number; manufacturer_id: number; manufacturer_code: string } | undefined {
  return stmt<[string], { id: number; manufacturer_id: number; manufacturer_code: string }>(book.db, `SELECT d.id, d.manufacturer_id,
    m.code AS manufacturer_code FROM distributors d JOIN manufacturers m ON m.id = d.manufacturer_id WHERE d.code = ?`).get(code);
}

/** The manufacturer's code when the book holds exactly one. */
export function onlyManufacturerCode(book: Book): string | undefined {
  const rows = stmt<[], { code: string }>(book.db, 'SELECT code FROM manufacturers LIMIT 2').all();
  return rows.length === 1 ? rows[0]!.code : undefined;
}
