import { copyFileSync, existsSync } from 'node:fs';
import { bookInfo, setBookInfo } from '../../db/queries/book-info.js';
import { countUsers } from '../../db/queries/users.js';
import { buildBookFile } from '../book/book-file.js';
import { makeBookAt } from '../book/create-book.js';
import { openExistingBook, type Book } from '../book/open-book.js';
import { UserError } from '../errors.js';
import { DEFAULT_DEMO_FROM, generateDemo, type DemoScale } from './generate-demo.js';
import { settleDemoYear } from './settle-demo-year.js';

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
 * A fresh demo book at path, its year reconciled month by month and its last month accrued (settle: false leaves the
 * raw documents only): an earlier demo book there is replaced, anything else is refused. The new book is generated
 * under a temporary name and replaces the old one only when complete: a generation that fails or is killed leaves
 * the earlier demo book (or nothing) as it was.
 */
export async function createDemoBook(path: string, actor: string, options: { seed?: number; scale?: DemoScale; from?: string; settle?: boolean } = {}): Promise<Book> {
  if (existsSync(path)) {
    const users = await demoBookUsers(path);
    if (users === null) throw new UserError('book.demo-exists', {}, { file: path });
    // Someone set the demo up with users (and perhaps signed months in it): it is theirs now, opened, not replaced.
    if (users > 0) throw new UserError('security.demo-has-users', { users }, { file: path });
  }
  await buildBookFile(path, async (temp) => {
    if (await copiedFromTemplate(temp, options)) return;
    const book = await makeBookAt(temp, actor, 'demo');
    try {
      generateDemo(book, { seed: options.seed ?? 1, scale: options.scale ?? 'small', ...(options.from ? { from: options.from } : {}) });
      if (options.settle ?? true) {
        settleDemoYear(book, actor);
        book.write(() => setBookInfo(book, 'demo_settled', 'yes'));
      }
    } finally {
      book.close();
    }
  }, { replace: true });
  return openExistingBook(path);
}

/**
 * KA_SETTLE_DEMO_TEMPLATE names a reconciled demo book already built by this function (the test suite builds one
 * per run, test/global-setup.ts): a request for the same book — seed, scale and year, settled — copies it instead of
 * building the year again, which takes minutes on a loaded machine. The copy is used only when the template says
 * it is that very book; anything else builds as usual.
 */
async function copiedFromTemplate(path: string, options: { seed?: number; scale?: DemoScale; from?: string; settle?: boolean }): Promise<boolean> {
  const template = process.env.KA_SETTLE_DEMO_TEMPLATE;
  if (!template || !existsSync(template) || !(options.settle ?? true)) return false;
  const want = { demo_seed: String(options.seed ?? 1), demo_scale: options.scale ?? 'small', demo_from: options.from ?? DEFAULT_DEMO_FROM, demo_settled: 'yes' };
  const probe = await openExistingBook(template, { readonly: true });
  let same: boolean;
  try {
    const info = bookInfo(probe) as Record<string, string | undefined>;
    same = Object.entries(want).every(([k, v]) => info[k] === v);
  } finally {
    probe.close();
  }
  if (!same) return false;
  copyFileSync(template, path);
  return true;
}
