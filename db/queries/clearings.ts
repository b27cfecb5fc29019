import type { Book } from '../connection.js';
import { stmt } from '../statements.js';

export interface OpenItemState {
  id: number; document_id: number; account: string; amount_fen: number; open_fen: number;
  ka_account_id: number | null; distributor_id: number | null; doc_date: string; due_date: string | null;
}

export function insertClearing(book: Book, r: { clearing_date: string; period: string; document_id: number | null; reverses_id: number | null; memo: string | null; created_by: string }): number {
  return Number(stmt(book.db, `INSERT INTO clearings (clearing_date, period, document_id, reverses_id, memo, created_by, created_at)
    VALUES (@clearing_date, @period, @document_id, @reverses_id, @memo, @created_by, @created_at)`)
    .run({ ...r, created_at: new Date().toISOString() }).lastInsertRowid);
}

export function insertClearingPart(book: Book, clearingId: number, openItemId: number, amountFen: number): void {
  stmt(book.db, 'INSERT INTO clearing_parts (clearing_id, open_item_id, amount_fen) VALUES (?, ?, ?)').run(clearingId, openItemId, amountFen);
}

export function openItemState(book: Book, id: number): OpenItemState | undefined {
  return stmt<[number], OpenItemState>(book.db, `SELECT o.id, o.document_id, o.account, o.amount_fen,
      o.amount_fen + coalesce((SELECT sum(p.amount_fen) FROM clearing_parts p WHERE p.open_item_id = o.id), 0) AS open_fen,
      o.ka_account_id, o.distributor_id, o.doc_date, o.due_date
    FROM open_items o WHERE o.id = ?`).get(id);
}

export function openItemsOfDocument(book: Book, documentId: number): OpenItemState[] {
  return stmt<[number], OpenItemState>(book.db, `SELECT o.id, o.document_id, o.account, o.amount_fen,
      o.amount_fen + coalesce((SELECT sum(p.amount_fen) FROM clearing_parts p WHERE p.open_item_id = o.id), 0) AS open_fen,
      o.ka_account_id, o.distributor_id, o.doc_date, o.due_date
    FROM open_items o WHERE o.document_id = ? ORDER BY o.id`).all(documentId);
}

export function clearingParts(book: Book, clearingId: number): { open_item_id: number; amount_fen: number }[] {
  return stmt<[number], { open_item_id: number; amount_fen: number }>(book.db,
    'SELECT open_item_id, amount_fen FROM clearing_parts WHERE clearing_id = ? ORDER BY id').all(clearingId);
}

export function getClearing(book: Book, id: number): { id: number; reverses_id: number | null; reversed_by: number | null } | undefined {
  return stmt<[number], { id: number; reverses_id: number | null; reversed_by: number | null }>(book.db, `SELECT c.id, c.reverses_id,
      (SELECT r.id FROM clearings r WHERE r.reverses_id = c.id) AS reversed_by
    FROM clearings c WHERE c.id = ?`).get(id);
}

export function reversalOf(book: Book, documentId: number): number | undefined {
  return stmt<[number], { id: number }>(book.db, 'SELECT id FROM documents WHERE reverses_id = ?').get(documentId)?.id;
}
