import { backupBook, type Book } from '../../db/connection.js';

/** A consistent copy of the open book in `backups/` beside it, named for why it was taken. */
export function backupBeforeRisk(book: Book, reason: string): Promise<string> {
  return backupBook(book.db, book.path, reason);
}
