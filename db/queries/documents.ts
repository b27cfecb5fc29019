import type { Book } from '../connection.js';
import { stmt } from '../statements.js';

export interface DocumentRow {
  id: number; kind: string; natural_key: string; version: number; doc_no: string; doc_date: string; period: string;
  manufacturer_id: number | null; distributor_id: number | null; ka_account_id: number | null; store_id: number | null;
  order_no: string | null; reference: string | null; method: string | null; due_date: string | null;
  total_fen: number; status: string; content_hash: string; reverses_id: number | null; batch_id: number | null;
  source_file: string | null; source_row: number | null; memo: string | null; created_by: string; created_at: string;
}
export type NewDocumentRow = Omit<DocumentRow, 'id'>;

export interface LineRow {
  document_id: number; line_no: number; store_id: number | null; product_id: number | null; order_no: string | null;
  qty_milli: number | null; price_e4: number | null; amount_fen: number; fee_type: string | null;
  fee_text: string | null; reference: string | null; memo: string | null;
}

export interface EntryRow {
  document_id: number; line_no: number; period: string; entry_date: string; account: string;
  manufacturer_id: number | null; distributor_id: number | null; ka_account_id: number | null; store_id: number | null;
  amount_fen: number;
}

export interface OpenItemRow {
  document_id: number; account: string; manufacturer_id: number | null; distributor_id: number | null;
  ka_account_id: number | null; store_id: number | null; doc_date: string; due_date: string | null; amount_fen: number;
}

// The inserts on the import path bind positional parameters: binding an object by name costs a quarter more.

