import type { Book } from '../connection.js';
import { stmt } from '../statements.js';
import type { AuxParty, CustomerSource } from '../../vocabulary/index.js';

/** The book's own chart (accounts), the company's chart as its GL exported it, and the mapping between them. */

export interface BookAccountRow { code: string; name_zh: string; name_en: string; kind: string }
export interface GlChartRow { gl_code: string; gl_name: string; full_name: string | null; aux_text: string | null; is_leaf: 0 | 1 }
export interface GlAccountRow {
  account: string; gl_code: string; gl_name: string; aux_customer: CustomerSource; aux_supplier: 0 | 1; aux_department: 0 | 1;
  changed_by: string; changed_at: string;
}
export interface GlAuxItemRow { party: AuxParty; party_id: number; gl_code: string; gl_name: string; changed_by: string; changed_at: string }

export function bookAccounts(book: Book): BookAccountRow[] {
  return stmt<[], BookAccountRow>(book.db, 'SELECT code, name_zh, name_en, kind FROM accounts ORDER BY code').all();
}

/** The accounts the entries of a month use, with how many entries each. */
export function accountsUsedIn(book: Book, period: string): { account: string; entries: number }[] {
  return stmt<[string], { account: string; entries: number }>(book.db,
    'SELECT account, count(*) AS entries FROM entries WHERE period = ? AND amount_fen <> 0 GROUP BY account ORDER BY account').all(period);
}

export function glChart(book: Book): GlChartRow[] {
  return stmt<[], GlChartRow>(book.db, 'SELECT gl_code, gl_name, full_name, aux_text, is_leaf FROM gl_chart ORDER BY gl_code').all();
}

export function glChartEntry(book: Book, code: string): GlChartRow | undefined {
  return stmt<[string], GlChartRow>(book.db, 'SELECT gl_code, gl_name, full_name, aux_text, is_leaf FROM gl_chart WHERE gl_code = ?').get(code);
}

export function glChartSize(book: Book): number {
  return stmt<[], { n: number }>(book.db, 'SELECT count(*) AS n FROM gl_chart').get()!.n;
}

/** Replaces the company's chart with a new import (inside the caller's transaction). */
export function replaceGlChart(book: Book, rows: GlChartRow[]): void {
  stmt(book.db, 'DELETE FROM gl_chart').run();
  const insert = stmt(book.db, 'INSERT INTO gl_chart (gl_code, gl_name, full_name, aux_text, is_leaf) VALUES (?, ?, ?, ?, ?)');
  for (const r of rows) insert.run(r.gl_code, r.gl_name, r.full_name, r.aux_text, r.is_leaf);
}

export function glAccounts(book: Book): GlAccountRow[] {
  return stmt<[], GlAccountRow>(book.db, `SELECT account, gl_code, gl_name, aux_customer, aux_supplier, aux_department, changed_by, changed_at
    FROM gl_accounts ORDER BY account`).all();
}

export function upsertGlAccount(book: Book, r: Omit<GlAccountRow, 'changed_at'>): void {
  stmt(book.db, `INSERT INTO gl_accounts (account, gl_code, gl_name, aux_customer, aux_supplier, aux_department, changed_by, changed_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (account) DO UPDATE SET gl_code = excluded.gl_code, gl_name = excluded.gl_name, aux_customer = excluded.aux_customer,
      aux_supplier = excluded.aux_supplier, aux_department = excluded.aux_department, changed_by = excluded.changed_by, changed_at = excluded.changed_at`)
    .run(r.account, r.gl_code, r.gl_name, r.aux_customer, r.aux_supplier, r.aux_department, r.changed_by, new Date().toISOString());
}

export function glAuxItems(book: Book): GlAuxItemRow[] {
  return stmt<[], GlAuxItemRow>(book.db, 'SELECT party, party_id, gl_code, gl_name, changed_by, changed_at FROM gl_aux_items ORDER BY party, party_id').all();
}

export function upsertGlAuxItem(book: Book, r: Omit<GlAuxItemRow, 'changed_at'>): void {
  stmt(book.db, `INSERT INTO gl_aux_items (party, party_id, gl_code, gl_name, changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (party, party_id) DO UPDATE SET gl_code = excluded.gl_code, gl_name = excluded.gl_name, changed_by = excluded.changed_by,
      changed_at = excluded.changed_at`)
    .run(r.party, r.party_id, r.gl_code, r.gl_name, r.changed_by, new Date().toISOString());
}

export function deleteGlAuxItem(book: Book, party: AuxParty, partyId: number): void {
  stmt(book.db, 'DELETE FROM gl_aux_items WHERE party = ? AND party_id = ?').run(party, partyId);
}

/** The parties that can stand for a 核算项目, with their own code and name (a store's code is its KA's code and its own). */
export interface AuxPartyRow { party: AuxParty; party_id: number; code: string; name: string }

export function auxParties(book: Book): AuxPartyRow[] {
  return stmt<[], AuxPartyRow>(book.db, `SELECT 'ka' AS party, id AS party_id, code, name FROM ka_accounts
    UNION ALL SELECT 'store', s.id, k.code || '-' || s.store_code, s.name FROM stores s JOIN ka_accounts k ON k.id = s.ka_account_id
    UNION ALL SELECT 'manufacturer', id, code, name FROM manufacturers
    UNION ALL SELECT 'distributor', id, code, name FROM distributors
    ORDER BY 1, 3`).all();
}
