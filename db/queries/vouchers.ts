import type { Book } from '../connection.js';
import { stmt } from '../statements.js';
import type { VoucherGrouping } from '../../vocabulary/index.js';

/** The month's postings not yet handed to the GL, and the vouchers that were: what they carry and how they read. */

/** One entry of a document no voucher carries yet, with the names its 摘要 and 核算项目 need. */
export interface PendingEntryRow {
  document_id: number; kind: string; doc_no: string; doc_date: string; method: string | null; memo: string | null;
  reverses_id: number | null; reversed_doc_no: string | null; fee_types: string | null;
  line_no: number; account: string; amount_fen: number;
  ka_account_id: number | null; ka_code: string | null; ka_name: string | null;
  store_id: number | null; store_code: string | null; store_name: string | null;
  manufacturer_id: number | null; manufacturer_code: string | null; manufacturer_name: string | null;
  distributor_id: number | null; distributor_code: string | null; distributor_name: string | null;
}

/**
 * Every non-zero entry of the month's documents that no voucher carries, in date, kind and document order.
 * Deliveries and KA statements post nothing and so never appear.
 */
export function pendingEntries(book: Book, period: string): PendingEntryRow[] {
  return stmt<[string], PendingEntryRow>(book.db, `SELECT d.id AS document_id, d.kind, d.doc_no, d.doc_date, d.method, d.memo,
      d.reverses_id, o.doc_no AS reversed_doc_no,
      (SELECT group_concat(fee_type, ',') FROM (SELECT DISTINCT l.fee_type FROM document_lines l
         WHERE l.document_id = d.id AND l.fee_type IS NOT NULL ORDER BY l.fee_type)) AS fee_types,
      e.line_no, e.account, e.amount_fen,
      e.ka_account_id, k.code AS ka_code, k.name AS ka_name,
      e.store_id, s.store_code, s.name AS store_name,
      e.manufacturer_id, m.code AS manufacturer_code, m.name AS manufacturer_name,
      e.distributor_id, di.code AS distributor_code, di.name AS distributor_name
    FROM documents d
    JOIN entries e ON e.document_id = d.id
    LEFT JOIN documents o ON o.id = d.reverses_id
    LEFT JOIN ka_accounts k ON k.id = e.ka_account_id
    LEFT JOIN stores s ON s.id = e.store_id
    LEFT JOIN manufacturers m ON m.id = e.manufacturer_id
    LEFT JOIN distributors di ON di.id = e.distributor_id
    WHERE d.period = ? AND e.amount_fen <> 0
      AND NOT EXISTS (SELECT 1 FROM voucher_documents vd WHERE vd.document_id = d.id)
    ORDER BY d.doc_date, d.kind, d.reverses_id IS NOT NULL, d.id, e.line_no`).all(period);
}

/** The highest voucher number used in a month under a 凭证字 (0 when none). */
export function lastVoucherNumber(book: Book, period: string, word: string): number {
  return stmt<[string, string], { n: number | null }>(book.db, 'SELECT max(number) AS n FROM vouchers WHERE period = ? AND word = ?').get(period, word)?.n ?? 0;
}

export function insertVoucherExport(book: Book, r: { period: string; grouping: VoucherGrouping; layout: string; file_name: string; file_sha256: string; created_by: string }): number {
  return Number(stmt(book.db, `INSERT INTO voucher_exports (period, grouping, layout, file_name, file_sha256, created_by, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?)`).run(r.period, r.grouping, r.layout, r.file_name, r.file_sha256, r.created_by, new Date().toISOString()).lastInsertRowid);
}

export interface VoucherRow {
  id: number; export_id: number; period: string; word: string; number: number; voucher_date: string; summary: string;
  preparer: string; attachments: number;
}
export interface VoucherLineRow {
  voucher_id: number; line_no: number; account: string; gl_code: string; gl_name: string; summary: string; side: 'debit' | 'credit';
  amount_fen: number; customer_code: string | null; customer_name: string | null; supplier_code: string | null; supplier_name: string | null;
  department_code: string | null; department_name: string | null;
}

