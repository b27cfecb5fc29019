import type { Book } from '../connection.js';
import { stmt } from '../statements.js';

export function setBookInfo(book: Book, key: string, value: string): void {
  stmt(book.db, 'INSERT INTO book_info (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

export function bookInfo(book: Book): Record<string, string> {
  const rows = stmt<[], { key: string; value: string }>(book.db, 'SELECT key, value FROM book_info ORDER BY key').all();
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

/** True when the book holds no master data and no documents yet. */
export function isEmptyBook(book: Book): boolean {
  return stmt<[], { n: number }>(book.db, `SELECT (SELECT count(*) FROM manufacturers) + (SELECT count(*) FROM ka_accounts)
    + (SELECT count(*) FROM documents) AS n`).get()!.n === 0;
}
