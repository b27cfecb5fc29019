import type { Book } from '../connection.js';
import { stmt } from '../statements.js';

/** Read-only listings for `ka-settle show` and, later, the window's grids. Always paged. */
export interface Page { limit: number; offset: number }

export function listManufacturers(book: Book, page: Page) {
  return stmt<[number, number], { code: string; name: string }>(book.db,
    'SELECT code, name FROM manufacturers ORDER BY code LIMIT ? OFFSET ?').all(page.limit, page.offset);
}

export function listDistributors(book: Book, page: Page) {
  return stmt<[number, number], { code: string; name: string; manufacturer: string; region: string | null; stores: number }>(book.db,
    `SELECT d.code, d.name, m.code AS manufacturer, d.region, (SELECT count(*) FROM stores s WHERE s.distributor_id = d.id) AS stores
     FROM distributors d JOIN manufacturers m ON m.id = d.manufacturer_id ORDER BY d.code LIMIT ? OFFSET ?`).all(page.limit, page.offset);
}

export function listKaAccounts(book: Book, page: Page) {
  return stmt<[number, number], { code: string; name: string; payment_terms_days: number; stores: number }>(book.db,
    `SELECT k.code, k.name, k.payment_terms_days, (SELECT count(*) FROM stores s WHERE s.ka_account_id = k.id) AS stores
     FROM ka_accounts k ORDER BY k.code LIMIT ? OFFSET ?`).all(page.limit, page.offset);
}

export function listStores(book: Book, page: Page, kaCode?: string) {
  return stmt<[string | null, string | null, number, number], { ka: string; store_code: string; name: string; region: string; city: string | null; distributor: string | null; erp_customer_code: string | null }>(book.db,
    `SELECT k.code AS ka, s.store_code, s.name, s.region, s.city, d.code AS distributor, s.erp_customer_code
     FROM stores s JOIN ka_accounts k ON k.id = s.ka_account_id LEFT JOIN distributors d ON d.id = s.distributor_id
     WHERE (? IS NULL OR k.code = ?) ORDER BY k.code, s.store_code LIMIT ? OFFSET ?`).all(kaCode ?? null, kaCode ?? null, page.limit, page.offset);
}

export function listProducts(book: Book, page: Page) {
  return stmt<[number, number], { sku: string; barcode: string | null; name: string; spec: string | null; case_pack: number; vat_rate_ppm: number }>(book.db,
    'SELECT sku, barcode, name, spec, case_pack, vat_rate_ppm FROM products ORDER BY sku LIMIT ? OFFSET ?').all(page.limit, page.offset);
}

export function listPrices(book: Book, page: Page, kaCode?: string) {
  return stmt<[string | null, string | null, number, number], { ka: string; sku: string; region: string; price_e4: number; valid_from: string; valid_to: string }>(book.db,
    `SELECT k.code AS ka, p.sku, pr.region, pr.price_e4, pr.valid_from, pr.valid_to
     FROM prices pr JOIN ka_accounts k ON k.id = pr.ka_account_id JOIN products p ON p.id = pr.product_id
     WHERE (? IS NULL OR k.code = ?) ORDER BY k.code, p.sku, pr.region, pr.valid_from LIMIT ? OFFSET ?`).all(kaCode ?? null, kaCode ?? null, page.limit, page.offset);
}

export function listContracts(book: Book, page: Page) {
  return stmt<[number, number], { code: string; manufacturer: string; ka: string; distributor: string | null; valid_from: string; valid_to: string; fee_points_ppm: number; payment_terms_days: number; settlement_mode: string; rebate_tier_mode: string; rebate_direction: string }>(book.db,
    `SELECT c.code, m.code AS manufacturer, k.code AS ka, d.code AS distributor, c.valid_from, c.valid_to, c.fee_points_ppm,
       c.payment_terms_days, c.settlement_mode, c.rebate_tier_mode, c.rebate_direction
     FROM contracts c JOIN manufacturers m ON m.id = c.manufacturer_id JOIN ka_accounts k ON k.id = c.ka_account_id
     LEFT JOIN distributors d ON d.id = c.distributor_id ORDER BY c.code LIMIT ? OFFSET ?`).all(page.limit, page.offset);
}

