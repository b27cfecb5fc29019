import type { Book } from '../connection.js';
import { stmt } from '../statements.js';
import type { Page } from './listings.js';

/** 开票信息: a legal entity a KA's invoices are made out to. */
export interface InvoicingEntityRow {
  id: number; ka_account_id: number; ka_code: string; tax_id: string; name: string; region: string;
  address_phone: string | null; bank_account: string | null;
}

const COLS = `e.id, e.ka_account_id, k.code AS ka_code, e.tax_id, e.name, e.region, e.address_phone, e.bank_account`;

export function insertInvoicingEntity(book: Book, r: Omit<InvoicingEntityRow, 'id' | 'ka_code'>): number {
  return Number(stmt(book.db, `INSERT INTO ka_invoicing_entities (ka_account_id, tax_id, name, region, address_phone, bank_account, created_at)
    VALUES (@ka_account_id, @tax_id, @name, @region, @address_phone, @bank_account, @created_at)`)
    .run({ ...r, created_at: new Date().toISOString() }).lastInsertRowid);
}

export function entityByTaxId(book: Book, taxId: string): InvoicingEntityRow | undefined {
  return stmt<[string], InvoicingEntityRow>(book.db, `SELECT ${COLS} FROM ka_invoicing_entities e JOIN ka_accounts k ON k.id = e.ka_account_id
    WHERE e.tax_id = ?`).get(taxId);
}

export function entitiesOfKa(book: Book, kaAccountId: number): InvoicingEntityRow[] {
  return stmt<[number], InvoicingEntityRow>(book.db, `SELECT ${COLS} FROM ka_invoicing_entities e JOIN ka_accounts k ON k.id = e.ka_account_id
    WHERE e.ka_account_id = ? ORDER BY e.region`).all(kaAccountId);
}

export function listInvoicingEntities(book: Book, page: Page, kaCode?: string) {
  return stmt<[string | null, string | null, number, number], { ka: string; tax_id: string; name: string; region: string; address_phone: string | null; bank_account: string | null }>(book.db,
    `SELECT k.code AS ka, e.tax_id, e.name, e.region, e.address_phone, e.bank_account
     FROM ka_invoicing_entities e JOIN ka_accounts k ON k.id = e.ka_account_id
     WHERE (? IS NULL OR k.code = ?) ORDER BY k.code, e.region, e.tax_id LIMIT ? OFFSET ?`).all(kaCode ?? null, kaCode ?? null, page.limit, page.offset);
}

/** The book's own companies by tax id: which distributor (or manufacturer) an invoice's seller or buyer is. */
export function distributorByTaxId(book: Book, taxId: string): { id: number; code: string; name: string; manufacturer_id: number } | undefined {
  return stmt<[string], { id: number; code: string; name: string; manufacturer_id: number }>(book.db,
    'SELECT id, code, name, manufacturer_id FROM distributors WHERE tax_id = ?').get(taxId);
}

export function manufacturerByTaxId(book: Book, taxId: string): { id: number; code: string; name: string } | undefined {
  return stmt<[string], { id: number; code: string; name: string }>(book.db, 'SELECT id, code, name FROM manufacturers WHERE tax_id = ?').get(taxId);
}

export function distributorTaxId(book: Book, distributorId: number): { code: string; name: string; tax_id: string | null } | undefined {
  return stmt<[number], { code: string; name: string; tax_id: string | null }>(book.db, 'SELECT code, name, tax_id FROM distributors WHERE id = ?').get(distributorId);
}
