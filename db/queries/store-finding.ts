import type { Book } from '../connection.js';
import { stmt } from '../statements.js';

/** A store as an import finds it: its KA's code, its serving distributor, and the names and codes files use for it. */
export interface FindableStore {
  id: number; store_code: string; name: string; ka_account_id: number; ka_code: string; ka_name: string;
  distributor_id: number | null; distributor_code: string | null; manufacturer_id: number | null;
  erp_customer_code: string | null;
}

const COLS = `s.id, s.store_code, s.name, s.ka_account_id, k.code AS ka_code, k.name AS ka_name, s.distributor_id,
  d.code AS distributor_code, d.manufacturer_id AS manufacturer_id, s.erp_customer_code`;
const FROM = 'FROM stores s JOIN ka_accounts k ON k.id = s.ka_account_id LEFT JOIN distributors d ON d.id = s.distributor_id';

/** Every store of the book (a book has hundreds, a large one a few thousand): a file's store cells are read against them. */
export function findableStores(book: Book): FindableStore[] {
  return stmt<[], FindableStore>(book.db, `SELECT ${COLS} ${FROM} ORDER BY k.code, s.store_code`).all();
}

/** ERP customer codes a user confirmed for a store, with the store they stand for. */
export function customerLinks(book: Book): { customer_code: string; customer_name: string | null; store_id: number; confirmed_by: string; confirmed_at: string }[] {
  return stmt<[], { customer_code: string; customer_name: string | null; store_id: number; confirmed_by: string; confirmed_at: string }>(book.db,
    'SELECT customer_code, customer_name, store_id, confirmed_by, confirmed_at FROM erp_customer_links ORDER BY customer_code').all();
}

export function customerLink(book: Book, customerCode: string): { store_id: number } | undefined {
  return stmt<[string], { store_id: number }>(book.db, 'SELECT store_id FROM erp_customer_links WHERE customer_code = ?').get(customerCode);
}

export function insertCustomerLink(book: Book, r: { customer_code: string; customer_name: string | null; store_id: number; confirmed_by: string }): void {
  stmt(book.db, `INSERT INTO erp_customer_links (customer_code, customer_name, store_id, confirmed_by, confirmed_at)
    VALUES (@customer_code, @customer_name, @store_id, @confirmed_by, @confirmed_at)`).run({ ...r, confirmed_at: new Date().toISOString() });
}

/** The store that already carries this ERP customer code in its master data, if any. */
export function storeWithErpCode(book: Book, erpCustomerCode: string): { id: number; ka_code: string; store_code: string } | undefined {
  return stmt<[string], { id: number; ka_code: string; store_code: string }>(book.db,
    'SELECT s.id, k.code AS ka_code, s.store_code FROM stores s JOIN ka_accounts k ON k.id = s.ka_account_id WHERE s.erp_customer_code = ?').get(erpCustomerCode);
}

/** The store (KA/code) an ERP customer code was confirmed for, if any. */
export function customerLinkedStore(book: Book, customerCode: string): string | undefined {
  const r = stmt<[string], { key: string }>(book.db, `SELECT k.code || '/' || s.store_code AS key FROM erp_customer_links l
    JOIN stores s ON s.id = l.store_id JOIN ka_accounts k ON k.id = s.ka_account_id WHERE l.customer_code = ?`).get(customerCode);
  return r?.key;
}
