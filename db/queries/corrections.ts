import type { Book } from '../connection.js';
import { stmt } from '../statements.js';

/**
 * A document is in force when it is neither a reversal (红字) nor reversed. The SQL condition for a documents
 * alias, for every query that must only see what is in force (matching, classification, claims). With `asOf` (an
 * SQL expression, a parameter) it is in force on that day: a closed month's figures never change because a
 * document of it was reversed later, in an open month.
 */
export function inForce(alias: string, asOf?: string): string {
  const by = asOf ? ` AND x_rev.doc_date <= ${asOf}` : '';
  return `(${alias}.reverses_id IS NULL AND NOT EXISTS (SELECT 1 FROM documents x_rev WHERE x_rev.reverses_id = ${alias}.id${by}))`;
}

/** A clearing still in effect (neither reversed nor itself a reversal) with a part on one of a document's open items. */
export interface LiveClearing { id: number; clearing_date: string; document_id: number | null; memo: string | null }

export function liveClearingsOfDocument(book: Book, documentId: number): LiveClearing[] {
  return stmt<[number], LiveClearing>(book.db, `SELECT DISTINCT c.id, c.clearing_date, c.document_id, c.memo
    FROM open_items o JOIN clearing_parts p ON p.open_item_id = o.id JOIN clearings c ON c.id = p.clearing_id
    WHERE o.document_id = ? AND c.reverses_id IS NULL AND NOT EXISTS (SELECT 1 FROM clearings r WHERE r.reverses_id = c.id)
    ORDER BY c.id`).all(documentId);
}

/** The parts of a clearing with the document each open item belongs to, in the order they were written. */
export interface ClearingPartDetail { open_item_id: number; amount_fen: number; document_id: number; doc_no: string; kind: string }

export function clearingPartDetails(book: Book, clearingId: number): ClearingPartDetail[] {
  return stmt<[number], ClearingPartDetail>(book.db, `SELECT p.open_item_id, p.amount_fen, o.document_id, d.doc_no, d.kind
    FROM clearing_parts p JOIN open_items o ON o.id = p.open_item_id JOIN documents d ON d.id = o.document_id
    WHERE p.clearing_id = ? ORDER BY p.id`).all(clearingId);
}

/** What a document is in the correction chain: its versions, the reversal of each, the batch that posted each. */
export interface ChainDocument {
  id: number; kind: string; natural_key: string; version: number; doc_no: string; doc_date: string; period: string;
  total_fen: number; reverses_id: number | null; reversed_by: number | null; batch_id: number | null; memo: string | null;
  created_by: string; created_at: string; batch_kind: string | null; batch_reason: string | null; undoes_batch_id: number | null;
}

const CHAIN_COLS = `d.id, d.kind, d.natural_key, d.version, d.doc_no, d.doc_date, d.period, d.total_fen, d.reverses_id,
  (SELECT r.id FROM documents r WHERE r.reverses_id = d.id) AS reversed_by, d.batch_id, d.memo, d.created_by, d.created_at,
  b.kind AS batch_kind, b.reason AS batch_reason, b.undoes_batch_id`;

/** Every version of a key and every reversal of one, oldest first. */
export function keyChain(book: Book, kind: string, naturalKey: string): ChainDocument[] {
  return stmt<[string, string, string], ChainDocument>(book.db, `SELECT ${CHAIN_COLS}
    FROM documents d LEFT JOIN batches b ON b.id = d.batch_id
    WHERE d.kind = ? AND d.natural_key IN (?, ? || '|reversal') ORDER BY d.id`).all(kind, naturalKey, naturalKey);
}

export function chainDocument(book: Book, id: number): ChainDocument | undefined {
  return stmt<[number], ChainDocument>(book.db, `SELECT ${CHAIN_COLS} FROM documents d LEFT JOIN batches b ON b.id = d.batch_id WHERE d.id = ?`).get(id);
}

/** The documents a batch posted, in the order it posted them. */
export function documentsOfBatch(book: Book, batchId: number): ChainDocument[] {
  return stmt<[number], ChainDocument>(book.db, `SELECT ${CHAIN_COLS}
    FROM documents d LEFT JOIN batches b ON b.id = d.batch_id WHERE d.batch_id = ? ORDER BY d.id`).all(batchId);
}

export interface BatchRow {
  id: number; kind: string; description: string; file_name: string | null; file_sha256: string | null; created_by: string;
  created_at: string; undoes_batch_id: number | null; reason: string | null; undone_by: number | null; documents: number;
}

