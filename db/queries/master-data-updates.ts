import type { Book } from '../connection.js';
import { stmt } from '../statements.js';

/**
 * Changes to master data made in the window's forms: the descriptive columns only. A record's identity (its code,
 * a store's KA and number, a contract's KA and manufacturer) never changes; documents keep pointing at it.
 */
export function updateManufacturer(book: Book, code: string, r: { name: string }): number {
  return stmt(book.db, 'UPDATE manufacturers SET name = @name WHERE code = @code').run({ ...r, code }).changes;
}

export function updateDistributor(book: Book, code: string, r: { name: string; manufacturer_id: number; region: string | null; contact: string | null; phone: string | null }): number {
  return stmt(book.db, `UPDATE distributors SET name = @name, manufacturer_id = @manufacturer_id, region = @region, contact = @contact, phone = @phone
    WHERE code = @code`).run({ ...r, code }).changes;
}

export function updateKaAccount(book: Book, code: string, r: { name: string; payment_terms_days: number; contact: string | null; phone: string | null }): number {
  return stmt(book.db, `UPDATE ka_accounts SET name = @name, payment_terms_days = @payment_terms_days, contact = @contact, phone = @phone
    WHERE code = @code`).run({ ...r, code }).changes;
}

export function updateStore(book: Book, kaAccountId: number, storeCode: string, r: {
  name: string; region: string; city: string | null; distributor_id: number | null; opened_on: string | null; erp_customer_code: string | null;
}): number {
  return stmt(book.db, `UPDATE stores SET name = @name, region = @region, city = @city, distributor_id = @distributor_id, opened_on = @opened_on,
    erp_customer_code = @erp_customer_code
    WHERE ka_account_id = @ka AND store_code = @store_code`).run({ ...r, ka: kaAccountId, store_code: storeCode }).changes;
}

export function updateProduct(book: Book, sku: string, r: { barcode: string | null; name: string; spec: string | null; case_pack: number; vat_rate_ppm: number; manufacturer_id: number | null }): number {
  return stmt(book.db, `UPDATE products SET barcode = @barcode, name = @name, spec = @spec, case_pack = @case_pack, vat_rate_ppm = @vat_rate_ppm,
      manufacturer_id = @manufacturer_id WHERE sku = @sku`).run({ ...r, sku }).changes;
}

export function updateContractHeader(book: Book, id: number, r: {
  distributor_id: number | null; valid_from: string; valid_to: string; fee_points_ppm: number; payment_terms_days: number; settlement_mode: string;
  rebate_tier_mode: string; rebate_basis: string; rebate_direction: string; rebate_excludes_promotions: number;
}): void {
  stmt(book.db, `UPDATE contracts SET distributor_id = @distributor_id, valid_from = @valid_from, valid_to = @valid_to, fee_points_ppm = @fee_points_ppm,
      payment_terms_days = @payment_terms_days, settlement_mode = @settlement_mode, rebate_tier_mode = @rebate_tier_mode, rebate_basis = @rebate_basis,
      rebate_direction = @rebate_direction, rebate_excludes_promotions = @rebate_excludes_promotions WHERE id = @id`).run({ ...r, id });
}

/** A contract's terms go before they are written again from the edited contract (in the same transaction). */
export function deleteContractTerms(book: Book, id: number): void {
  for (const table of ['contract_fee_terms', 'contract_rebate_tiers', 'contract_rebate_exclusions', 'contract_delivery_cost']) {
    stmt(book.db, `DELETE FROM ${table} WHERE contract_id = ?`).run(id);
  }
}
