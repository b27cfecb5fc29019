import { existsSync } from 'node:fs';
import { bookInfo } from '../../db/queries/book-info.js';
import { countUsers } from '../../db/queries/users.js';
import { buildBookFile } from '../book/book-file.js';
import { makeBookAt } from '../book/create-book.js';
import { openExistingBook, type Book } from '../book/open-book.js';
import { UserError } from '../errors.js';
import { generateDemo, type DemoScale } from './generate-demo.js';

/** True when the file is a book the demo generator made (it records its seed). */
export async function isDemoBook(path: string): Promise<boolean> {
  return (await demoBookUsers(path)) !== null;
}

/** How many users a demo book at path has, or null when it is not a demo book. */
async function demoBookUsers(path: string): Promise<number | null> {
  if (!existsSync(path)) return null;
  try {
    // As it is: a demo book made before an upgrade is still the demo book.
    const book = await openExistingBook(path, { readonly: true, upToVersion: 0 });
    try {
      return bookInfo(book).demo_seed !== undefined ? countUsers(book) : null;
    } finally {
      book.close();
    }
  } catch {
    return null;
  }
}

/**
 * A fresh demo book at path: an earlier demo book there is replaced, anything else is refused. The new book is
 * generated under a temporary name and replaces the old one only when complete: a generation that fails or is
 * killed leaves the earlier demo book (or nothing) as it was.
 */
export async function createDemoBook(path: string, actor: string, options: { seed?: number; scale?: DemoScale; from?: string } = {}): Promise<Book> {
  if (existsSync(path)) {
    const users = await demoBookUsers(path);
    if (users === null) throw new UserError('book-exists', 'a file of that name exists and is not a demo book; the demo writes a new book', { file: path });
    // Someone set the demo up with users (and perhaps signed months in it): it is theirs now, opened, not replaced.
    if (users > 0) throw new UserError('security.demo-has-users', { users }, { file: path });
  }
  await buildBookFile(path, async (temp) => {
    const book = await makeBookAt(temp, actor, 'demo');
    try {
      generateDemo(book, { seed: options.seed ?? 1, scale: options.scale ?? 'small', ...(options.from ? { from: options.from } : {}) });
    } finally {
      book.close();
    }
  }, { replace: true });
  return openExistingBook(path);
}
