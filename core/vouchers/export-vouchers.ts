import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { Book } from '../../db/connection.js';
import { getVoucherExport, insertVoucher, insertVoucherDocument, insertVoucherExport, insertVoucherLine, lastVoucherNumber, pendingEntries } from '../../db/queries/vouchers.js';
import type { VoucherGrouping } from '../../vocabulary/index.js';
import { AuditWriter } from '../audit/audit-chain.js';
import { assertPeriod } from '../calendar/dates.js';
import { UserError } from '../errors.js';
import { requirePermission } from '../users/permissions.js';
import type { SignedIn } from '../users/users.js';
import type { VoucherLayout } from './layout-schema.js';
import { planVouchers } from './plan-vouchers.js';
import { rememberedVouchers } from './remembered-vouchers.js';
import { renderVoucherFile } from './render-file.js';
import { debitTotal, type Voucher } from './voucher-types.js';

export interface ExportResult {
  period: string;
  /** the export's number (第 N 批); null when nothing was new */
  batch: number | null;
  layout: string;
  vouchers: number;
  documents: number;
  first: number | null;
  last: number | null;
  /** the debit column's total over the vouchers written (it equals the credit column's) */
  debit: number;
  file: string | null;
  sha256: string | null;
}

function summaryOf(period: string, layout: VoucherLayout, vouchers: readonly Voucher[], batch: number | null, file: string | null, sha256: string | null): ExportResult {
  return {
    period, batch, layout: layout.name, vouchers: vouchers.length, documents: vouchers.reduce((n, v) => n + v.documentIds.length, 0),
    first: vouchers[0]?.number ?? null, last: vouchers.at(-1)?.number ?? null, debit: vouchers.reduce((s, v) => s + debitTotal(v.lines), 0), file, sha256,
  };
}

/** The file goes down whole or not at all: written beside its place, then renamed into it. */
function writeWhole(path: string, bytes: Buffer): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.part`;
  writeFileSync(temp, bytes);
  renameSync(temp, path);
}

function unmappedError(book: Book, period: string, unmapped: readonly string[]): UserError {
  return new UserError('vouchers.unmapped', { period, accounts: unmapped.map((account) => ({ code: 'vouchers.account', params: { account } })) });
}

export interface ExportRequest {
  period: string;
  grouping: VoucherGrouping;
  layout: VoucherLayout;
  path: string;
  user: SignedIn;
  word?: string | undefined;
  startNumber?: number | undefined;
}

/**
 * Exports the month's new postings: every document of the month that posts and that no voucher carries yet becomes
 * part of a numbered, balanced voucher, remembered with the documents it carries, then written to the file. A second
 * export of the same month takes only what came since; a month with nothing new writes nothing. The vouchers are
 * committed before the file is written, so a file that failed to write is written again from memory
 * (rewriteVouchers), never exported twice.
 */
export async function exportNewVouchers(book: Book, r: ExportRequest): Promise<ExportResult> {
  requirePermission(r.user, 'vouchers');
  const period = assertPeriod(r.period, { field: 'period' });
  const word = r.word ?? '记';
  const plan = planVouchers(book, period, { grouping: r.grouping, word, preparer: r.user.displayName, lang: r.layout.language, startNumber: r.startNumber });
  if (plan.unmapped.length > 0) throw unmappedError(book, period, plan.unmapped);
  if (plan.vouchers.length === 0) return summaryOf(period, r.layout, [], null, null, null);

  const bytes = await renderVoucherFile(r.layout, period, plan.vouchers);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const batch = book.write(() => {
    // Another writer may have come between planning and now (the command and the window on one book).
    const now = [...new Set(pendingEntries(book, period).map((e) => e.document_id))];
    if (now.join() !== plan.documentIds.join() || lastVoucherNumber(book, period, word) !== plan.lastNumber) throw new UserError('vouchers.changed-meanwhile', { period });
    const exportId = insertVoucherExport(book, { period, grouping: r.grouping, layout: r.layout.name, file_name: basename(r.path), file_sha256: sha256, created_by: r.user.username });
    for (const v of plan.vouchers) {
      const id = insertVoucher(book, { export_id: exportId, period, word: v.word, number: v.number, voucher_date: v.date, summary: v.summary, preparer: v.preparer, attachments: v.attachments });
      v.lines.forEach((l, i) => insertVoucherLine(book, {
        voucher_id: id, line_no: i + 1, account: l.account, gl_code: l.glCode, gl_name: l.glName, summary: l.summary, side: l.side, amount_fen: l.amount,
        customer_code: l.aux.customer?.code ?? null, customer_name: l.aux.customer?.name ?? null, supplier_code: l.aux.supplier?.code ?? null,
        supplier_name: l.aux.supplier?.name ?? null, department_code: l.aux.department?.code ?? null, department_name: l.aux.department?.name ?? null,
      }));
      for (const d of v.documentIds) insertVoucherDocument(book, id, d);
    }
    const result = summaryOf(period, r.layout, plan.vouchers, exportId, r.path, sha256);
    new AuditWriter(book).append({ actor: r.user.username, action: 'export', entity: 'vouchers', entityKey: `${period}#${exportId}`, after: { ...result, grouping: r.grouping } });
    return exportId;
  });
  try {
    writeWhole(r.path, bytes);
  } catch (e) {
    throw new UserError('vouchers.file-not-written', { batch, period, reason: e instanceof Error ? e.message : String(e) }, { file: r.path });
  }
  return summaryOf(period, r.layout, plan.vouchers, batch, r.path, sha256);
}

export interface RewriteRequest {
  period: string;
  /** one export (第 N 批); all the month's vouchers when absent */
  batch?: number | undefined;
  layout: VoucherLayout;
  path: string;
  user: SignedIn;
}

/**
 * Writes remembered vouchers again — one export, or the whole month — as they were handed to the GL: the same
 * vouchers in the same layout give the same bytes, so a closed month's file can be made again at any time.
 */
export async function rewriteVouchers(book: Book, r: RewriteRequest): Promise<ExportResult> {
  requirePermission(r.user, 'vouchers');
  const period = assertPeriod(r.period, { field: 'period' });
  if (r.batch !== undefined && getVoucherExport(book, r.batch)?.period !== period) throw new UserError('vouchers.unknown-export', { period, batch: r.batch }, { field: 'batch' });
  const vouchers = rememberedVouchers(book, period, r.batch ?? null);
  if (vouchers.length === 0) throw new UserError('vouchers.nothing-remembered', { period }, { field: 'period' });
  const bytes = await renderVoucherFile(r.layout, period, vouchers);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const result = summaryOf(period, r.layout, vouchers, r.batch ?? null, r.path, sha256);
  book.write(() => new AuditWriter(book).append({ actor: r.user.username, action: 'rewrite', entity: 'vouchers', entityKey: `${period}${r.batch ? `#${r.batch}` : ''}`, after: result }));
  writeWhole(r.path, bytes);
  return result;
}
