import type { Book } from '../../db/connection.js';
import { bookAccounts } from '../../db/queries/gl-mapping.js';
import { getPeriod } from '../../db/queries/periods.js';
import { pendingEntries, voucherExports, type VoucherExportRow } from '../../db/queries/vouchers.js';
import type { Message } from '../../locale/index.js';
import type { VoucherGrouping } from '../../vocabulary/index.js';
import { assertPeriod } from '../calendar/dates.js';
import { UserError } from '../errors.js';
import { planVouchers } from './plan-vouchers.js';
import { rememberedVouchers } from './remembered-vouchers.js';
import { debitTotal, type Voucher } from './voucher-types.js';

export interface VoucherListRow {
  word: string;
  number: number;
  date: string;
  summary: string;
  debit: number;
  lines: number;
  documents: string[];
}

export interface VoucherPreview {
  period: string;
  periodStatus: string;
  grouping: VoucherGrouping;
  /** documents of the month with postings that no voucher carries yet */
  pendingDocuments: number;
  unmapped: { account: string; name: string }[];
  /** why the new vouchers cannot be made (an entry missing a 核算项目 its account needs) */
  blocked: Message | null;
  voucherCount: number;
  debit: number;
  /** the first vouchers an export would write now */
  vouchers: VoucherListRow[];
  remembered: { vouchers: number; documents: number };
  exports: VoucherExportRow[];
}

const PREVIEW_ROWS = 500;

export function voucherListRow(v: Voucher): VoucherListRow {
  return { word: v.word, number: v.number, date: v.date, summary: v.summary, debit: debitTotal(v.lines), lines: v.lines.length, documents: v.documentNos };
}

/** What an export of the month would write now, what stops it, and what was exported before. Writes nothing. */
export function previewVouchers(book: Book, periodText: string, grouping: VoucherGrouping, word = '记'): VoucherPreview {
  const period = assertPeriod(periodText, { field: 'period' });
  const exports = voucherExports(book, period);
  const pendingDocuments = new Set(pendingEntries(book, period).map((e) => e.document_id)).size;
  const base = {
    period, pendingDocuments, periodStatus: getPeriod(book, period)?.status ?? 'open', grouping, exports,
    remembered: { vouchers: exports.reduce((n, x) => n + x.vouchers, 0), documents: exports.reduce((n, x) => n + x.documents, 0) },
  };
  try {
    const plan = planVouchers(book, period, { grouping, word, preparer: '', lang: 'zh' });
    const names = new Map(bookAccounts(book).map((a) => [a.code, a.name_zh]));
    return {
      ...base, unmapped: plan.unmapped.map((account) => ({ account, name: names.get(account) ?? account })), blocked: null,
      voucherCount: plan.vouchers.length, debit: plan.vouchers.reduce((s, v) => s + debitTotal(v.lines), 0), vouchers: plan.vouchers.slice(0, PREVIEW_ROWS).map(voucherListRow),
    };
  } catch (e) {
    if (!(e instanceof UserError) || !e.toMessage()) throw e;
    return { ...base, unmapped: [], blocked: e.toMessage()!, voucherCount: 0, debit: 0, vouchers: [] };
  }
}

/** The vouchers remembered for a month (or one export), for the list in the window and `--list`. */
export function rememberedList(book: Book, periodText: string, batch?: number): VoucherListRow[] {
  const period = assertPeriod(periodText, { field: 'period' });
  return rememberedVouchers(book, period, batch ?? null).map(voucherListRow);
}
