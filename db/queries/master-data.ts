import type { Book } from '../connection.js';
import { stmt } from '../statements.js';

/** Rows as stored; money in fen, prices in 1/10,000 yuan, rates in ppm. */
export interface ManufacturerRow { id: number; code: string; name: string }
export interface DistributorRow {
  id: number; code: string; name: string; manufacturer_id: number; region: string | null;
  contact: string | null; phone: string | null;
}
export interface KaAccountRow {
  id: number; code: string; name: string; payment_terms_days: number; contact: string | null; phone: string | null;
}
export interface StoreRow {
  id: number; ka_account_id: number; store_code: string; name: string; region: string; city: string | null;
  distributor_id: number | null; opened_on: string | null;
  /** the distributor's own ERP customer code for this store (用友/金蝶 客户编码), if given */
  erp_customer_code: string | null;
}
export interface ProductRow {
  id: number; sku: string; barcode: string | null; name: string; spec: string | null; case_pack: number;
  vat_rate_ppm: number; manufacturer_id: number | null;
}
export interface PriceRow {
  id: number; ka_account_id: number; product_id: number; region: string; price_e4: number;
  valid_from: string; valid_to: string;
}

const now = () => new Date().toISOString();

export function insertManufacturer(book: Book, r: Omit<ManufacturerRow, 'id'>): number {
  return Number(stmt(book.db, 'INSERT INTO manufacturers (code, name, created_at) VALUES (?, ?, ?)')
    .run(r.code, r.name, now()).lastInsertRowid);
}

export function insertDistributor(book: Book, r: Omit<DistributorRow, 'id'>): number {
  return Number(stmt(book.db, `INSERT INTO distributors (code, name, manufacturer_id, region, contact, phone, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?)`).run(r.code, r.name, r.manufacturer_id, r.region, r.contact, r.phone, now()).lastInsertRowid);
}

export function insertKaAccount(book: Book, r: Omit<KaAccountRow, 'id'>): number {
  return Number(stmt(book.db, `INSERT INTO ka_accounts (code, name, payment_terms_days, contact, phone, created_at)
    VALUES (?, ?, ?, ?, ?, ?)`).run(r.code, r.name, r.payment_terms_days, r.contact, r.phone, now()).lastInsertRowid);
}

export function insertStore(book: Book, r: Omit<StoreRow, 'id'>): number {
  return Number(stmt(book.db, `INSERT INTO stores (ka_account_id, store_code, name, region, city, distributor_id, opened_on, erp_customer_code, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(r.ka_account_id, r.store_code, r.name, r.region, r.city, r.distributor_id, r.opened_on, r.erp_customer_code, now()).lastInsertRowid);
}

export function insertProduct(book: Book, r: Omit<ProductRow, 'id'>): number {
  return Number(stmt(book.db, `INSERT INTO products (sku, barcode, name, spec, case_pack, vat_rate_ppm, manufacturer_id, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(r.sku, r.barcode, r.name, r.spec, r.case_pack, r.vat_rate_ppm, r.manufacturer_id, now()).lastInsertRowid);
}

export function insertProductAlias(book: Book, kaAccountId: number, kaItemCode: string, productId: number): void {
  stmt(book.db, 'INSERT INTO product_aliases (ka_account_id, ka_item_code, product_id) VALUES (?, ?, ?)')
    .run(kaAccountId, kaItemCode, productId);
}

export function insertPrice(book: Book, r: Omit<PriceRow, 'id'>): number {
  return Number(stmt(book.db, `INSERT INTO prices (ka_account_id, product_id, region, price_e4, valid_from, valid_to, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?)`)
    .run(r.ka_account_id, r.product_id, r.region, r.price_e4, r.valid_from, r.valid_to, now()).lastInsertRowid);
}

export function findManufacturer(book: Book, code: string): ManufacturerRow | undefined {
  return stmt<[string], ManufacturerRow>(book.db, 'SELECT id, code, name FROM manufacturers WHERE code = ?').get(code);
}
export function findDistributor(book: Book, code: string): DistributorRow | undefined {
  return stmt<[string], DistributorRow>(book.db,
    'SELECT id, code, name, manufacturer_id, region, contact, phone FROM distributors WHERE code = ?').get(code);
}
export function findKaAccount(book: Book, code: string): KaAccountRow | undefined {
  return stmt<[string], KaAccountRow>(book.db,
    'SELECT id, code, name, payment_terms_days, contact, phone FROM ka_accounts WHERE code = ?').get(code);
}
export function getKaAccount(book: Book, id: number): KaAccountRow | undefined {
  return stmt<[number], KaAccountRow>(book.db,
    'SELECT id, code, name, payment_terms_days, contact, phone FROM ka_accounts WHERE id = ?').get(id);
}
export function findStore(book: Book, kaAccountId: number, storeCode: string): StoreRow | undefined {
  return stmt<[number, string], StoreRow>(book.db, `SELECT id, ka_account_id, store_code, name, region, city, distributor_id, opened_on,
    erp_customer_code FROM stores WHERE ka_account_id = ? AND store_code = ?`).get(kaAccountId, storeCode);
}
/** A product by SKU, by barcode, or by the KA's own item code, in that order. */
export function findProduct(book: Book, code: string, kaAccountId?: number): ProductRow | undefined {
  const cols = 'p.id, p.sku, p.barcode, p.name, p.spec, p.case_pack, p.vat_rate_ppm, p.manufacturer_id';
  return (
    stmt<[string], ProductRow>(book.db, `SELECT ${cols} FROM products p WHERE p.sku = ?`).get(code) ??
    stmt<[string], ProductRow>(book.db, `SELECT ${cols} FROM products p WHERE p.barcode = ?`).get(code) ??
    (kaAccountId === undefined
      ? undefined
      : stmt<[number, string], ProductRow>(book.db, `SELECT ${cols} FROM products p
          JOIN product_aliases a ON a.product_id = p.id WHERE a.ka_account_id = ? AND a.ka_item_code = ?`).get(kaAccountId, code))
  );
}

/** The supply price valid on a date: a region-specific row beats the all-regions row. */
export function priceOn(book: Book, kaAccountId: number, productId: number, date: string, region = ''): number | undefined {
  const row = stmt<[number, number, string, string, string], { price_e4: number }>(book.db, `SELECT price_e4 FROM prices
    WHERE ka_account_id = ? AND product_id = ? AND valid_from <= ? AND valid_to >= ? AND region IN ('', ?)
    ORDER BY region DESC, valid_from DESC LIMIT 1`).get(kaAccountId, productId, date, date, region);
  return row?.price_e4;
}

export function countMasterData(book: Book): Record<string, number> {
  const row = stmt<[], Record<string, number>>(book.db, `SELECT
    (SELECT count(*) FROM manufacturers) AS manufacturers,
    (SELECT count(*) FROM distributors) AS distributors,
    (SELECT count(*) FROM ka_accounts) AS kaAccounts,
    (SELECT count(*) FROM stores) AS stores,
    (SELECT count(*) FROM products) AS products,
    (SELECT count(*) FROM prices) AS prices,
    (SELECT count(*) FROM contracts) AS contracts,
    (SELECT count(*) FROM promotions) AS promotions`).get()!;
  return row;
}

export function getProduct(book: Book, id: number): ProductRow | undefined {
  return stmt<[number], ProductRow>(book.db,
    'SELECT id, sku, barcode, name, spec, case_pack, vat_rate_ppm, manufacturer_id FROM products WHERE id = ?').get(id);
}
