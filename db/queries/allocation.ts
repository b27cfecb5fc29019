import type { Book } from '../connection.js';
import { stmt } from '../statements.js';
import { inForce } from './corrections.js';

/** An open item with what is still open on it. */
export interface OpenItem {
  id: number; document_id: number; kind: string; doc_no: string; doc_date: string; due_date: string | null; open_fen: number;
  distributor_id: number | null; ka_account_id: number | null;
}

const OPEN = `o.amount_fen + coalesce((SELECT sum(p.amount_fen) FROM clearing_parts p WHERE p.open_item_id = o.id), 0)`;
const COLS = `o.id, o.document_id, d.kind, d.doc_no, d.doc_date, o.due_date, ${OPEN} AS open_fen, o.distributor_id, o.ka_account_id`;

/**
 * Manufacturer credits (cash, 货补, 票折) not yet used against claims, oldest first — and approved red claims (a
 * reversed deduction's share taken back), which the manufacturer offsets against what it owes like a credit.
 */
export function openCredits(book: Book, distributorId: number | null): OpenItem[] {
  return stmt<[number | null, number | null], OpenItem>(book.db, `SELECT ${COLS} FROM open_items o JOIN documents d ON d.id = o.document_id
    WHERE o.account = 'claims_manufacturer' AND (? IS NULL OR o.distributor_id = ?)
      AND (d.kind = 'manufacturer_credit' OR (d.kind = 'fee_claim' AND EXISTS (SELECT 1 FROM fee_claims fc WHERE fc.document_id = d.id AND fc.status = 'approved')))
      AND ${OPEN} < 0 ORDER BY d.doc_date, o.id`).all(distributorId, distributorId);
}

/** Approved claims still open, oldest first (or one given claim whatever its status). */
export function openClaims(book: Book, distributorId: number | null, claimId: number | null): OpenItem[] {
  return stmt<[number | null, number | null, number | null, number | null], OpenItem>(book.db, `SELECT ${COLS}
    FROM open_items o JOIN documents d ON d.id = o.document_id JOIN fee_claims c ON c.document_id = d.id
    WHERE o.account = 'claims_manufacturer' AND (? IS NULL OR o.distributor_id = ?)
      AND (CASE WHEN ? IS NULL THEN c.status = 'approved' ELSE c.document_id = ? END)
      AND ${OPEN} > 0 ORDER BY d.doc_date, o.id`).all(distributorId, distributorId, claimId, claimId);
}

/** The period's remittances with money not yet applied. */
export function openRemittances(book: Book, period: string, kaAccountId: number | null): OpenItem[] {
  return stmt<[string, number | null, number | null], OpenItem>(book.db, `SELECT ${COLS} FROM open_items o JOIN documents d ON d.id = o.document_id
    WHERE o.account = 'ar_ka' AND d.kind = 'remittance' AND d.period = ? AND (? IS NULL OR d.ka_account_id = ?) AND ${OPEN} < 0
    ORDER BY d.doc_date, o.id`).all(period, kaAccountId, kaAccountId);
}

/** The references a remittance's lines carry, in line order. */
export function remittanceReferences(book: Book, documentId: number): { reference: string; amount_fen: number }[] {
  return stmt<[number], { reference: string; amount_fen: number }>(book.db, `SELECT reference, amount_fen FROM document_lines
    WHERE document_id = ? AND reference IS NOT NULL ORDER BY line_no`).all(documentId);
}

/** An open receivable-side item (receipt, return or deduction) of a KA by its document number. */
export function openArItemByDocNo(book: Book, kaAccountId: number, docNo: string): OpenItem | undefined {
  return stmt<[number, string], OpenItem>(book.db, `SELECT ${COLS} FROM documents d JOIN open_items o ON o.document_id = d.id AND o.account = 'ar_ka'
    WHERE d.ka_account_id = ? AND d.doc_no = ? AND d.kind IN ('receipt', 'return', 'deduction') AND ${OPEN} <> 0
    ORDER BY d.id LIMIT 1`).get(kaAccountId, docNo);
}

