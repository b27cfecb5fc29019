import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { bookInfo, setBookInfo } from '../../db/queries/book-info.js';
import { createBook } from '../book/create-book.js';
import { openExistingBook, type Book } from '../book/open-book.js';
import { UserError } from '../errors.js';
import { DEFAULT_DEMO_FROM, generateDemo, type DemoScale } from './generate-demo.js';
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
  const copied = await fromTemplate(path, options);
  if (copied) return copied;
  const book = await createBook(path, actor, 'demo');
  try {
    generateDemo(book, { seed: options.seed ?? 1, scale: options.scale ?? 'small', ...(options.from ? { from: options.from } : {}) });
    if (options.settle ?? true) {
      settleDemoYear(book, actor);
      book.write(() => setBookInfo(book, 'demo_settled', 'yes'));
    }
    return book;
  } catch (e) {
    book.close();
    removeBookFiles(path);
    throw e;
  }
}

/**
 * KA_SETTLE_DEMO_TEMPLATE names a reconciled demo book already built by this function (the test suite builds one
 * per run, test/global-setup.ts): a request for the same book — seed, scale and year, settled — copies it instead of
 * building the year again, which takes minutes on a loaded machine. The copy is used only when the template says
 * it is that very book; anything else builds as usual.
 */
async function fromTemplate(path: string, options: { seed?: number; scale?: DemoScale; from?: string; settle?: boolean }): Promise<Book | null> {
  const template = process.env.KA_SETTLE_DEMO_TEMPLATE;
  if (!template || !existsSync(template) || !(options.settle ?? true)) return null;
  const want = { demo_seed: String(options.seed ?? 1), demo_scale: options.scale ?? 'small', demo_from: options.from ?? DEFAULT_DEMO_FROM, demo_settled: 'yes' };
  const probe = await openExistingBook(template, { readonly: true });
  let same: boolean;
  try {
    const info = bookInfo(probe) as Record<string, string | undefined>;
    same = Object.entries(want).every(([k, v]) => info[k] === v);
  } finally {
    probe.close();
  }
  if (!same) return null;
  copyFileSync(template, path);
  return openExistingBook(path);
}
