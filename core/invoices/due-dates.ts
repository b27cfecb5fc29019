import type { Book } from '../../db/connection.js';
import { contractOn, getContract, type ContractRow } from '../../db/queries/contracts.js';
import { dueInForce, insertDueDate, lastDueRowDate, lastInvoiceDateOf, openReceiptsUnderContract, receivableOfDocument } from '../../db/queries/due-dates.js';
import { targetDocument, type TargetDocument } from '../../db/queries/invoice-targets.js';
import { getKaAccount } from '../../db/queries/master-data.js';
import { AuditWriter } from '../audit/audit-chain.js';
import { addDays, lastDayOf, periodOf, today } from '../calendar/dates.js';
import type { PaymentTermsStart } from '../../vocabulary/index.js';
import { bookingDate, latestOf } from './booking-date.js';

export interface Terms { start: PaymentTermsStart; days: number }

/** 账期: the KA contract's in force on the receipt's date, else the KA account's days from acceptance. */
export function termsOf(book: Book, receipt: { manufacturer_id: number | null; ka_account_id: number | null; doc_date: string }, contract?: ContractRow): Terms {
  const c = contract ?? (receipt.manufacturer_id && receipt.ka_account_id ? contractOn(book, receipt.manufacturer_id, receipt.ka_account_id, receipt.doc_date) : undefined);
  if (c) return { start: c.payment_terms_start as PaymentTermsStart, days: c.payment_terms_days };
  return { start: 'receipt', days: receipt.ka_account_id ? getKaAccount(book, receipt.ka_account_id)?.payment_terms_days ?? 0 : 0 };
}

/**
 * When the clock starts and when it runs out: from acceptance (验收), from the end of the month accepted (月结 N 天),
 * or from the invoice (开票) — which, until the receipt is invoiced, has not started.
 */
export function dueDate(terms: Terms, receiptDate: string, invoiceDate: string | null): { start: string | null; due: string | null } {
  switch (terms.start) {
    case 'receipt': return { start: receiptDate, due: addDays(receiptDate, terms.days) };
    case 'month_end': {
      const end = lastDayOf(periodOf(receiptDate));
      return { start: end, due: addDays(end, terms.days) };
    }
    case 'invoice': return invoiceDate ? { start: invoiceDate, due: addDays(invoiceDate, terms.days) } : { start: null, due: null };
  }
}

/** The start a receipt's due date takes as it is posted (an invoice-started one has none yet). */
export function dueOnPosting(terms: Terms, receiptDate: string): { due: string | null; awaitingInvoice: boolean } {
  const { due } = dueDate(terms, receiptDate, null);
  return { due, awaitingInvoice: terms.start === 'invoice' };
}

/** Writes the "not started" row of a receipt whose terms start at the invoice, as it is posted. */
export function markAwaitingInvoice(book: Book, openItemId: number, receiptDate: string, terms: Terms, actor: string): void {
  insertDueDate(book, { open_item_id: openItemId, effective_date: receiptDate, basis: 'invoice', terms_days: terms.days, start_date: null, due_date: null, reason: 'posted', created_by: actor });
}

/**
 * After a receipt's invoices changed (linked, unlinked, voided): a receipt whose terms start at the invoice is due
 * its days after the last invoice that covers it, from the day of the change. Paid receipts keep what they had.
 */
export function refreshInvoiceDueDates(book: Book, receiptOrId: number | TargetDocument, date: string, actor: string): void {
  const receipt = typeof receiptOrId === 'number' ? targetDocument(book, receiptOrId) : receiptOrId;
  if (!receipt || receipt.kind !== 'receipt') return;
  const receiptId = receipt.id;
  const terms = termsOf(book, receipt);
  if (terms.start !== 'invoice') return;
  const item = receivableOfDocument(book, receiptId);
  if (!item || item.open_fen === 0) return;
  const { start, due } = dueDate(terms, receipt.doc_date, lastInvoiceDateOf(book, receiptId));
  // Never before a row already written (a contract's change dated today): the later change is the one in force.
  const from = latestOf(date, lastDueRowDate(book, item.id) ?? date);
  if (dueInForce(book, item.id, from).due_date === due) return;
  insertDueDate(book, { open_item_id: item.id, effective_date: from, basis: 'invoice', terms_days: terms.days, start_date: start, due_date: due, reason: 'invoice', created_by: actor });
}

/**
 * A contract's terms changed (where they start, or how many days): every receipt it governs that still owes
 * something gets its new due date from today; what is paid keeps the due date it was paid against.
 */
export function recalculateOpenDueDates(book: Book, contractId: number, actor: string): number {
  const contract = getContract(book, contractId);
  if (!contract) return 0;
  const terms: Terms = { start: contract.payment_terms_start as PaymentTermsStart, days: contract.payment_terms_days };
  const from = bookingDate(book, today());
  let changed = 0;
  for (const r of openReceiptsUnderContract(book, contract.manufacturer_id, contract.ka_account_id, contract.valid_from, contract.valid_to)) {
    // Only the contract in force on the receipt's date governs it.
    if (contractOn(book, contract.manufacturer_id, contract.ka_account_id, r.doc_date)?.id !== contract.id) continue;
    const { start, due } = dueDate(terms, r.doc_date, terms.start === 'invoice' ? lastInvoiceDateOf(book, r.document_id) : null);
    if (dueInForce(book, r.open_item_id, from).due_date === due) continue;
    insertDueDate(book, { open_item_id: r.open_item_id, effective_date: from, basis: terms.start, terms_days: terms.days, start_date: start, due_date: due, reason: 'contract', created_by: actor });
    changed++;
  }
  new AuditWriter(book).append({ actor, action: 'recalculate-due', entity: 'contract', entityKey: String(contractId), after: { start: terms.start, days: terms.days, openItems: changed, from } });
  return changed;
}
