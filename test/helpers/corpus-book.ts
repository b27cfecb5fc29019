import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { confirmCustomers, readCustomersFile } from '../../core/import/learn-customers.js';
import type { ImportKind } from '../../core/import/import-kinds.js';
import type { Book } from '../../db/connection.js';
import { importOk } from './sep-book.js';
import { createBook } from '../../core/book/create-book.js';
import { tempBook } from './temp-book.js';

export const CORPUS = fileURLToPath(new URL('../fixtures/corpus/', import.meta.url));

/** What scripts/make-export-corpus.mjs says a file must give. */
export interface CorpusExpectation {
  system: string;
  kind: ImportKind;
  options: { ka?: string; date?: string };
  shapes: string[];
  storeReadings?: string[];
  dateStyles?: string[];
  unknownCustomer?: { code: string; name: string; ka: string; store: string };
  documents: {
    kind: string; docNo: string; date: string; ka: string; store: string | null; orderNo?: string | null; issuer?: string; method?: string | null; total: number;
    lines: { sku?: string; qty?: number; price?: number; amount: number; store: string | null; feeText?: string; feeType?: string; reference?: string; memo?: string | null }[];
  }[];
}

export function expectation(path: string): CorpusExpectation {
  return JSON.parse(readFileSync(`${path}.expected.json`, 'utf8')) as CorpusExpectation;
}

/** The corpus's exports, in name order. */
export function corpusExports(): string[] {
  return readdirSync(join(CORPUS, 'exports')).filter((f) => !f.endsWith('.expected.json')).sort();
}

const MASTER_KINDS: Record<string, ImportKind> = {
  '01-manufacturers.csv': 'manufacturers', '02-distributors.csv': 'distributors', '03-ka-accounts.csv': 'ka-accounts', '04-stores.csv': 'stores', '05-products.csv': 'products',
};

/**
 * One book holding the corpus's master data, imported through the importer, and the ERP customer codes confirmed
 * once. At `path` it outlives a single test (the caller closes it); without, it is a temp book closed after the test.
 */
export async function corpusBook(path?: string): Promise<Book> {
  const book = path ? await createBook(path, 'tester') : await tempBook('corpus.kasettle');
  for (const [file, kind] of Object.entries(MASTER_KINDS)) await importOk(book, kind, join(CORPUS, 'master', file));
  const pairs = await readCustomersFile(join(CORPUS, 'master', '06-customers.csv'));
  book.write(() => confirmCustomers(book, pairs, 'tester'));
  return book;
}

export interface BookDocument {
  kind: string; docNo: string; naturalKey: string; date: string; ka: string | null; store: string | null; orderNo: string | null; method: string | null; total: number;
  lines: { sku: string | null; qty: number | null; price: number | null; amount: number; store: string | null; feeText: string | null; reference: string | null; memo: string | null }[];
}

/** The documents one import batch wrote, as the book holds them. */
export function batchDocuments(book: Book, batchId: number): BookDocument[] {
  const docs = book.db.prepare(`SELECT d.id, d.kind, d.doc_no AS docNo, d.natural_key AS naturalKey, d.doc_date AS date, k.code AS ka, s.store_code AS store,
      d.order_no AS orderNo, d.method, d.total_fen AS total
    FROM documents d LEFT JOIN ka_accounts k ON k.id = d.ka_account_id LEFT JOIN stores s ON s.id = d.store_id WHERE d.batch_id = ? ORDER BY d.id`).all(batchId) as (BookDocument & { id: number })[];
  const lines = book.db.prepare(`SELECT p.sku, l.qty_milli AS qty, l.price_e4 AS price, l.amount_fen AS amount, s.store_code AS store, l.fee_text AS feeText,
      l.reference, l.memo FROM document_lines l LEFT JOIN products p ON p.id = l.product_id LEFT JOIN stores s ON s.id = l.store_id
    WHERE l.document_id = ? ORDER BY l.line_no`);
  return docs.map(({ id, ...d }) => ({ ...d, lines: lines.all(id) as BookDocument['lines'] }));
}
