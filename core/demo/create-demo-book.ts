import { existsSync, rmSync } from 'node:fs';
import { bookInfo } from '../../db/queries/book-info.js';
import { createBook } from '../book/create-book.js';
import { openExistingBook, type Book } from '../book/open-book.js';
import { UserError } from '../errors.js';
import { generateDemo, type DemoScale } from './generate-demo.js';
import { settleDemoYear } from './settle-demo-year.js';

function removeBookFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
}

/** True when the file is a book the demo generator made (it records its seed). */
export async function isDemoBook(path: string): Promise<boolean> {
  if (!existsSync(path)) return false;
  try {
    const book = await openExistingBook(path, { readonly: true });
    try {
      return bookInfo(book).demo_seed !== undefined;
    } finally {
      book.close();
    }
  } catch {
    return false;
  }
}

/**
 * A fresh demo book at path, its year reconciled month by month and its last month accrued (settle: false leaves the
 * raw documents only): an earlier demo book there is replaced, anything else is refused. A generation that fails
 * leaves no half-made book behind.
 */
export async function createDemoBook(path: string, actor: string, options: { seed?: number; scale?: DemoScale; from?: string; settle?: boolean } = {}): Promise<Book> {
  if (existsSync(path)) {
    if (!(await isDemoBook(path))) throw new UserError('book.demo-exists', {}, { file: path });
    removeBookFiles(path);
  }
  const book = await createBook(path, actor, 'demo');
  try {
    generateDemo(book, { seed: options.seed ?? 1, scale: options.scale ?? 'small', ...(options.from ? { from: options.from } : {}) });
    if (options.settle ?? true) settleDemoYear(book, actor);
    return book;
  } catch (e) {
    book.close();
    removeBookFiles(path);
    throw e;
  }
}
