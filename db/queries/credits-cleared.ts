import type { Book } from '../connection.js';
import { stmt } from '../statements.js';

/** Manufacturer credits (厂家核销) and the documents their clearings settled, newest first. */
export function creditsWithClearings(book: Book, limit: number, offset: number) {
  return stmt<[number, number], { id: number; doc_no: string; doc_date: string; method: string | null; total_fen: number; manufacturer: string | null; distributor: string | null; cleared_docs: string | null; cleared_fen: number; open_fen: number }>(book.db, `SELECT d.id,
      d.doc_no, d.doc_date, d.method, d.total_fen, m.code AS manufacturer, di.code AS distributor,
      (SELECT group_concat(DISTINCT od.doc_no) FROM clearings c JOIN clearing_parts p ON p.clearing_id = c.id JOIN open_items o ON o.id = p.open_item_id
         JOIN documents od ON od.id = o.document_id WHERE c.document_id = d.id AND od.id <> d.id) AS cleared_docs,
      coalesce((SELECT sum(abs(p.amount_fen)) FROM clearings c JOIN clearing_parts p ON p.clearing_id = c.id JOIN open_items o ON o.id = p.open_item_id
         WHERE c.document_id = d.id AND o.document_id <> d.id), 0) AS cleared_fen,
      coalesce((SELECT sum(o.amount_fen + coalesce((SELECT sum(p.amount_fen) FROM clearing_parts p WHERE p.open_item_id = o.id), 0))
         FROM open_items o WHERE o.document_id = d.id), 0) AS open_fen
    FROM documents d LEFT JOIN manufacturers m ON m.id = d.manufacturer_id LEFT JOIN distributors di ON di.id = d.distributor_id
    WHERE d.kind = 'manufacturer_credit' ORDER BY d.doc_date DESC, d.id DESC LIMIT ? OFFSET ?`).all(limit, offset);
}
