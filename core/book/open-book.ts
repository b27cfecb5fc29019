import { BookOpenError, openBook, type Book, type OpenOptions } from '../../db/connection.js';
import { UserError } from '../errors.js';

export type { Book } from '../../db/connection.js';

/** Opens a book for the services above core, turning refusals into UserErrors naming the file. */
export async function openExistingBook(path: string, options: Omit<OpenOptions, 'create' | 'mustBeNew'> = {}): Promise<Book> {
  try {
    return await openBook(path, options);
  } catch (e) {
    if (e instanceof BookOpenError) throw new UserError(`book.${e.code}`, {}, { file: path });
    throw e;
  }
}
