import { fileURLToPath } from 'node:url';
import { importFile, type ImportOptions } from '../../core/import/import-file.js';
import type { Book } from '../../db/connection.js';
import { createBook } from '../../core/book/create-book.js';
import { tempBook } from './temp-book.js';

export const SEP = fileURLToPath(new URL('../fixtures/sep/', import.meta.url));
export const QUIRKS = fileURLToPath(new URL('../fixtures/import/', import.meta.url));

export async function importOk(book: Book, kind: ImportOptions['kind'], file: string, extra: Partial<ImportOptions> = {}) {
  const r = await importFile(book, file, { kind, actor: 'tester', ...extra });
  if (r.errorCount || r.conflicts.length) throw new Error(`${file}: ${JSON.stringify({ errors: r.errors.slice(0, 5), conflicts: r.conflicts })}`);
  return r;
}

/** A book holding the September sample's master data, imported through the importer itself. */
export async function sepBook(): Promise<Book> {
  const book = await tempBook();
  await importOk(book, 'manufacturers', `${SEP}01-manufacturers.csv`);
  await importOk(book, 'distributors', `${SEP}02-distributors.csv`);
  await importOk(book, 'ka-accounts', `${SEP}03-ka-accounts.csv`);
  await importOk(book, 'stores', `${SEP}04-stores.csv`);
  await importOk(book, 'products', `${SEP}05-products.csv`);
  await importOk(book, 'prices', `${SEP}06-prices.csv`);
  return book;
}

/** Everything a write could change, for "the book is unchanged" assertions. */
export function bookState(book: Book): string {
  const count = (t: string) => (book.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  return ['documents', 'document_lines', 'entries', 'open_items', 'audit_log', 'batches', 'stores', 'products', 'prices', 'product_aliases', 'promotions', 'contracts', 'import_mappings']
    .map((t) => `${t}=${count(t)}`).join(' ');
}

/** The same book at a path of the caller's (not removed after each test): for a file of tests that share one book. */
export async function sepBookAt(path: string): Promise<Book> {
  const book = await createBook(path, 'tester');
  for (const [kind, file] of [['manufacturers', '01-manufacturers.csv'], ['distributors', '02-distributors.csv'], ['ka-accounts', '03-ka-accounts.csv'],
    ['stores', '04-stores.csv'], ['products', '05-products.csv'], ['prices', '06-prices.csv']] as const) await importOk(book, kind, `${SEP}${file}`);
  return book;
}
