import type { Book } from '../connection.js';
import { stmt } from '../statements.js';

/** The raw facts `ka-settle check` judges. Each returns the offending rows (empty = fine), capped for display. */

export function sqliteIntegrity(book: Book): string[] {
  return (book.db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
}

export function foreignKeyViolations(book: Book): { table: string; rowid: number; parent: string }[] {
  return book.db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
}

export function unbalancedDocuments(book: Book, limit = 20): { document_id: number; natural_key: string; sum_fen: number }[] {
  return stmt<[number], { document_id: number; natural_key: string; sum_fen: number }>(book.db, `SELECT e.document_id,
      d.natural_key, sum(e.amount_fen) AS sum_fen
    FROM entries e JOIN documents d ON d.id = e.document_id
    GROUP BY e.document_id HAVING sum(e.amount_fen) <> 0 LIMIT ?`).all(limit);
}

export function documentsNotMatchingLines(book: Book, limit = 20): { id: number; natural_key: string; total_fen: number; lines_fen: number }[] {
  return stmt<[number], { id: number; natural_key: string; total_fen: number; lines_fen: number }>(book.db, `SELECT d.id, d.natural_key,
      d.total_fen, coalesce(l.s, 0) AS lines_fen
    FROM documents d LEFT JOIN (SELECT document_id, sum(amount_fen) AS s FROM document_lines GROUP BY document_id) l
      ON l.document_id = d.id
    WHERE d.total_fen <> coalesce(l.s, 0) LIMIT ?`).all(limit);
}

export function unbalancedClearings(book: Book, limit = 20): { clearing_id: number; sum_fen: number }[] {
  return stmt<[number], { clearing_id: number; sum_fen: number }>(book.db, `SELECT clearing_id, sum(amount_fen) AS sum_fen
    FROM clearing_parts GROUP BY clearing_id HAVING sum(amount_fen) <> 0 LIMIT ?`).all(limit);
}

/** For each account that carries open items: the ledger balance and the sum of what is open. They must tie. */
export function openItemTies(book: Book): { account: string; ledger_fen: number; open_fen: number }[] {
  return stmt<[], { account: string; ledger_fen: number; open_fen: number }>(book.db, `WITH accounts_with_items AS (
      SELECT DISTINCT account FROM open_items),
    ledger AS (SELECT account, sum(amount_fen) AS s FROM entries WHERE account IN (SELECT account FROM accounts_with_items) GROUP BY account),
    items AS (SELECT o.account, sum(o.amount_fen) + coalesce(sum(p.cleared), 0) AS s
      FROM open_items o LEFT JOIN (SELECT open_item_id, sum(amount_fen) AS cleared FROM clearing_parts GROUP BY open_item_id) p
        ON p.open_item_id = o.id
      GROUP BY o.account)
    SELECT a.account, coalesce(l.s, 0) AS ledger_fen, coalesce(i.s, 0) AS open_fen
    FROM accounts_with_items a LEFT JOIN ledger l ON l.account = a.account LEFT JOIN items i ON i.account = a.account
    ORDER BY a.account`).all();
}

export function rowCounts(book: Book): { documents: number; lines: number; entries: number; audit: number } {
  return stmt<[], { documents: number; lines: number; entries: number; audit: number }>(book.db, `SELECT
    (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM document_lines) AS lines,
    (SELECT count(*) FROM entries) AS entries, (SELECT count(*) FROM audit_log) AS audit`).get()!;
}

/** SQLite's quick check (the B-trees, not the indexes' content): what the window runs when it opens a book. */
export function sqliteQuickCheck(book: Book): string[] {
  return (book.db.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check);
}

/** Reversals (红字) whose entries are not exactly their original's, negated, account by account. */
export function reversalsNotMirroring(book: Book, limit = 20): { reversal_id: number; natural_key: string; account: string; sum_fen: number }[] {
  return stmt<[number], { reversal_id: number; natural_key: string; account: string; sum_fen: number }>(book.db, `SELECT r.id AS reversal_id,
      r.natural_key, e.account, sum(e.amount_fen) AS sum_fen
    FROM documents r JOIN entries e ON e.document_id IN (r.id, r.reverses_id)
    WHERE r.reverses_id IS NOT NULL GROUP BY r.id, e.account HAVING sum(e.amount_fen) <> 0 LIMIT ?`).all(limit);
}

/** Natural keys with more than one version in force (there must be at most one). */
export function keysInForceTwice(book: Book, limit = 20): { kind: string; natural_key: string; versions: number }[] {
  return stmt<[number], { kind: string; natural_key: string; versions: number }>(book.db, `SELECT d.kind, d.natural_key, count(*) AS versions
    FROM documents d WHERE d.reverses_id IS NULL AND NOT EXISTS (SELECT 1 FROM documents r WHERE r.reverses_id = d.id)
    GROUP BY d.kind, d.natural_key HAVING count(*) > 1 LIMIT ?`).all(limit);
}
