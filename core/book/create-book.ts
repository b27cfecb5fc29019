import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { BookOpenError, openBook, type Book } from '../../db/connection.js';
import { UserError } from '../errors.js';
import { setBookInfo } from '../../db/queries/book-info.js';
import { AuditWriter } from '../audit/audit-chain.js';
import { buildBookFile } from './book-file.js';
import { openExistingBook } from './open-book.js';

function asUserError(e: unknown, path: string): unknown {
  return e instanceof BookOpenError ? new UserError(`book.${e.code}`, {}, { file: path }) : e;
}

/** The book's file name without its extension: what a book is called unless it is given a name. */
export function bookNameOf(path: string): string {
  return path.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
}

/**
 * Makes a new book in place at path (schema applied, identity stamped, first audit row): the building step of
 * createBook and of the demo, always on a temporary file that is moved into place when complete.
 */
export async function makeBookAt(path: string, actor: string, name: string): Promise<Book> {
  let book: Book;
  try {
    book = await openBook(path, { create: true, mustBeNew: true });
  } catch (e) {
    throw asUserError(e, path);
  }
  book.write(() => {
    const info = { id: randomUUID(), name, created_at: new Date().toISOString() };
    for (const [k, v] of Object.entries(info)) setBookInfo(book, k, v);
    new AuditWriter(book).append({ actor, action: 'create', entity: 'book', entityKey: info.id, after: info });
  });
  return book;
}

/**
 * A new, empty book: schema applied, an identity stamped, the first audit row written — built under a temporary
 * name and moved into place whole, so an interrupted `init` leaves no half-made book (and an existing file is never
 * overwritten).
 */
export async function createBook(path: string, actor: string, name?: string): Promise<Book> {
  if (existsSync(path)) throw new UserError('book.exists', {}, { file: path });
  await buildBookFile(path, async (temp) => (await makeBookAt(temp, actor, name ?? bookNameOf(path))).close(), { replace: false });
  return openExistingBook(path);
}