/** Open receivables of a KA (and distributor), oldest due first. */
export function openReceivables(book: Book, kaAccountId: number, distributorId: number | null, limit: number): OpenItem[] {
  return stmt<[number, number | null, number | null, number], OpenItem>(book.db, `SELECT ${COLS} FROM open_items o JOIN documents d ON d.id = o.document_id
    WHERE o.account = 'ar_ka' AND o.ka_account_id = ? AND d.kind = 'receipt' AND (? IS NULL OR o.distributor_id = ?) AND ${OPEN} > 0
    ORDER BY coalesce(o.due_date, d.doc_date), d.doc_date, o.id LIMIT ?`).all(kaAccountId, distributorId, distributorId, limit);
}

/** Central-settlement money the manufacturer collected (ar_manufacturer) and its transfers to the distributor. */
export function openCentralItems(book: Book, sign: 1 | -1): OpenItem[] {
  return stmt<[], OpenItem>(book.db, `SELECT ${COLS} FROM open_items o JOIN documents d ON d.id = o.document_id
    WHERE o.account = 'ar_manufacturer' AND ${OPEN} ${sign > 0 ? '> 0' : '< 0'} ORDER BY d.doc_date, o.id`).all();
}

export function documentReference(book: Book, documentId: number): string | null {
  return stmt<[number], { reference: string | null }>(book.db, 'SELECT reference FROM documents WHERE id = ?').get(documentId)?.reference ?? null;
}

export function periodStatusOf(book: Book, date: string): string | undefined {
  return stmt<[string], { status: string }>(book.db, 'SELECT status FROM periods WHERE period = ?').get(date.slice(0, 7))?.status;
}

/** What the period's remittances did: applied to receivables, left unapplied, and receivables they left short. */
export function remittanceFigures(book: Book, period: string, kaAccountId: number | null): { count: number; total_fen: number; unapplied_fen: number } {
  return stmt<[string, number | null, number | null], { count: number; total_fen: number; unapplied_fen: number }>(book.db, `SELECT
      count(*) AS count, coalesce(sum(d.total_fen), 0) AS total_fen, coalesce(-sum(${OPEN}), 0) AS unapplied_fen
    FROM documents d JOIN open_items o ON o.document_id = d.id AND o.account = 'ar_ka'
    WHERE d.kind = 'remittance' AND d.period = ? AND (? IS NULL OR d.ka_account_id = ?) AND ${inForce('d')}`).get(period, kaAccountId, kaAccountId)!;
}

/**
 * What the receipts named by the period's remittances still owe: read from the period's remittances to the
 * receipts they name (documents_by_ka_number), never from every receivable of the book.
 */
export function shortPaidFen(book: Book, period: string, kaAccountId: number | null): number {
  return stmt<[string, number | null, number | null], { s: number | null }>(book.db, `SELECT sum(open_fen) AS s FROM (
      SELECT DISTINCT o.id, ${OPEN} AS open_fen
      FROM documents r CROSS JOIN document_lines rl ON rl.document_id = r.id
        CROSS JOIN documents d ON d.ka_account_id = r.ka_account_id AND d.kind = 'receipt' AND d.doc_no = rl.reference AND ${inForce('d')}
        CROSS JOIN open_items o ON o.document_id = d.id AND o.account = 'ar_ka'
      WHERE r.period = ? AND r.kind = 'remittance' AND (? IS NULL OR r.ka_account_id = ?) AND ${inForce('r')})
    WHERE open_fen > 0`).get(period, kaAccountId, kaAccountId)?.s ?? 0;
}

/** Other amounts the manufacturer owes the distributor (subsidies, price protection, its rebates), still open, oldest first. */
export function openOtherClaims(book: Book, distributorId: number | null): OpenItem[] {
  return stmt<[number | null, number | null], OpenItem>(book.db, `SELECT ${COLS} FROM open_items o JOIN documents d ON d.id = o.document_id
    WHERE o.account = 'claims_manufacturer' AND d.kind IN ('delivery_cost_claim', 'price_protection_claim', 'rebate_accrual')
      AND (? IS NULL OR o.distributor_id = ?) AND ${OPEN} > 0 ORDER BY d.doc_date, o.id`).all(distributorId, distributorId);
}
