import type { Book } from '../connection.js';
import { stmt } from '../statements.js';

export interface DeductionLine {
  line_id: number; document_id: number; doc_no: string; doc_date: string; period: string; method: string | null;
  ka_account_id: number | null; ka_code: string | null; store_id: number | null; store_code: string | null;
  distributor_id: number | null; manufacturer_id: number | null; amount_fen: number; fee_text: string | null; fee_type: string | null;
  claimed: number;
}

const DEDUCTION_LINE = `SELECT l.id AS line_id, d.id AS document_id, d.doc_no,
      d.doc_date, d.period, d.method, d.ka_account_id, k.code AS ka_code, coalesce(l.store_id, d.store_id) AS store_id,
      s.store_code, coalesce(d.distributor_id, s.distributor_id) AS distributor_id,
      coalesce(d.manufacturer_id, (SELECT manufacturer_id FROM distributors WHERE id = coalesce(d.distributor_id, s.distributor_id))) AS manufacturer_id,
      l.amount_fen, l.fee_text, l.fee_type, EXISTS (SELECT 1 FROM deduction_postings c WHERE c.deduction_line_id = l.id) AS claimed
    FROM documents d JOIN document_lines l ON l.document_id = d.id LEFT JOIN ka_accounts k ON k.id = d.ka_account_id
      LEFT JOIN stores s ON s.id = coalesce(l.store_id, d.store_id)`;

/** The period's deduction lines (of live documents), with whether they are already booked into a claim. */
export function deductionLines(book: Book, period: string, kaAccountId: number | null): DeductionLine[] {
  return stmt<[string, number | null, number | null], DeductionLine>(book.db, `${DEDUCTION_LINE}
    WHERE d.kind = 'deduction' AND d.period = ? AND (? IS NULL OR d.ka_account_id = ?)
      AND d.reverses_id IS NULL AND NOT EXISTS (SELECT 1 FROM documents x WHERE x.reverses_id = d.id)
    ORDER BY d.doc_date, l.id`).all(period, kaAccountId, kaAccountId);
}

/** One deduction line, as the classifier reads it. */
export function deductionLine(book: Book, lineId: number): DeductionLine | undefined {
  return stmt<[number], DeductionLine>(book.db, `${DEDUCTION_LINE} WHERE l.id = ? AND d.kind = 'deduction'`).get(lineId);
}

export function feeRule(book: Book, kaCode: string, wording: string): string | undefined {
  return stmt<[string, string], { fee_type: string }>(book.db, `SELECT fee_type FROM fee_rules WHERE wording = ? AND ka_code IN (?, '')
    ORDER BY ka_code DESC LIMIT 1`).get(wording, kaCode)?.fee_type;
}

export function saveFeeRule(book: Book, kaCode: string, wording: string, feeType: string, by: string): void {
  stmt(book.db, `INSERT INTO fee_rules (ka_code, wording, fee_type, created_by, created_at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (ka_code, wording) DO UPDATE SET fee_type = excluded.fee_type, created_by = excluded.created_by, created_at = excluded.created_at`)
    .run(kaCode, wording, feeType, by, new Date().toISOString());
}

export interface DeductionCheckRow {
  line_id: number; period: string; ka_account_id: number | null; fee_type: string | null; classified_by: string;
  contract_id: number | null; verdict: string; manufacturer_fen: number; distributor_fen: number; disputed: number; reason: string;
}

export function saveDeductionCheck(book: Book, r: DeductionCheckRow): void {
  stmt(book.db, `INSERT INTO deduction_checks (line_id, period, ka_account_id, fee_type, classified_by, contract_id, verdict, manufacturer_fen,
      distributor_fen, disputed, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (line_id) DO UPDATE SET period = excluded.period, ka_account_id = excluded.ka_account_id, fee_type = excluded.fee_type,
      classified_by = excluded.classified_by, contract_id = excluded.contract_id, verdict = excluded.verdict,
      manufacturer_fen = excluded.manufacturer_fen, distributor_fen = excluded.distributor_fen, disputed = excluded.disputed, reason = excluded.reason`)
    .run(r.line_id, r.period, r.ka_account_id, r.fee_type, r.classified_by, r.contract_id, r.verdict, r.manufacturer_fen, r.distributor_fen, r.disputed, r.reason);
}

export function deductionCheck(book: Book, lineId: number): DeductionCheckRow | undefined {
  return stmt<[number], DeductionCheckRow>(book.db, 'SELECT * FROM deduction_checks WHERE line_id = ?').get(lineId);
}

/** Accepted value of a store in a month (its receiving records), for fee limits set in points of sales. */
export function storeMonthSales(book: Book, storeId: number, period: string): number {
  return stmt<[number, string], { s: number | null }>(book.db, `SELECT sum(total_fen) AS s FROM documents
    WHERE kind = 'receipt' AND store_id = ? AND period = ?`).get(storeId, period)?.s ?? 0;
}

export function deductionSummary(book: Book, period: string, kaAccountId: number | null) {
  return stmt<[string, number | null, number | null], { fee_type: string | null; lines: number; amount_fen: number; manufacturer_fen: number; distributor_fen: number; disputed_fen: number; disputed_lines: number }>(book.db, `SELECT c.fee_type,
      count(*) AS lines, sum(l.amount_fen) AS amount_fen, sum(c.manufacturer_fen) AS manufacturer_fen, sum(c.distributor_fen) AS distributor_fen,
      sum(CASE WHEN c.disputed = 1 THEN l.amount_fen ELSE 0 END) AS disputed_fen, sum(c.disputed) AS disputed_lines
    FROM deduction_checks c JOIN document_lines l ON l.id = c.line_id
    WHERE c.period = ? AND (? IS NULL OR c.ka_account_id = ?) GROUP BY c.fee_type ORDER BY c.fee_type`).all(period, kaAccountId, kaAccountId);
}

export function deductionChecksView(book: Book, period: string, kaAccountId: number | null, disputedOnly: boolean, limit: number, offset: number) {
  return stmt<[string, number | null, number | null, number, number, number], { line_id: number; document_id: number; doc_no: string; ka: string | null; store: string | null; fee_text: string | null; fee_type: string | null; classified_by: string; verdict: string; amount_fen: number; manufacturer_fen: number; distributor_fen: number; disputed: number; reason: string; reverses_id: number | null; reversed_by: number | null }>(book.db, `SELECT c.line_id,
      d.id AS document_id, d.reverses_id, (SELECT r.id FROM documents r WHERE r.reverses_id = d.id) AS reversed_by, d.doc_no, k.code AS ka, s.store_code AS store, l.fee_text, c.fee_type, c.classified_by, c.verdict, l.amount_fen, c.manufacturer_fen,
      c.distributor_fen, c.disputed, c.reason
    FROM deduction_checks c JOIN document_lines l ON l.id = c.line_id JOIN documents d ON d.id = l.document_id
      LEFT JOIN ka_accounts k ON k.id = c.ka_account_id LEFT JOIN stores s ON s.id = coalesce(l.store_id, d.store_id)
    WHERE c.period = ? AND (? IS NULL OR c.ka_account_id = ?) AND (? = 0 OR c.disputed = 1)
    ORDER BY d.doc_date, c.line_id LIMIT ? OFFSET ?`).all(period, kaAccountId, kaAccountId, disputedOnly ? 1 : 0, limit, offset);
}