export function insertDocument(book: Book, r: NewDocumentRow): number {
  return Number(stmt(book.db, `INSERT INTO documents (kind, natural_key, version, doc_no, doc_date, period, manufacturer_id, distributor_id,
      ka_account_id, store_id, order_no, reference, method, due_date, total_fen, status, content_hash, reverses_id, batch_id,
      source_file, source_row, memo, created_by, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    r.kind, r.natural_key, r.version, r.doc_no, r.doc_date, r.period, r.manufacturer_id, r.distributor_id, r.ka_account_id, r.store_id,
    r.order_no, r.reference, r.method, r.due_date, r.total_fen, r.status, r.content_hash, r.reverses_id, r.batch_id, r.source_file,
    r.source_row, r.memo, r.created_by, r.created_at).lastInsertRowid);
}

/** Rows of one multi-row INSERT: its statement journal is opened once for them all (a few sizes, few statements). */
const LINES_PER_STATEMENT = [256, 16] as const;
const LINE_VALUES = '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';

const LINE_COLUMNS = 12;

function insertLinesSql(count: number): string {
  return `INSERT INTO document_lines (document_id, line_no, store_id, product_id, order_no, qty_milli, price_e4, amount_fen,
      fee_type, fee_text, reference, memo) VALUES ${Array(count).fill(LINE_VALUES).join(', ')}`;
}

/**
 * Lines, up to 256 in one INSERT (a document's, or an import's batch of documents'). Any statement that writes a
 * table with an insert trigger and immediate foreign keys opens a statement journal (SQLite must be able to undo it
 * alone); one per line cost more than storing the line. The period lock (document_lines_lock_insert) still runs for
 * every row, except in an import, which asks it once of all the lines it wrote (posting-locks.ts).
 *
 * The lines are gathered as the INSERT binds them, twelve values a line in column order, with no object per line: an
 * import hands over a million of them. A full INSERT of 256 goes as soon as it is gathered; flush() stores the rest,
 * and must be called before anything reads the lines or the transaction commits.
 */
export class LineWriter {
  private values: unknown[] = [];
  private count = 0;
  private sqlOf = new Map<number, string>();

  constructor(private readonly book: Book) {}

  add(documentId: number, lineNo: number, storeId: number | null, productId: number | null, orderNo: string | null, qtyMilli: number | null,
    priceE4: number | null, amountFen: number, feeType: string | null, feeText: string | null, reference: string | null, memo: string | null): void {
    this.values.push(documentId, lineNo, storeId, productId, orderNo, qtyMilli, priceE4, amountFen, feeType, feeText, reference, memo);
    if (++this.count === LINES_PER_STATEMENT[0]) {
      this.run(this.values, this.count);
      this.values = [];
      this.count = 0;
    }
  }

  /** How many lines are gathered and not yet stored. */
  get pending(): number {
    return this.count;
  }

  flush(): void {
    for (let start = 0; start < this.count;) {
      const left = this.count - start;
      const size = LINES_PER_STATEMENT.find((n) => n <= left) ?? left;
      this.run(this.values.slice(start * LINE_COLUMNS, (start + size) * LINE_COLUMNS), size);
      start += size;
    }
    this.values = [];
    this.count = 0;
  }

  private run(values: unknown[], count: number): void {
    let sql = this.sqlOf.get(count);
    if (sql === undefined) this.sqlOf.set(count, sql = insertLinesSql(count));
    stmt(this.book.db, sql).run(values);
  }
}

export function insertLines(book: Book, rows: readonly LineRow[]): void {
  const writer = new LineWriter(book);
  for (const r of rows) {
    writer.add(r.document_id, r.line_no, r.store_id, r.product_id, r.order_no, r.qty_milli, r.price_e4, r.amount_fen, r.fee_type, r.fee_text,
      r.reference, r.memo);
  }
  writer.flush();
}

export function insertEntry(book: Book, r: EntryRow): void {
  stmt(book.db, `INSERT INTO entries (document_id, line_no, period, entry_date, account, manufacturer_id, distributor_id,
      ka_account_id, store_id, amount_fen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    r.document_id, r.line_no, r.period, r.entry_date, r.account, r.manufacturer_id, r.distributor_id, r.ka_account_id, r.store_id,
    r.amount_fen);
}

export function insertOpenItem(book: Book, r: OpenItemRow): number {
  return Number(stmt(book.db, `INSERT INTO open_items (document_id, account, manufacturer_id, distributor_id, ka_account_id, store_id,
      doc_date, due_date, amount_fen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    r.document_id, r.account, r.manufacturer_id, r.distributor_id, r.ka_account_id, r.store_id, r.doc_date, r.due_date,
    r.amount_fen).lastInsertRowid);
}

/** The latest version of a document under its natural key, and the reversal that took it out of force, if any. */
export interface KeyedDocument { id: number; version: number; content_hash: string; reversed_by: number | null }

export function findDocumentByKey(book: Book, kind: string, naturalKey: string): KeyedDocument | undefined {
  return stmt<[string, string], KeyedDocument>(book.db, `SELECT d.id, d.version, d.content_hash,
      (SELECT r.id FROM documents r WHERE r.reverses_id = d.id) AS reversed_by
    FROM documents d WHERE d.kind = ? AND d.natural_key = ? ORDER BY d.version DESC LIMIT 1`).get(kind, naturalKey);
}

export function getDocument(book: Book, id: number): DocumentRow | undefined {
  return stmt<[number], DocumentRow>(book.db, 'SELECT * FROM documents WHERE id = ?').get(id);
}

export function documentLines(book: Book, documentId: number): LineRow[] {
  return stmt<[number], LineRow>(book.db,
    'SELECT document_id, line_no, store_id, product_id, order_no, qty_milli, price_e4, amount_fen, fee_type, fee_text, reference, memo FROM document_lines WHERE document_id = ? ORDER BY line_no').all(documentId);
}

export function documentEntries(book: Book, documentId: number): EntryRow[] {
  return stmt<[number], EntryRow>(book.db,
    'SELECT document_id, line_no, period, entry_date, account, manufacturer_id, distributor_id, ka_account_id, store_id, amount_fen FROM entries WHERE document_id = ? ORDER BY line_no').all(documentId);
}

export function insertBatch(book: Book, r: { kind: string; description: string; file_name: string | null; file_sha256: string | null; created_by: string }): number {
  return Number(stmt(book.db, `INSERT INTO batches (kind, description, file_name, file_sha256, created_by, created_at)
    VALUES (@kind, @description, @file_name, @file_sha256, @created_by, @created_at)`)
    .run({ ...r, created_at: new Date().toISOString() }).lastInsertRowid);
}

export function countDocuments(book: Book): { kind: string; documents: number; lines: number; total_fen: number }[] {
  return stmt<[], { kind: string; documents: number; lines: number; total_fen: number }>(book.db, `SELECT d.kind,
      count(*) AS documents, coalesce(sum(l.n), 0) AS lines, coalesce(sum(d.total_fen), 0) AS total_fen
    FROM documents d LEFT JOIN (SELECT document_id, count(*) AS n FROM document_lines GROUP BY document_id) l ON l.document_id = d.id
    GROUP BY d.kind ORDER BY d.kind`).all();
}