export function listPromotions(book: Book, page: Page) {
  return stmt<[number, number], { code: string; ka: string; name: string; kind: string; start_date: string; end_date: string; products: number; stores: number }>(book.db,
    `SELECT p.code, k.code AS ka, p.name, p.kind, p.start_date, p.end_date,
       (SELECT count(*) FROM promotion_products x WHERE x.promotion_id = p.id) AS products,
       (SELECT count(*) FROM promotion_stores x WHERE x.promotion_id = p.id) AS stores
     FROM promotions p JOIN ka_accounts k ON k.id = p.ka_account_id ORDER BY p.start_date, p.code LIMIT ? OFFSET ?`).all(page.limit, page.offset);
}

/** `docNo` finds a document and its other versions and reversals by the start of its number. */
export interface DocumentFilter { kind?: string; period?: string; kaCode?: string; distributorCode?: string; batchId?: number; docNo?: string }

export function listDocuments(book: Book, filter: DocumentFilter, page: Page) {
  const params = { kind: filter.kind ?? null, period: filter.period ?? null, ka: filter.kaCode ?? null,
    distributor: filter.distributorCode ?? null, batch: filter.batchId ?? null, doc: filter.docNo ?? null, limit: page.limit, offset: page.offset };
  return stmt<[typeof params], { id: number; kind: string; natural_key: string; version: number; doc_no: string; doc_date: string; ka: string | null; store: string | null; distributor: string | null; order_no: string | null; method: string | null; due_date: string | null; total_fen: number; lines: number; status: string; reverses_id: number | null; reversed_by: number | null }>(book.db,
    `SELECT d.id, d.kind, d.natural_key, d.version, d.doc_no, d.doc_date, k.code AS ka, s.store_code AS store, di.code AS distributor,
       d.order_no, d.method, d.due_date, d.total_fen, (SELECT count(*) FROM document_lines l WHERE l.document_id = d.id) AS lines, d.status,
       d.reverses_id, (SELECT r.id FROM documents r WHERE r.reverses_id = d.id) AS reversed_by
     FROM documents d LEFT JOIN ka_accounts k ON k.id = d.ka_account_id LEFT JOIN stores s ON s.id = d.store_id
     LEFT JOIN distributors di ON di.id = d.distributor_id
     WHERE (@kind IS NULL OR d.kind = @kind) AND (@period IS NULL OR d.period = @period) AND (@ka IS NULL OR k.code = @ka)
       AND (@distributor IS NULL OR di.code = @distributor) AND (@batch IS NULL OR d.batch_id = @batch)
       AND (@doc IS NULL OR substr(d.doc_no, 1, length(@doc)) = @doc)
     ORDER BY d.doc_date, d.id LIMIT @limit OFFSET @offset`).all(params);
}

export function findDocumentIds(book: Book, key: string): number[] {
  return stmt<[string, string], { id: number }>(book.db,
    'SELECT id FROM documents WHERE natural_key = ? OR doc_no = ? ORDER BY id LIMIT 20').all(key, key).map((r) => r.id);
}

export function documentLineDetails(book: Book, documentId: number) {
  return stmt<[number], { line_no: number; store: string | null; sku: string | null; product: string | null; order_no: string | null; qty_milli: number | null; price_e4: number | null; amount_fen: number; fee_type: string | null; fee_text: string | null; reference: string | null }>(book.db,
    `SELECT l.line_no, s.store_code AS store, p.sku, p.name AS product, l.order_no, l.qty_milli, l.price_e4, l.amount_fen,
       l.fee_type, l.fee_text, l.reference
     FROM document_lines l LEFT JOIN stores s ON s.id = l.store_id LEFT JOIN products p ON p.id = l.product_id
     WHERE l.document_id = ? ORDER BY l.line_no`).all(documentId);
}

export function listInjections(book: Book, page: Page, kind?: string) {
  return stmt<[string | null, string | null, number, number], { kind: string; natural_key: string; line_no: number | null; detail_json: string }>(book.db,
    'SELECT kind, natural_key, line_no, detail_json FROM demo_injections WHERE (? IS NULL OR kind = ?) ORDER BY id LIMIT ? OFFSET ?')
    .all(kind ?? null, kind ?? null, page.limit, page.offset);
}

export function injectionCounts(book: Book) {
  return stmt<[], { kind: string; n: number }>(book.db, 'SELECT kind, count(*) AS n FROM demo_injections GROUP BY kind ORDER BY kind').all();
}

export function insertInjection(book: Book, r: { kind: string; natural_key: string; line_no: number | null; detail_json: string }): void {
  stmt(book.db, 'INSERT INTO demo_injections (kind, natural_key, line_no, detail_json) VALUES (@kind, @natural_key, @line_no, @detail_json)').run(r);
}
