import type { Book } from '../../db/connection.js';
import { sqliteQuickCheck } from '../../db/queries/integrity.js';
import { UserError } from '../errors.js';

/**
 * The check a book passes when the window opens it: SQLite's quick check of every page. A book that fails is not
 * worked in; the window offers its newest good backup instead.
 */
export function assertSoundOnOpen(book: Book): void {
  let result: string[];
  try {
    result = sqliteQuickCheck(book);
  } catch (e) {
    result = [e instanceof Error ? e.message : String(e)];
  }
  if (result.length !== 1 || result[0] !== 'ok') {
    throw new UserError('book.damaged', { detail: result.slice(0, 2).join('; ') }, { file: book.path });
  }
}
