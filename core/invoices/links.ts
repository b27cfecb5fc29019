import type { Book } from '../../db/connection.js';
import { insertLink, insertLinks, linkedToDocument, linkedToDocuments, openLinkRows, openLinksOfInvoice } from '../../db/queries/invoice-links.js';
import { invoiceDocument, targetDocument, targetDocuments, type InvoiceDocument, type TargetDocument } from '../../db/queries/invoice-targets.js';
import { invoiceStatusOn } from '../../db/queries/invoices.js';
import { getPeriod } from '../../db/queries/periods.js';
import { anyContractStartsAtInvoice } from '../../db/queries/contracts.js';
import { AuditWriter } from '../audit/audit-chain.js';
import { UserError } from '../errors.js';
import type { InvoiceLinkMethod, InvoiceLinkRole } from '../../vocabulary/index.js';
import { deductionCapacity, feeExpectations } from './fee-expectations.js';
import { refreshInvoiceDueDates } from './due-dates.js';

const FAR_FUTURE = '9999-12-31';

/** Which invoices may make which links, and to which documents. */
const RULES: Record<InvoiceLinkRole, { direction: string; colour: string; kind: string; method?: string }> = {
  goods: { direction: 'issued', colour: 'blue', kind: 'receipt' },
  discount: { direction: 'issued', colour: 'blue', kind: 'deduction', method: 'invoice' },
  return: { direction: 'issued', colour: 'red', kind: 'return' },
  rebate: { direction: 'issued', colour: 'red', kind: 'deduction' },
  fee: { direction: 'received', colour: 'blue', kind: 'deduction' },
};

/** What of a document a role can cover at all: a receipt or return whole, a deduction the lines that expect it. */
export function coverable(book: Book, doc: TargetDocument, role: InvoiceLinkRole): number {
  if (role === 'goods' || role === 'return') return Math.abs(doc.total_fen);
  return deductionCapacity(feeExpectations(book, doc), role);
}

/** What is still open to link of a document in a role, now. */
export function leftToLink(book: Book, doc: TargetDocument, role: InvoiceLinkRole): number {
  return coverable(book, doc, role) - linkedToDocument(book, doc.id, role, FAR_FUTURE);
}

export interface LinkRequest {
  invoiceId: number;
  documentId: number;
  role: InvoiceLinkRole;
  /** what of the document the invoice covers; all that is left when not given */
  amount?: number;
  method: InvoiceLinkMethod;
  date: string;
  note?: string | null;
}

function checkInvoice(book: Book, invoice: InvoiceDocument, date: string): void {
  if (invoiceStatusOn(book, invoice.id, FAR_FUTURE) === 'void') throw new UserError('invoices.link-void', { number: invoice.doc_no }, { field: 'invoice' });
  if (getPeriod(book, date.slice(0, 7))?.status === 'closed') throw new UserError('invoices.period-closed', { period: date.slice(0, 7), what: 'link' }, { field: 'date' });
}

function checkLink(invoice: InvoiceDocument, doc: TargetDocument, role: InvoiceLinkRole): void {
  const rule = RULES[role];
  if (invoice.direction !== rule.direction || invoice.colour !== rule.colour) {
    throw new UserError('invoices.link-direction', { colour: invoice.colour, direction: invoice.direction, role }, { field: 'role' });
  }
  if (doc.kind !== rule.kind || (rule.method && doc.method !== rule.method)) {
    throw new UserError('invoices.link-kind', { role, kinds: rule.kind, docNo: doc.doc_no, kind: doc.kind }, { field: 'document' });
  }
  if (invoice.ka_account_id === null || invoice.ka_account_id !== doc.ka_account_id) {
    throw new UserError('invoices.link-ka', { number: invoice.doc_no, invoiceKa: invoice.ka_code ?? invoice.buyer_name, docNo: doc.doc_no, docKa: doc.ka_code ?? '' }, { field: 'document' });
  }
}

/**
 * Links an invoice to a document it covers, in one row dated when the link is made (inside the caller's write
 * transaction). A document is never covered past its amount; an invoice may differ from what it covers, and that
 * difference is what the three-way match explains. A receipt whose terms start at the invoice gets its due date.
 */
export function linkInvoice(book: Book, r: LinkRequest, actor: string, audit = new AuditWriter(book)): void {
  linkInvoiceTo(book, r.invoiceId, [r], { method: r.method, date: r.date, note: r.note ?? null }, actor, audit);
}

/**
 * Links an invoice to several documents at once, all on one date by one method: checked as one, written in one
 * statement, audited as one event naming every document (an invoice of a month covers a month of receipts).
 */
