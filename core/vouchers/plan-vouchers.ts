import type { Book } from '../../db/connection.js';
import { lastVoucherNumber, pendingEntries } from '../../db/queries/vouchers.js';
import type { Language } from '../../locale/index.js';
import type { VoucherGrouping } from '../../vocabulary/index.js';
import { UserError } from '../errors.js';
import { AuxCodes } from './aux-items.js';
import { buildVouchers, unmappedAccounts } from './build-vouchers.js';
import { loadMapping } from './chart-mapping.js';
import { documentPostings } from './document-postings.js';
import type { Voucher } from './voucher-types.js';

export interface PlanOptions {
  grouping: VoucherGrouping;
  word: string;
  preparer: string;
  lang: Language;
  /** the first number to give (default: after the last voucher of the month under the same 凭证字) */
  startNumber?: number | undefined;
}

export interface VoucherPlan {
  period: string;
  /** the month's documents with postings that no voucher carries yet */
  documentIds: number[];
  /** accounts posted to that have no confirmed mapping: while there are any, no voucher is made */
  unmapped: string[];
  vouchers: Voucher[];
  lastNumber: number;
}

const WORD = /^\p{Script=Han}{1,2}$|^[A-Za-z]{1,4}$/u;

export function assertWord(word: string): string {
  if (!WORD.test(word)) throw new UserError('vouchers.word-invalid', { word }, { field: 'word' });
  return word;
}

/** What an export of the month would write now: its new documents as vouchers, or the accounts that stop it. */
export function planVouchers(book: Book, period: string, o: PlanOptions): VoucherPlan {
  const word = assertWord(o.word);
  const entries = pendingEntries(book, period);
  const mapping = loadMapping(book);
  const lastNumber = lastVoucherNumber(book, period, word);
  const documentIds = [...new Set(entries.map((e) => e.document_id))];
  const unmapped = unmappedAccounts(entries, mapping);
  if (o.startNumber !== undefined && o.startNumber <= lastNumber) {
    throw new UserError('vouchers.start-number', { period, last: lastNumber, min: lastNumber + 1 }, { field: 'startNumber' });
  }
  if (unmapped.length > 0 || entries.length === 0) return { period, documentIds, unmapped, vouchers: [], lastNumber };
  const vouchers = buildVouchers(documentPostings(o.lang, entries), {
    grouping: o.grouping, mapping, codes: new AuxCodes(book), word, preparer: o.preparer, firstNumber: o.startNumber ?? lastNumber + 1, lang: o.lang,
  });
  return { period, documentIds, unmapped, vouchers, lastNumber };
}
