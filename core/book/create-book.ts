import { randomUUID } from 'node:crypto';
import { BookOpenError, openBook, type Book } from '../../db/connection.js';
import { UserError } from '../errors.js';
import { setBookInfo } from '../../db/queries/book-info.js';
import { AuditWriter } from '../audit/audit-chain.js';

/** A new, empty book: schema applied, an identity stamped, the first audit row written. */
export async function createBook(path: string, actor: string, name?: string): Promise<Book> {
  let book: Book;
  try {
    book = await openBook(path, { create: true, mustBeNew: true });
  } catch (e) {
    if (e instanceof BookOpenError) throw new UserError(`book.${e.code}`, {}, { file: path });
    throw e;
  }
  book.write(() => {
    const info = { id: randomUUID(), name: name ?? path.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, ''), created_at: new Date().toISOString() };
    for (const [k, v] of Object.entries(info)) setBookInfo(book, k, v);
    new AuditWriter(book).append({ actor, action: 'create', entity: 'book', entityKey: info.id, after: info });
  });
  return book;
}