export function linkInvoiceTo(book: Book, invoiceId: number, requests: { documentId: number; role: InvoiceLinkRole; amount?: number }[],
  o: { method: InvoiceLinkMethod; date: string; note?: string | null }, actor: string, audit = new AuditWriter(book)): void {
  const invoice = invoiceDocument(book, invoiceId);
  if (!invoice) throw new UserError('invoices.not-an-invoice', { key: String(invoiceId) }, { field: 'invoice' });
  checkInvoice(book, invoice, o.date);
  const ids = requests.map((r) => r.documentId);
  const docs = targetDocuments(book, ids);
  const linked = linkedToDocuments(book, ids);
  const rows: { document_id: number; role: string; amount_fen: number; doc: TargetDocument }[] = [];
  for (const r of requests) {
    const doc = docs.get(r.documentId);
    if (!doc) throw new UserError('invoices.document-not-found', { key: String(r.documentId) }, { field: 'document' });
    checkLink(invoice, doc, r.role);
    const key = `${doc.id}|${r.role}`;
    const left = coverable(book, doc, r.role) - (linked.get(key) ?? 0);
    const amount = r.amount ?? left;
    if (!Number.isSafeInteger(amount) || amount <= 0) throw new UserError('invoices.link-amount', {}, { field: 'amount' });
    if (amount > left) throw new UserError('invoices.link-over', { docNo: doc.doc_no, left, amount }, { field: 'amount' });
    linked.set(key, (linked.get(key) ?? 0) + amount);
    rows.push({ document_id: doc.id, role: r.role, amount_fen: amount, doc });
  }
  if (!rows.length) return;
  if (rows.length === 1 || o.note) {
    for (const x of rows) insertLink(book, { invoice_id: invoice.id, document_id: x.document_id, role: x.role, amount_fen: x.amount_fen, link_date: o.date, method: o.method, reverses_id: null, note: o.note ?? null, created_by: actor });
  } else {
    insertLinks(book, invoice.id, rows.map(({ doc: _, ...x }) => x), { link_date: o.date, method: o.method, created_by: actor });
  }
  const one = (x: (typeof rows)[number]) => ({ document: x.doc.doc_no, kind: x.doc.kind, role: x.role, amount: x.amount_fen });
  audit.append({ actor, action: 'link', entity: 'invoice', entityKey: invoice.doc_no,
    after: rows.length === 1 ? { ...one(rows[0]!), method: o.method, date: o.date } : { links: rows.map(one), method: o.method, date: o.date } });
  // Only receipts under a contract whose terms start at the invoice have a due date to move.
  const startsAtInvoice = new Map<string, boolean>();
  for (const x of rows) {
    if (x.role !== 'goods') continue;
    const pair = `${x.doc.manufacturer_id}|${x.doc.ka_account_id}`;
    if (!startsAtInvoice.has(pair)) startsAtInvoice.set(pair, !!x.doc.manufacturer_id && !!x.doc.ka_account_id && anyContractStartsAtInvoice(book, x.doc.manufacturer_id, x.doc.ka_account_id));
    if (startsAtInvoice.get(pair)) refreshInvoiceDueDates(book, x.doc, o.date, actor);
  }
}

/** Undoes links between an invoice and a document (one role, or all), by rows that reverse them, dated. */
export function unlinkInvoice(book: Book, invoiceId: number, documentId: number, role: InvoiceLinkRole | null, date: string, reason: string, actor: string, audit = new AuditWriter(book)): number {
  const rows = openLinkRows(book, invoiceId, documentId, role);
  const invoice = invoiceDocument(book, invoiceId);
  const doc = targetDocument(book, documentId);
  if (!invoice || !doc || rows.length === 0) {
    throw new UserError('invoices.link-not-found', { number: invoice?.doc_no ?? String(invoiceId), docNo: doc?.doc_no ?? String(documentId) }, { field: 'document' });
  }
  if (getPeriod(book, date.slice(0, 7))?.status === 'closed') throw new UserError('invoices.period-closed', { period: date.slice(0, 7), what: 'link' }, { field: 'date' });
  let undone = 0;
  for (const row of rows) {
    insertLink(book, { invoice_id: invoiceId, document_id: documentId, role: row.role, amount_fen: -row.amount_fen, link_date: date, method: row.method, reverses_id: row.id, note: reason, created_by: actor });
    undone += row.amount_fen;
  }
  audit.append({ actor, action: 'unlink', entity: 'invoice', entityKey: invoice.doc_no, after: { document: doc.doc_no, role, amount: undone, date, reason } });
  if (rows.some((r) => r.role === 'goods')) refreshInvoiceDueDates(book, doc, date, actor);
  return undone;
}

/** Every link of an invoice undone (a voided invoice covers nothing). */
export function unlinkAll(book: Book, invoiceId: number, date: string, reason: string, actor: string): number {
  const docs = new Set(openLinksOfInvoice(book, invoiceId).map((l) => l.document_id));
  for (const d of docs) unlinkInvoice(book, invoiceId, d, null, date, reason, actor);
  return docs.size;
}