export function insertVoucher(book: Book, r: Omit<VoucherRow, 'id'>): number {
  return Number(stmt(book.db, `INSERT INTO vouchers (export_id, period, word, number, voucher_date, summary, preparer, attachments)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(r.export_id, r.period, r.word, r.number, r.voucher_date, r.summary, r.preparer, r.attachments).lastInsertRowid);
}

export function insertVoucherLine(book: Book, r: VoucherLineRow): void {
  stmt(book.db, `INSERT INTO voucher_lines (voucher_id, line_no, account, gl_code, gl_name, summary, side, amount_fen, customer_code,
      customer_name, supplier_code, supplier_name, department_code, department_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(r.voucher_id, r.line_no, r.account, r.gl_code, r.gl_name, r.summary, r.side, r.amount_fen, r.customer_code, r.customer_name,
      r.supplier_code, r.supplier_name, r.department_code, r.department_name);
}

export function insertVoucherDocument(book: Book, voucherId: number, documentId: number): void {
  stmt(book.db, 'INSERT INTO voucher_documents (voucher_id, document_id) VALUES (?, ?)').run(voucherId, documentId);
}

/** The vouchers of a month (or of one export), in number order. */
export function remembered(book: Book, period: string, exportId: number | null): VoucherRow[] {
  return stmt<[string, number | null, number | null], VoucherRow>(book.db, `SELECT id, export_id, period, word, number, voucher_date, summary,
      preparer, attachments FROM vouchers WHERE period = ? AND (? IS NULL OR export_id = ?) ORDER BY word, number`).all(period, exportId, exportId);
}

export function rememberedLines(book: Book, period: string, exportId: number | null): VoucherLineRow[] {
  return stmt<[string, number | null, number | null], VoucherLineRow>(book.db, `SELECT l.voucher_id, l.line_no, l.account, l.gl_code, l.gl_name,
      l.summary, l.side, l.amount_fen, l.customer_code, l.customer_name, l.supplier_code, l.supplier_name, l.department_code, l.department_name
    FROM voucher_lines l JOIN vouchers v ON v.id = l.voucher_id
    WHERE v.period = ? AND (? IS NULL OR v.export_id = ?) ORDER BY v.word, v.number, l.line_no`).all(period, exportId, exportId);
}

/** The document numbers each voucher of a month carries. */
export function rememberedDocuments(book: Book, period: string, exportId: number | null): { voucher_id: number; document_id: number; doc_no: string; kind: string }[] {
  return stmt<[string, number | null, number | null], { voucher_id: number; document_id: number; doc_no: string; kind: string }>(book.db,
    `SELECT vd.voucher_id, vd.document_id, d.doc_no, d.kind FROM voucher_documents vd JOIN vouchers v ON v.id = vd.voucher_id
      JOIN documents d ON d.id = vd.document_id
    WHERE v.period = ? AND (? IS NULL OR v.export_id = ?) ORDER BY v.word, v.number, d.doc_date, d.id`).all(period, exportId, exportId);
}

export interface VoucherExportRow {
  id: number; period: string; grouping: VoucherGrouping; layout: string; file_name: string; file_sha256: string; created_by: string;
  created_at: string; vouchers: number; documents: number; first_number: number | null; last_number: number | null;
}

export function voucherExports(book: Book, period: string | null): VoucherExportRow[] {
  return stmt<[string | null, string | null], VoucherExportRow>(book.db, `SELECT x.id, x.period, x.grouping, x.layout, x.file_name, x.file_sha256,
      x.created_by, x.created_at,
      (SELECT count(*) FROM vouchers v WHERE v.export_id = x.id) AS vouchers,
      (SELECT count(*) FROM voucher_documents vd JOIN vouchers v ON v.id = vd.voucher_id WHERE v.export_id = x.id) AS documents,
      (SELECT min(number) FROM vouchers v WHERE v.export_id = x.id) AS first_number,
      (SELECT max(number) FROM vouchers v WHERE v.export_id = x.id) AS last_number
    FROM voucher_exports x WHERE (? IS NULL OR x.period = ?) ORDER BY x.period, x.id`).all(period, period);
}

export function getVoucherExport(book: Book, id: number): VoucherExportRow | undefined {
  return voucherExports(book, null).find((x) => x.id === id);
}

/** Vouchers whose debit and credit lines do not sum to the same amount (for `ka-settle check`; empty in a sound book). */
export function unbalancedVouchers(book: Book, limit = 20): { period: string; word: string; number: number; difference_fen: number }[] {
  return stmt<[number], { period: string; word: string; number: number; difference_fen: number }>(book.db, `SELECT v.period, v.word, v.number,
      sum(CASE l.side WHEN 'debit' THEN l.amount_fen ELSE -l.amount_fen END) AS difference_fen
    FROM vouchers v JOIN voucher_lines l ON l.voucher_id = v.id
    GROUP BY v.id HAVING difference_fen <> 0 LIMIT ?`).all(limit);
}