const BATCH_COLS = `b.id, b.kind, b.description, b.file_name, b.file_sha256, b.created_by, b.created_at, b.undoes_batch_id, b.reason,
  (SELECT u.id FROM batches u WHERE u.undoes_batch_id = b.id) AS undone_by,
  (SELECT count(*) FROM documents d WHERE d.batch_id = b.id) AS documents`;

export function getBatch(book: Book, id: number): BatchRow | undefined {
  return stmt<[number], BatchRow>(book.db, `SELECT ${BATCH_COLS} FROM batches b WHERE b.id = ?`).get(id);
}

/** Import batches, newest first (what 撤销导入 offers). */
export function listImportBatches(book: Book, limit: number, offset: number): BatchRow[] {
  return stmt<[number, number], BatchRow>(book.db, `SELECT ${BATCH_COLS} FROM batches b
    WHERE b.kind IN ('import', 'undo') AND EXISTS (SELECT 1 FROM documents d WHERE d.batch_id = b.id)
    ORDER BY b.id DESC LIMIT ? OFFSET ?`).all(limit, offset);
}

export function setBatchUndo(book: Book, batchId: number, undoesBatchId: number, reason: string): void {
  stmt(book.db, 'UPDATE batches SET undoes_batch_id = ?, reason = ? WHERE id = ?').run(undoesBatchId, reason, batchId);
}

export function setBatchReason(book: Book, batchId: number, reason: string): void {
  stmt(book.db, 'UPDATE batches SET reason = ? WHERE id = ?').run(reason, batchId);
}

/**
 * The reversals booked in a month — of its own documents and of closed months' — with the original, who reversed
 * it and why, and the version that replaced it if the same batch posted one (a replacement on re-import).
 */
export interface PeriodCorrectionRow {
  reversal_id: number; reversal_no: string; reversal_date: string; kind: string; natural_key: string;
  original_id: number; original_no: string; original_date: string; original_period: string; original_fen: number;
  reason: string | null; reversed_by_user: string; batch_kind: string | null; batch_id: number | null;
  replacement_id: number | null; replacement_no: string | null; replacement_date: string | null; replacement_fen: number | null; replacement_version: number | null;
  ka_code: string | null; distributor_id: number | null;
}

export function periodCorrections(book: Book, period: string, distributorId: number | null): PeriodCorrectionRow[] {
  return stmt<[string, number | null, number | null], PeriodCorrectionRow>(book.db, `SELECT r.id AS reversal_id, r.doc_no AS reversal_no,
      r.doc_date AS reversal_date, o.kind, o.natural_key, o.id AS original_id, o.doc_no AS original_no, o.doc_date AS original_date,
      o.period AS original_period, o.total_fen AS original_fen, r.memo AS reason, r.created_by AS reversed_by_user, b.kind AS batch_kind,
      r.batch_id, n.id AS replacement_id, n.doc_no AS replacement_no, n.doc_date AS replacement_date, n.total_fen AS replacement_fen, n.version AS replacement_version,
      k.code AS ka_code, coalesce(o.distributor_id, s.distributor_id) AS distributor_id
    FROM documents r JOIN documents o ON o.id = r.reverses_id LEFT JOIN batches b ON b.id = r.batch_id
      LEFT JOIN documents n ON n.kind = o.kind AND n.natural_key = o.natural_key AND n.version = o.version + 1 AND n.batch_id = r.batch_id
      LEFT JOIN ka_accounts k ON k.id = o.ka_account_id LEFT JOIN stores s ON s.id = o.store_id
    WHERE r.period = ? AND (? IS NULL OR coalesce(o.distributor_id, s.distributor_id) = ?)
    ORDER BY r.doc_date, r.id`).all(period, distributorId, distributorId);
}

/** Lines of a document as a replacement compares them (old → new). */
export interface ComparableLine {
  line_no: number; store: string | null; sku: string | null; order_no: string | null; qty_milli: number | null; price_e4: number | null;
  amount_fen: number; fee_type: string | null; fee_text: string | null; reference: string | null;
}

