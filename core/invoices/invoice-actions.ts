import type { Book } from '../../db/connection.js';
import { invoiceDocumentByNumber, targetsByNumber, type InvoiceDocument } from '../../db/queries/invoice-targets.js';
import { latestInvoiceStatus } from '../../db/queries/invoices.js';
import { today } from '../calendar/dates.js';
import { UserError } from '../errors.js';
import { Poster } from '../ledger/post-documents.js';
import { insertBatch } from '../../db/queries/documents.js';
import { findKaAccount } from '../../db/queries/master-data.js';
import { distributorsList } from '../../db/queries/credit-parties.js';
import type { InvoiceLinkRole } from '../../vocabulary/index.js';
import { bookingDate } from './booking-date.js';
import type { InvoiceDraft } from './invoice-draft.js';
import { linkInvoice, unlinkAll, unlinkInvoice } from './links.js';
import { recordInvoiceBatch, type InvoiceBatchSummary } from './record-batch.js';
import { InvoiceRecorder } from './record-invoice.js';

/** The invoice a person names by its number (数电 number, or code-number). */
export function invoiceNamed(book: Book, number: string): InvoiceDocument {
  const inv = invoiceDocumentByNumber(book, number.trim());
  if (!inv) throw new UserError('invoices.not-an-invoice', { key: number }, { field: 'invoice' });
  return inv;
}

/** The role a link by hand takes, from the invoice and the document (a blue invoice on a 票扣 deduction is its discount line). */
function roleFor(inv: InvoiceDocument, kind: string, method: string | null): InvoiceLinkRole {
  if (inv.direction === 'received') return 'fee';
  if (inv.colour === 'red') return kind === 'return' ? 'return' : 'rebate';
  return kind === 'deduction' && method === 'invoice' ? 'discount' : 'goods';
}

function documentNamed(book: Book, inv: InvoiceDocument, docNo: string) {
  const docs = targetsByNumber(book, docNo.trim()).filter((d) => d.ka_account_id === inv.ka_account_id);
  if (docs.length === 0) throw new UserError('invoices.document-not-found', { key: docNo }, { field: 'document' });
  return docs.at(-1)!;
}

/**
 * 手工关联: an invoice linked by hand to a receipt, return or deduction of its KA (all that is left of it, or an
 * amount), dated today (or the first open day after a closed month). Auto-linking never touches an invoice that
 * has a link made by hand.
 */
export function linkByHand(book: Book, r: { invoice: string; document: string; amount?: number; note?: string | null }, actor: string) {
  return book.write(() => {
    const inv = invoiceNamed(book, r.invoice);
    const doc = documentNamed(book, inv, r.document);
    const role = roleFor(inv, doc.kind, doc.method);
    const date = bookingDate(book, today() < inv.doc_date ? inv.doc_date : today());
    linkInvoice(book, { invoiceId: inv.id, documentId: doc.id, role, ...(r.amount !== undefined ? { amount: r.amount } : {}), method: 'manual', date, note: r.note ?? null }, actor);
    return { invoice: inv.doc_no, document: doc.doc_no, role, date };
  });
}

export function unlinkByHand(book: Book, r: { invoice: string; document: string; reason: string }, actor: string) {
  if (!r.reason.trim()) throw new UserError('invoices.reason-needed', {}, { field: 'reason' });
  return book.write(() => {
    const inv = invoiceNamed(book, r.invoice);
    const doc = documentNamed(book, inv, r.document);
    const amount = unlinkInvoice(book, inv.id, doc.id, null, bookingDate(book, today()), r.reason.trim(), actor);
    return { invoice: inv.doc_no, document: doc.doc_no, amount };
  });
}

/** 作废: recorded void from today, never deleted; what it covered is unlinked the same day. */
export function voidInvoice(book: Book, r: { invoice: string; reason: string }, actor: string) {
  if (!r.reason.trim()) throw new UserError('invoices.reason-needed', {}, { field: 'reason' });
  return book.write(() => {
    const inv = invoiceNamed(book, r.invoice);
    if (latestInvoiceStatus(book, inv.id).status === 'void') throw new UserError('invoices.already-status', { number: inv.doc_no, status: 'void' }, { field: 'invoice' });
    const date = bookingDate(book, today() < inv.doc_date ? inv.doc_date : today());
    const batchId = insertBatch(book, { kind: 'invoices', description: `void ${inv.doc_no}`, file_name: null, file_sha256: null, created_by: actor });
    new InvoiceRecorder(book, new Poster(book, actor, batchId), actor).setStatus(inv.id, inv.doc_no, 'void', date, r.reason.trim());
    const unlinked = unlinkAll(book, inv.id, date, 'void', actor);
    return { invoice: inv.doc_no, date, unlinked };
  });
}

/** 手工录入: a paper invoice typed in, checked and recorded like any other (source manual), then linked. */
export function enterInvoice(book: Book, draft: Omit<InvoiceDraft, 'source'>, actor: string): InvoiceBatchSummary {
  return book.write(() => recordInvoiceBatch(book, [{ ...draft, source: 'manual' }], actor, { description: `entered by hand ${draft.number}` }));
}

/** The KA account a person names by its code (none: every KA). */
export function kaIdOf(book: Book, code: string | undefined, field = '--ka'): number | null {
  if (!code) return null;
  const ka = findKaAccount(book, code);
  if (!ka) throw new UserError('invoices.ka-unknown', { code }, { field });
  return ka.id;
}

/** The seller on the to-invoice workbook: the book's distributor (their names, when the book holds several). */
export function sellerNames(book: Book): string {
  return distributorsList(book).map((d) => d.name).join('、');
}
