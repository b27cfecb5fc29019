import { fileURLToPath } from 'node:url';
import { importFile, type ImportOptions } from '../../core/import/import-file.js';
import { reconcilePeriod } from '../../core/reconcile/reconcile-period.js';
import type { Book } from '../../db/connection.js';
import { balances } from '../../db/queries/balances.js';
import { openItemsOfDocument } from '../../db/queries/clearings.js';
import { importOk, QUIRKS, sepBook } from './sep-book.js';

/** test/fixtures/corrections, written by scripts/make-correction-fixtures.mjs */
export const FIX = fileURLToPath(new URL('../fixtures/corrections/', import.meta.url));

/** The September sample's master data with its RTM contract (barcode fees are the manufacturer's). */
export async function correctionsBook(): Promise<Book> {
  const book = await sepBook();
  await importOk(book, 'contracts', `${QUIRKS}contracts.json`);
  return book;
}

export function importReceipts(book: Book, version: 'v1' | 'v2', extra: Partial<ImportOptions> = {}) {
  return importFile(book, `${FIX}rtm-receipts-${version}.csv`, { kind: 'receipts', actor: 'tester', kaCode: 'RTM', ...extra });
}

export const importRemittance = (book: Book) => importOk(book, 'remittances', `${FIX}rtm-remittance.csv`, { kaCode: 'RTM' });
export const importDeduction = (book: Book) => importOk(book, 'deductions', `${FIX}rtm-deductions.csv`, { kaCode: 'RTM', date: '2026-09-30' });

export const reconcile = (book: Book, period: string) => reconcilePeriod(book, { period, actor: 'tester', asOf: '2026-10-31' });

/** The in-force document of a number and kind, and what is still open on its receivable. */
export function doc(book: Book, docNo: string, kind = 'receipt'): { id: number; version: number; total_fen: number } {
  const row = book.db.prepare(`SELECT d.id, d.version, d.total_fen FROM documents d WHERE d.doc_no = ? AND d.kind = ? AND d.reverses_id IS NULL
    AND NOT EXISTS (SELECT 1 FROM documents r WHERE r.reverses_id = d.id)`).get(docNo, kind) as { id: number; version: number; total_fen: number } | undefined;
  if (!row) throw new Error(`no ${kind} ${docNo} in force`);
  return row;
}

export function openOf(book: Book, id: number, account = 'ar_ka'): number {
  return openItemsOfDocument(book, id).find((i) => i.account === account)?.open_fen ?? 0;
}

export function account(book: Book, code: string, asOf?: string): number {
  return balances(book, 'account', asOf).find((b) => b.account === code)?.balance_fen ?? 0;
}

/** Each account's ledger balance, and what the documents in force alone post to it: the two must be equal. */
export function ledgerAgainstDocumentsInForce(book: Book): { ledger: Record<string, number>; inForce: Record<string, number> } {
  const rows = (sql: string) => Object.fromEntries((book.db.prepare(sql).all() as { account: string; s: number }[]).filter((r) => r.s !== 0).map((r) => [r.account, r.s]));
  return {
    ledger: rows('SELECT account, sum(amount_fen) AS s FROM entries GROUP BY account ORDER BY account'),
    inForce: rows(`SELECT e.account, sum(e.amount_fen) AS s FROM entries e JOIN documents d ON d.id = e.document_id
      WHERE d.reverses_id IS NULL AND NOT EXISTS (SELECT 1 FROM documents r WHERE r.reverses_id = d.id) GROUP BY e.account ORDER BY e.account`),
  };
}
