import type { Book } from '../../db/connection.js';
import { linksOfInvoicesCovering, matchInvoices, monthDocuments, uncoveringInvoices, type MatchInvoice, type MonthDocument } from '../../db/queries/invoice-match.js';
import type { Message } from '../../locale/index.js';
import { daysBetween } from '../calendar/dates.js';
import type { InvoiceGapKind } from '../../vocabulary/index.js';
import { differingLines } from './differing-lines.js';

/** One difference between what was accepted, invoiced and paid, explained. Amounts in fen. */
export interface InvoiceGap {
  kind: InvoiceGapKind;
  amount: number;
  message: Message;
  documentId?: number;
  docNo?: string;
  invoiceId?: number;
  invoiceNo?: string;
  date: string;
  /** for amount_differs: which lines, as the invoice and the receipts have them */
  lines?: Message[];
  daysOverdue?: number;
}

/** A KA's month: accepted (验收 − 退货 − 票扣) ↔ invoiced (− 红字) ↔ paid, with every difference. */
export interface MatchRow {
  ka: { id: number; code: string; name: string };
  period: string;
  accepted: number;
  returns: number;
  /** 票扣: fees the KA takes as a discount on the invoice */
  ticket: number;
  /** what should be on the month's invoices: accepted − returns − 票扣 (应开票) */
  settlement: number;
  invoicedBlue: number;
  invoicedRed: number;
  invoicedNet: number;
  /** what of the month's settlement is settled (cleared by payments and 账扣) */
  paid: number;
  gaps: InvoiceGap[];
  totals: Record<InvoiceGapKind, number>;
  /** settlement − invoicedNet, which the invoicing gaps explain to the fen */
  toExplain: number;
  explained: number;
}

export interface MatchOptions { kaAccountId?: number | null; distributorId?: number | null; asOf: string }

const INVOICING_GAPS: InvoiceGapKind[] = ['to_invoice', 'red_letter_missing', 'discount_missing', 'invoiced_not_accepted', 'amount_differs'];
/** How each invoicing gap moves settlement − invoicedNet: an uncovered receipt adds, the rest take away. */
const SIGN: Partial<Record<InvoiceGapKind, number>> = { to_invoice: 1, red_letter_missing: -1, discount_missing: -1, invoiced_not_accepted: -1, amount_differs: -1 };

function emptyTotals(): Record<InvoiceGapKind, number> {
  return { to_invoice: 0, red_letter_missing: 0, discount_missing: 0, invoiced_not_accepted: 0, amount_differs: 0, unpaid_past_due: 0, paid_without_invoice: 0 };
}

/**
 * 三单匹配 for the given months, per KA account, as of a date: every receipt, return and 票扣 deduction of the month
 * against the issued invoices that cover it and the payments that settled it. An invoice's amount counts in the
 * months of what it covers; its difference from what it covers, and an invoice covering nothing, in its first
 * month (by what it covers, else its date). What is accepted but not invoiced, invoiced but not accepted, a
 * return without its red-letter invoice, a 票扣 not on an invoice, and an invoice that differs from its settlement
 * together explain settlement − invoiced to the fen; unpaid past due and paid without invoice are said beside.
 */
export function threeWayMatch(book: Book, periods: string[], o: MatchOptions): MatchRow[] {
  const docs = monthDocuments(book, periods, o.kaAccountId ?? null, o.distributorId ?? null, o.asOf);
  const links = docs.length ? linksOfInvoicesCovering(book, docs.map((d) => d.id), o.asOf) : [];
  const invoices = new Map(matchInvoices(book, [...new Set(links.map((l) => l.invoice_id))]).map((i) => [i.id, i]));
  const rows = new Map<string, MatchRow>();
  const rowOf = (ka: { id: number; code: string; name: string }, period: string) => {
    const key = `${ka.id}|${period}`;
    let row = rows.get(key);
    if (!row) {
      row = { ka, period, accepted: 0, returns: 0, ticket: 0, settlement: 0, invoicedBlue: 0, invoicedRed: 0, invoicedNet: 0, paid: 0, gaps: [], totals: emptyTotals(), toExplain: 0, explained: 0 };
      rows.set(key, row);
    }
    return row;
  };
  const docById = new Map(docs.map((d) => [d.id, d]));
  for (const d of docs) documentGaps(rowOf({ id: d.ka_account_id, code: d.ka_code, name: d.ka_name }, d.period), d, o.asOf);

  // Invoices: their links count in the month of what they cover; the difference in their first month.
  const byInvoice = new Map<number, typeof links>();
  for (const l of links) byInvoice.set(l.invoice_id, [...(byInvoice.get(l.invoice_id) ?? []), l]);
  for (const [invoiceId, own] of byInvoice) {
    const inv = invoices.get(invoiceId)!;
    const signed = (l: (typeof links)[number]) => (l.role === 'goods' ? l.amount_fen : -l.amount_fen);
    const first = own.map((l) => l.doc_period).sort()[0]!;
    const expected = own.reduce((s, l) => s + signed(l), 0);
    for (const l of own) {
      const doc = docById.get(l.document_id);
      if (!doc || !periods.includes(l.doc_period)) continue;
      const row = rowOf({ id: doc.ka_account_id, code: doc.ka_code, name: doc.ka_name }, l.doc_period);
      if (inv.colour === 'blue') row.invoicedBlue += signed(l);
      else row.invoicedRed += signed(l);
    }
    const difference = inv.gross_fen - expected;
    const firstDoc = own.map((l) => docById.get(l.document_id)).find((d) => d && d.period === first);
    if (difference === 0 || !periods.includes(first) || !firstDoc) continue;
    const row = rowOf({ id: firstDoc.ka_account_id, code: firstDoc.ka_code, name: firstDoc.ka_name }, first);
    if (inv.colour === 'blue') row.invoicedBlue += difference;
    else row.invoicedRed += difference;
    addGap(row, {
      kind: 'amount_differs', amount: difference, invoiceId, invoiceNo: inv.doc_no, date: inv.invoice_date,
      message: { code: 'invoices.gap.amount-differs', params: { number: inv.doc_no, date: inv.invoice_date, gross: inv.gross_fen, expected, amount: difference } },
      lines: differingLines(book, componentOf(invoiceId, byInvoice, links), docById, invoices),
    });
  }
  for (const inv of uncoveringInvoices(book, periods, o.kaAccountId ?? null, o.distributorId ?? null, o.asOf)) {
    const row = rowOf({ id: inv.ka_account_id!, code: inv.ka_code, name: inv.ka_name }, inv.period);
    if (inv.colour === 'blue') row.invoicedBlue += inv.gross_fen;
    else row.invoicedRed += inv.gross_fen;
    addGap(row, {
      kind: 'invoiced_not_accepted', amount: inv.gross_fen, invoiceId: inv.id, invoiceNo: inv.doc_no, date: inv.invoice_date,
      message: { code: 'invoices.gap.invoiced-not-accepted', params: { number: inv.doc_no, date: inv.invoice_date, amount: inv.gross_fen } },
    });
  }
  for (const row of rows.values()) {
    row.settlement = row.accepted - row.returns - row.ticket;
    row.invoicedNet = row.invoicedBlue + row.invoicedRed;
    row.toExplain = row.settlement - row.invoicedNet;
    row.explained = INVOICING_GAPS.reduce((s, k) => s + SIGN[k]! * row.totals[k], 0);
  }
  return [...rows.values()].sort((a, b) => a.ka.code.localeCompare(b.ka.code) || a.period.localeCompare(b.period));
}

