import type { Book } from '../connection.js';
import { stmt } from '../statements.js';
import { inForce } from './corrections.js';

export interface StatementDoc { id: number; doc_no: string; ka_account_id: number; ka_code: string; distributor_id: number | null; total_fen: number }

export function statementsOfPeriod(book: Book, period: string, kaAccountId: number | null): StatementDoc[] {
  return stmt<[string, number | null, number | null], StatementDoc>(book.db, `SELECT d.id, d.doc_no, d.ka_account_id, k.code AS ka_code,
      d.distributor_id, d.total_fen
    FROM documents d JOIN ka_accounts k ON k.id = d.ka_account_id
    WHERE d.kind = 'statement' AND d.period = ? AND (? IS NULL OR d.ka_account_id = ?) AND ${inForce('d', "date(d.period || '-01', '+1 month', '-1 day')")}
    ORDER BY k.code, d.doc_no`).all(period, kaAccountId, kaAccountId);
}

export function statementLines(book: Book, documentId: number): { line_no: number; reference: string | null; amount_fen: number; memo: string | null }[] {
  return stmt<[number], { line_no: number; reference: string | null; amount_fen: number; memo: string | null }>(book.db,
    'SELECT line_no, reference, amount_fen, memo FROM document_lines WHERE document_id = ? ORDER BY line_no').all(documentId);
}

/**
 * The book's side of a KA statement: the period's receipts (+), returns (−) and deductions (−) of that KA (and
 * distributor), signed as the KA states them.
 */
export function bookMovements(book: Book, period: string, kaAccountId: number, distributorId: number | null) {
  return stmt<[string, number, number | null, number | null], { id: number; kind: string; doc_no: string; signed_fen: number }>(book.db, `SELECT d.id, d.kind, d.doc_no,
      CASE d.kind WHEN 'receipt' THEN d.total_fen ELSE -d.total_fen END AS signed_fen
    FROM documents d
    WHERE d.period = ? AND d.kind IN ('receipt', 'return', 'deduction') AND d.ka_account_id = ?
      AND (? IS NULL OR d.distributor_id = ?) AND ${inForce('d', "date(d.period || '-01', '+1 month', '-1 day')")} ORDER BY d.doc_date, d.id`).all(period, kaAccountId, distributorId, distributorId);
}

/** A document of the KA by number, wherever it is dated (a statement may name one the book put in another month). */
export function kaDocumentByNo(book: Book, kaAccountId: number, docNo: string) {
  return stmt<[number, string], { id: number; kind: string; period: string; signed_fen: number }>(book.db, `SELECT id, kind, period,
      CASE kind WHEN 'receipt' THEN total_fen ELSE -total_fen END AS signed_fen
    FROM documents d WHERE ka_account_id = ? AND doc_no = ? AND kind IN ('receipt', 'return', 'deduction')
    ORDER BY ${inForce('d')} DESC, id LIMIT 1`).get(kaAccountId, docNo);
}
