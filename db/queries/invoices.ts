import type { Book } from '../connection.js';
import { stmt } from '../statements.js';

/** An invoice's own figures (the document row holds its number, booking date, parties and 价税合计). */
export interface InvoiceRow {
  document_id: number; direction: string; invoice_type: string; colour: string; invoice_code: string | null;
  invoice_number: string; invoice_date: string; seller_tax_id: string; seller_name: string; buyer_tax_id: string;
  buyer_name: string; net_fen: number; tax_fen: number; gross_fen: number; original_number: string | null;
  original_document_id: number | null; red_confirmation_no: string | null; remark: string | null; drawer: string | null;
  source: string;
}

export interface InvoiceItemRow {
  document_id: number; line_no: number; item_name: string; tax_code: string | null; spec: string | null; unit: string | null;
  qty_milli: number | null; unit_price: string | null; net_fen: number; tax_rate_ppm: number; tax_fen: number;
  is_discount: number; product_id: number | null;
}

export function insertInvoice(book: Book, r: InvoiceRow): void {
  stmt(book.db, `INSERT INTO invoices (document_id, direction, invoice_type, colour, invoice_code, invoice_number, invoice_date,
      seller_tax_id, seller_name, buyer_tax_id, buyer_name, net_fen, tax_fen, gross_fen, original_number, original_document_id,
      red_confirmation_no, remark, drawer, source)
    VALUES (@document_id, @direction, @invoice_type, @colour, @invoice_code, @invoice_number, @invoice_date, @seller_tax_id,
      @seller_name, @buyer_tax_id, @buyer_name, @net_fen, @tax_fen, @gross_fen, @original_number, @original_document_id,
      @red_confirmation_no, @remark, @drawer, @source)`).run(r);
}

export function insertInvoiceItem(book: Book, r: InvoiceItemRow): void {
  stmt(book.db, `INSERT INTO invoice_items (document_id, line_no, item_name, tax_code, spec, unit, qty_milli, unit_price, net_fen,
      tax_rate_ppm, tax_fen, is_discount, product_id)
    VALUES (@document_id, @line_no, @item_name, @tax_code, @spec, @unit, @qty_milli, @unit_price, @net_fen, @tax_rate_ppm, @tax_fen,
      @is_discount, @product_id)`).run(r);
}

export function getInvoice(book: Book, documentId: number): InvoiceRow | undefined {
  return stmt<[number], InvoiceRow>(book.db, 'SELECT * FROM invoices WHERE document_id = ?').get(documentId);
}

/** An invoice by the number a red one names: the 20-digit 数电 number, or code and number run together or apart. */
export function invoiceByNumber(book: Book, number: string): InvoiceRow | undefined {
  return stmt<[string, string], InvoiceRow>(book.db, `SELECT i.* FROM invoices i JOIN documents d ON d.id = i.document_id
    WHERE d.natural_key = ? OR i.invoice_number = ? ORDER BY i.document_id LIMIT 1`).get(number, number);
}

export function invoiceItems(book: Book, documentId: number): InvoiceItemRow[] {
  return stmt<[number], InvoiceItemRow>(book.db, 'SELECT * FROM invoice_items WHERE document_id = ? ORDER BY line_no').all(documentId);
}

export function itemCount(book: Book, documentId: number): number {
  return stmt<[number], { n: number }>(book.db, 'SELECT count(*) AS n FROM invoice_items WHERE document_id = ?').get(documentId)!.n;
}

/** Red invoices that name a blue one not yet in the book, by the number they name. */
export function redsAwaitingOriginal(book: Book, number: string): number[] {
  return stmt<[string], { document_id: number }>(book.db, `SELECT document_id FROM invoices
    WHERE colour = 'red' AND original_document_id IS NULL AND original_number = ?`).all(number).map((r) => r.document_id);
}

export function setInvoiceOriginal(book: Book, documentId: number, originalId: number): void {
  stmt(book.db, 'UPDATE invoices SET original_document_id = ? WHERE document_id = ? AND original_document_id IS NULL').run(originalId, documentId);
}

/** The status in force on a date (valid unless a change says otherwise). */
export function invoiceStatusOn(book: Book, documentId: number, date: string): string {
  return stmt<[number, string], { status: string }>(book.db, `SELECT status FROM invoice_status_changes
    WHERE document_id = ? AND effective_date <= ? ORDER BY effective_date DESC, id DESC LIMIT 1`).get(documentId, date)?.status ?? 'valid';
}

/** The latest status, whatever its date. */
export function latestInvoiceStatus(book: Book, documentId: number): { status: string; effective_date: string | null } {
  return stmt<[number], { status: string; effective_date: string }>(book.db, `SELECT status, effective_date FROM invoice_status_changes
    WHERE document_id = ? ORDER BY effective_date DESC, id DESC LIMIT 1`).get(documentId) ?? { status: 'valid', effective_date: null };
}

export function insertStatusChange(book: Book, r: { document_id: number; status: string; effective_date: string; reason: string; changed_by: string }): void {
  stmt(book.db, `INSERT INTO invoice_status_changes (document_id, status, effective_date, period, reason, changed_by, changed_at)
    VALUES (@document_id, @status, @effective_date, @period, @reason, @changed_by, @changed_at)`)
    .run({ ...r, period: r.effective_date.slice(0, 7), changed_at: new Date().toISOString() });
}

export function statusHistory(book: Book, documentId: number) {
  return stmt<[number], { status: string; effective_date: string; reason: string; changed_by: string; changed_at: string }>(book.db,
    `SELECT status, effective_date, reason, changed_by, changed_at FROM invoice_status_changes WHERE document_id = ? ORDER BY effective_date, id`).all(documentId);
}

/**
 * A product an invoice line names: by its 税收分类编码 and name, else by name alone. Invoice names carry the tax
 * category in asterisks (*糕点*好丽友派), which the caller has taken off.
 */
export function productsNamed(book: Book, name: string): { id: number; sku: string; tax_code: string | null; spec: string | null }[] {
  return stmt<[string, string], { id: number; sku: string; tax_code: string | null; spec: string | null }>(book.db,
    'SELECT id, sku, tax_code, spec FROM products WHERE name = ? OR sku = ? ORDER BY id LIMIT 5').all(name, name);
}

/** Whether the book holds any invoice (a statement gains its invoice section only then). */
export function bookHasInvoices(book: Book): boolean {
  return stmt<[], { n: number }>(book.db, `SELECT count(*) AS n FROM (SELECT 1 FROM invoices LIMIT 1)`).get()!.n > 0;
}