function addGap(row: MatchRow, gap: InvoiceGap): void {
  row.gaps.push(gap);
  row.totals[gap.kind] += gap.amount;
}

/** A document's part: accepted, returned or 票扣; what of it is not invoiced; what is paid, paid without invoice, overdue. */
function documentGaps(row: MatchRow, d: MonthDocument, asOf: string): void {
  const total = d.total_fen;
  const uncovered = total - d.covered_fen;
  // The receivable of a receipt is positive, those of returns and deductions negative: settled is what is gone.
  const settled = d.kind === 'receipt' ? total - d.open_fen : total + d.open_fen;
  const base = { documentId: d.id, docNo: d.doc_no, date: d.doc_date };
  if (d.kind === 'receipt') {
    row.accepted += total;
    row.paid += settled;
    if (uncovered > 0) addGap(row, { ...base, kind: 'to_invoice', amount: uncovered, message: { code: 'invoices.gap.to-invoice', params: { docNo: d.doc_no, date: d.doc_date, total, amount: uncovered } } });
    if (uncovered > 0 && settled > 0) {
      const amount = Math.min(settled, uncovered);
      addGap(row, { ...base, kind: 'paid_without_invoice', amount, message: { code: 'invoices.gap.paid-without-invoice', params: { docNo: d.doc_no, amount } } });
    }
    if (d.covered_fen > 0 && d.open_fen > 0 && !d.awaiting_invoice && d.due_date && d.due_date < asOf) {
      const amount = Math.min(d.open_fen, d.covered_fen);
      const days = daysBetween(d.due_date, asOf);
      addGap(row, { ...base, kind: 'unpaid_past_due', amount, daysOverdue: days, message: { code: 'invoices.gap.unpaid-past-due', params: { docNo: d.doc_no, due: d.due_date, days, amount } } });
    }
    return;
  }
  row.paid -= settled;
  if (d.kind === 'return') {
    row.returns += total;
    if (uncovered > 0) addGap(row, { ...base, kind: 'red_letter_missing', amount: uncovered, message: { code: 'invoices.gap.red-letter-missing', params: { docNo: d.doc_no, date: d.doc_date, total, amount: uncovered } } });
  } else {
    row.ticket += total;
    if (uncovered > 0) addGap(row, { ...base, kind: 'discount_missing', amount: uncovered, message: { code: 'invoices.gap.discount-missing', params: { docNo: d.doc_no, date: d.doc_date, total, amount: uncovered } } });
  }
}

/** The invoices and documents tied to an invoice through shared documents (a settlement split over invoices). */
function componentOf(invoiceId: number, byInvoice: Map<number, { document_id: number }[]>, links: { invoice_id: number; document_id: number }[]): { invoices: number[]; documents: number[] } {
  const invoices = new Set([invoiceId]);
  const documents = new Set<number>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const id of invoices) for (const l of byInvoice.get(id) ?? []) if (!documents.has(l.document_id)) { documents.add(l.document_id); grew = true; }
    for (const l of links) if (documents.has(l.document_id) && !invoices.has(l.invoice_id)) { invoices.add(l.invoice_id); grew = true; }
  }
  return { invoices: [...invoices], documents: [...documents] };
}

export type { MatchInvoice };
