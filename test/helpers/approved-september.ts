import { acceptCloseExceptions, approvePeriod, preparePeriod, reviewPeriod } from '../../core/close/close-period.js';
import { expect } from 'vitest';
import { addPeople } from './people.js';
import { importOk, QUIRKS, SEP, sepBook } from './sep-book.js';

/** The September sample imported, its exceptions accepted, and the month prepared, reviewed and approved. */
export async function approvedSeptember() {
  const book = await sepBook();
  for (const [kind, file] of [['deliveries', '10-deliveries.csv'], ['receipts', '11-receipts-rtm.csv'], ['receipts', '12-receipts-met.xlsx']] as const) await importOk(book, kind, `${SEP}${file}`);
  await importOk(book, 'deductions', `${SEP}13-deductions-rtm.csv`, { date: '2026-09-30' });
  await importOk(book, 'contracts', `${QUIRKS}contracts.json`);
  const people = addPeople(book);
  expect(() => preparePeriod(book, '2026-09', people.wang, '2026-10-05')).toThrow(/unresolved/);
  acceptCloseExceptions(book, '2026-09', 'all', 'agreed with the KAs', people.wang);
  preparePeriod(book, '2026-09', people.wang, '2026-10-05');
  reviewPeriod(book, '2026-09', people.li);
  approvePeriod(book, '2026-09', people.zhao);
  return book;
}