export function comparableLines(book: Book, documentId: number): ComparableLine[] {
  return stmt<[number], ComparableLine>(book.db, `SELECT l.line_no, s.store_code AS store, p.sku, l.order_no, l.qty_milli, l.price_e4,
      l.amount_fen, l.fee_type, l.fee_text, l.reference
    FROM document_lines l LEFT JOIN stores s ON s.id = l.store_id LEFT JOIN products p ON p.id = l.product_id
    WHERE l.document_id = ? ORDER BY l.line_no`).all(documentId);
}

/** The first month on or after `period` that no closed month follows (a month not yet in the book is open). */
export function firstOpenPeriodFrom(book: Book, period: string): string {
  const closed = stmt<[string], { period: string }>(book.db, "SELECT period FROM periods WHERE period >= ? AND status = 'closed' ORDER BY period")
    .all(period).map((r) => r.period);
  // Months close in order, and nothing may be dated before a closed month (0013-security.sql): an open month left
  // empty between two closed ones is no place for a correction either, so start after the latest closed month.
  const latest = closed.at(-1);
  if (latest === undefined) return period;
  const [y, m] = latest.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** How deduction lines were booked out (deduction_postings) by a fee claim or the distributor's-share adjustment beside it. */
export interface DeductionPostingRow {
  deduction_line_id: number; claim_document_id: number | null; adjustment_document_id: number | null; manufacturer_fen: number; distributor_fen: number;
}

export function postingsBookedBy(book: Book, documentId: number): DeductionPostingRow[] {
  return stmt<[number, number], DeductionPostingRow>(book.db, `SELECT deduction_line_id, claim_document_id, adjustment_document_id,
      manufacturer_fen, distributor_fen FROM deduction_postings WHERE claim_document_id = ? OR adjustment_document_id = ? ORDER BY deduction_line_id`)
    .all(documentId, documentId);
}

/** A withdrawn claim frees its deduction lines: the next reconciliation of their month books them again. */
export function freeDeductionPostings(book: Book, lineIds: number[]): void {
  const del = stmt(book.db, 'DELETE FROM deduction_postings WHERE deduction_line_id = ?');
  for (const id of lineIds) del.run(id);
}

export function claimStatusOf(book: Book, documentId: number): string | undefined {
  return stmt<[number], { status: string }>(book.db, 'SELECT status FROM fee_claims WHERE document_id = ?').get(documentId)?.status;
}

/** Codes people know parties by, for showing a draft's lines beside the booked ones. */
export function storeCodeOf(book: Book, id: number): string | undefined {
  return stmt<[number], { store_code: string }>(book.db, 'SELECT store_code FROM stores WHERE id = ?').get(id)?.store_code;
}

export function productSkuOf(book: Book, id: number): string | undefined {
  return stmt<[number], { sku: string }>(book.db, 'SELECT sku FROM products WHERE id = ?').get(id)?.sku;
}

export function kaCodeOf(book: Book, id: number): string | undefined {
  return stmt<[number], { code: string }>(book.db, 'SELECT code FROM ka_accounts WHERE id = ?').get(id)?.code;
}

export function distributorCodeOf(book: Book, id: number): string | undefined {
  return stmt<[number], { code: string }>(book.db, 'SELECT code FROM distributors WHERE id = ?').get(id)?.code;
}

/** An open receivable-side item (应收账款-KA) with what is still open on it, in the shape allocation works with. */
export interface ArItem {
  id: number; document_id: number; kind: string; doc_no: string; doc_date: string; due_date: string | null; open_fen: number;
  distributor_id: number | null; ka_account_id: number | null; amount_fen: number;
}

const AR_OPEN = `o.amount_fen + coalesce((SELECT sum(p.amount_fen) FROM clearing_parts p WHERE p.open_item_id = o.id), 0)`;
const AR_COLS = `o.id, o.document_id, d.kind, d.doc_no, d.doc_date, o.due_date, ${AR_OPEN} AS open_fen, o.distributor_id, o.ka_account_id, o.amount_fen`;

export function arItemOfDocument(book: Book, documentId: number): ArItem | undefined {
  return stmt<[number], ArItem>(book.db, `SELECT ${AR_COLS} FROM open_items o JOIN documents d ON d.id = o.document_id
    WHERE o.document_id = ? AND o.account = 'ar_ka'`).get(documentId);
}

/** A KA's open receipts, returns and deductions dated up to a day, oldest due first: what a remittance may be allocated to. */
export function openArItemsOfKa(book: Book, kaAccountId: number, upTo: string, limit: number): ArItem[] {
  return stmt<[number, string, number], ArItem>(book.db, `SELECT ${AR_COLS} FROM open_items o JOIN documents d ON d.id = o.document_id
    WHERE o.account = 'ar_ka' AND o.ka_account_id = ? AND d.kind IN ('receipt', 'return', 'deduction') AND d.doc_date <= ?
      AND ${AR_OPEN} <> 0 ORDER BY coalesce(o.due_date, d.doc_date), d.doc_date, o.id LIMIT ?`).all(kaAccountId, upTo, limit);
}

/** Checks of deduction lines no longer in force and never booked into a claim: they neither dispute nor claim anything. */
export function dropUnbookedChecksOutOfForce(book: Book, period: string, kaAccountId: number | null): number {
  return stmt(book.db, `DELETE FROM deduction_checks WHERE period = @period AND (@ka IS NULL OR ka_account_id = @ka)
    AND line_id IN (SELECT l.id FROM documents d JOIN document_lines l ON l.document_id = d.id
      WHERE d.kind = 'deduction' AND d.period = @period AND NOT ${inForce('d')})
    AND NOT EXISTS (SELECT 1 FROM deduction_postings p WHERE p.deduction_line_id = deduction_checks.line_id)`)
    .run({ period, ka: kaAccountId }).changes;
}

/**
 * Lines of the month's deduction reversals whose original line was booked into a claim (and the reversal line not
 * yet): what the original's check said and how it was booked, so the reversal can be booked back the same way.
 */
export interface ReversedDeductionLine {
  line_id: number; period: string; ka_account_id: number | null; original_no: string; fee_type: string | null; classified_by: string | null;
  contract_id: number | null; manufacturer_fen: number; distributor_fen: number; claim_status: string | null;
}

export function reversedBookedDeductionLines(book: Book, period: string, kaAccountId: number | null): ReversedDeductionLine[] {
  return stmt<[string, number | null, number | null], ReversedDeductionLine>(book.db, `SELECT rl.id AS line_id, r.period, r.ka_account_id,
      o.doc_no AS original_no, c.fee_type, c.classified_by, c.contract_id, p.manufacturer_fen, p.distributor_fen,
      (SELECT f.status FROM fee_claims f WHERE f.document_id = p.claim_document_id) AS claim_status
    FROM documents r JOIN documents o ON o.id = r.reverses_id
      JOIN document_lines rl ON rl.document_id = r.id
      JOIN document_lines ol ON ol.document_id = o.id AND ol.line_no = rl.line_no
      JOIN deduction_postings p ON p.deduction_line_id = ol.id
      LEFT JOIN deduction_checks c ON c.line_id = ol.id
    WHERE r.kind = 'deduction' AND r.period = ? AND (? IS NULL OR r.ka_account_id = ?)
      AND NOT EXISTS (SELECT 1 FROM deduction_postings q WHERE q.deduction_line_id = rl.id)
    ORDER BY rl.id`).all(period, kaAccountId, kaAccountId);
}

/** A month's remittances (回款) with what each has applied and what is still unapplied, and whether it is in force. */
export function remittancesOfPeriod(book: Book, period: string, kaAccountId: number | null, limit: number, offset: number) {
  return stmt<[string, number | null, number | null, number, number], {
    id: number; doc_no: string; doc_date: string; ka: string | null; method: string | null; total_fen: number; unapplied_fen: number;
    applied_fen: number; references: string | null; reverses_id: number | null; reversed_by: number | null; version: number;
  }>(book.db, `SELECT d.id, d.doc_no, d.doc_date, k.code AS ka, d.method, d.total_fen,
      -(${AR_OPEN}) AS unapplied_fen, d.total_fen + (${AR_OPEN}) AS applied_fen,
      (SELECT group_concat(l.reference, ' ') FROM document_lines l WHERE l.document_id = d.id AND l.reference IS NOT NULL) AS "references",
      d.reverses_id, (SELECT r.id FROM documents r WHERE r.reverses_id = d.id) AS reversed_by, d.version
    FROM documents d JOIN open_items o ON o.document_id = d.id AND o.account = 'ar_ka' LEFT JOIN ka_accounts k ON k.id = d.ka_account_id
    WHERE d.kind = 'remittance' AND d.period = ? AND (? IS NULL OR d.ka_account_id = ?)
    ORDER BY d.doc_date, d.id LIMIT ? OFFSET ?`).all(period, kaAccountId, kaAccountId, limit, offset);
}
