import { z } from 'zod';
import { INVOICE_GAP_KINDS, INVOICE_TYPES } from '../vocabulary/index.js';
import { code, document, fen, isoDate, message, period, writtenFile } from './common-schemas.js';

const months = z.array(period).min(1).max(24);
const invoiceNumber = z.string().trim().min(8).max(40);
const docNo = z.string().trim().min(1).max(80);
const party = z.object({ taxId: z.string().trim().min(15).max(20), name: z.string().trim().min(1).max(120) }).strict();
const gap = z.object({
  kind: z.string(), amount: fen, message, date: z.string(), documentId: z.number().int().optional(), docNo: z.string().optional(),
  invoiceId: z.number().int().optional(), invoiceNo: z.string().optional(), lines: z.array(message).optional(), daysOverdue: z.number().int().optional(),
});
const matchRow = z.object({
  ka: z.object({ id: z.number().int(), code: z.string(), name: z.string() }), period: z.string(), accepted: fen, returns: fen, ticket: fen,
  settlement: fen, invoicedBlue: fen, invoicedRed: fen, invoicedNet: fen, paid: fen, totals: z.record(z.string(), fen),
  toExplain: fen, explained: fen,
  /** how many differences of each kind and their amount; the differences themselves come a page at a time (invoices.gaps) */
  gapTotals: z.array(z.object({ kind: z.enum(INVOICE_GAP_KINDS), count: z.number().int(), amount: fen })),
});

/** 发票: the three-way match, the to-invoice list and its workbook, links by hand, a paper invoice entered by hand. */
export const invoicesMethods = {
  /** 三单匹配 per KA and month, as of a date (today when not given), with every difference explained */
  'invoices.match': { args: z.object({ periods: months, ka: code.optional(), asOf: isoDate.optional() }).strict(), result: z.object({ asOf: z.string(), rows: z.array(matchRow) }) },
  /** one page of a KA month's differences (of one kind, or all), what explains the difference first */
  'invoices.gaps': {
    args: z.object({ period, ka: code, asOf: isoDate.optional(), kind: z.enum(INVOICE_GAP_KINDS).optional(), offset: z.number().int().min(0), limit: z.number().int().min(1).max(500) }).strict(),
    result: z.object({ asOf: z.string(), total: z.number().int(), offset: z.number().int(), gaps: z.array(gap) }),
  },
  /** the invoices still to make (accepted, not invoiced, less 票扣), one per invoicing entity and month */
  'invoices.toInvoice': { args: z.object({ periods: months, ka: code.optional(), asOf: isoDate.optional() }).strict(), result: z.object({ invoices: z.array(document) }) },
  /** the to-invoice list as the invoicing clerk's workbook (1-发票基本信息 / 2-发票明细信息) */
  'invoices.exportToInvoice': { args: z.object({ periods: months, ka: code.optional(), path: z.string().min(1).optional() }).strict(), result: writtenFile },
  /** 手工关联: an invoice linked by hand to a receipt, return or deduction (all that is left of it, or an amount) */
  'invoices.link': {
    args: z.object({ invoice: invoiceNumber, document: docNo, amount: fen.positive().optional(), note: z.string().trim().max(200).optional() }).strict(),
    result: z.object({ invoice: z.string(), document: z.string(), role: z.string(), date: z.string() }),
  },
  'invoices.unlink': {
    args: z.object({ invoice: invoiceNumber, document: docNo, reason: z.string().trim().min(1).max(200) }).strict(),
    result: z.object({ invoice: z.string(), document: z.string(), amount: fen }),
  },
  /** 手工录入: a paper invoice typed in (no item lines), checked and recorded like any other, then linked */
  'invoices.enter': {
    args: z.object({
      invoiceType: z.enum(INVOICE_TYPES), code: z.string().trim().regex(/^(\d{10}|\d{12})$/).optional(), number: invoiceNumber, date: isoDate,
      seller: party, buyer: party, net: fen, tax: fen, remark: z.string().trim().max(200).optional(), originalNumber: invoiceNumber.optional(),
    }).strict(),
    result: z.object({ created: z.number().int(), unchanged: z.number().int(), notices: z.array(message) }),
  },
} as const;
