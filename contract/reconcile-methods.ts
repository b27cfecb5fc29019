import { z } from 'zod';
import { DELIVERY_STATUSES, RESULT_STATUSES } from '../vocabulary/index.js';
import { code, fen, isoDate, lang, message, page, period, writtenFile } from './common-schemas.js';

export const deliveryStatus = z.enum(DELIVERY_STATUSES);
/** a status, or every line that is not matched */
const statusFilter = z.enum([...deliveryStatus.options, 'unmatched']);

/** What the workbench grid filters on; `from`..`to` is a range of months (a whole year at once is fine). */
const lineFilter = {
  from: period, to: period, ka: code.optional(), status: statusFilter.optional(), store: code.optional(), sku: code.optional(),
  dateFrom: isoDate.optional(), dateTo: isoDate.optional(),
};

const resultRow = z.object({
  line_id: z.number().int(), period: z.string(), ka: z.string().nullable(), store: z.string().nullable(), store_name: z.string().nullable(),
  sku: z.string().nullable(), product_name: z.string().nullable(), order_no: z.string().nullable(), delivery_no: z.string(), delivery_date: z.string(),
  status: z.string(), found_status: z.string(), matched_by: z.string().nullable(),
  delivered_qty: z.number().int(), received_qty: z.number().int(), line_delivered_fen: fen, line_received_fen: fen,
  delivered_price_e4: z.number().int().nullable(), received_price_e4: z.number().int().nullable(), list_price_e4: z.number().int().nullable(),
  receipt_doc_nos: z.string().nullable(), days_outstanding: z.number().int().nullable(), reason: message,
  decision: z.string().nullable(), note: z.string().nullable(), decision_stale: z.number().int(),
});

const sideLine = z.object({
  document_id: z.number().int(), doc_no: z.string(), doc_date: z.string(), store: z.string().nullable(), sku: z.string().nullable(), product_name: z.string().nullable(),
  order_no: z.string().nullable(), qty_milli: z.number().int().nullable(), price_e4: z.number().int().nullable(), amount_fen: fen,
});

const runArgs = z.object({ period, ka: code.optional(), asOf: isoDate.optional() }).strict();

/** The reconciliation workbench (对账). */
export const reconcileMethods = {
  'reconcile.run': {
    args: runArgs,
    result: z.object({
      period: z.string(), deliveryLines: z.object({ matched: z.number().int(), short: z.number().int(), over: z.number().int(), priceDiff: z.number().int(), receiptMissing: z.number().int() }),
      unexpectedReceiptLines: z.number().int(), amounts: z.object({ delivered: fen, accepted: fen, difference: fen }),
    }),
  },
  /**
   * a page of results in delivery-date order; withTotal also counts the lines the filter selects. At most 500 rows a
   * page: a result row weighs some 0.65 KB as JSON, and no reply to the window may exceed 500 KB
   */
  'reconcile.lines': {
    args: z.object({ ...lineFilter, withTotal: z.boolean().default(false), ...page, limit: z.number().int().min(1).max(500).default(100) }).strict()
      .refine((a) => a.from <= a.to, { message: 'input.months-reversed', path: ['to'] }),
    result: z.object({ rows: z.array(resultRow), total: z.number().int().optional(), sums: z.object({ delivered: fen, received: fen, difference: fen }).optional() }),
  },
  /** one delivery line with both sides: what was delivered and the receipt lines it was matched with */
  'reconcile.line': {
    args: z.object({ lineId: z.number().int().positive() }).strict(),
    result: z.object({ line: resultRow, delivery: sideLine, receipts: z.array(sideLine) }),
  },
  'reconcile.decide': {
    args: z.discriminatedUnion('decision', [
      z.object({ lineId: z.number().int().positive(), decision: z.literal('confirmed'), note: z.string().max(500).optional() }).strict(),
      z.object({ lineId: z.number().int().positive(), decision: z.literal('overridden'), to: z.enum(RESULT_STATUSES), note: z.string().trim().min(1).max(500) }).strict(),
      z.object({ lineId: z.number().int().positive(), decision: z.literal('annotated'), note: z.string().trim().min(1).max(500) }).strict(),
    ]),
    result: z.object({ lineId: z.number().int(), decided: z.literal(true) }),
  },
  /** 无送货的验收行: receipt lines no delivery matched, for a range of months (open: only those nobody has worked yet) */
  'reconcile.unexpected': {
    args: z.object({ from: period, to: period, ka: code.optional(), open: z.boolean().default(false) }).strict()
      .refine((a) => a.from <= a.to, { message: 'input.months-reversed', path: ['to'] }),
    result: z.object({ rows: z.array(z.object({
      line_id: z.number().int(), period: z.string(), ka: z.string().nullable(), store: z.string().nullable(), store_name: z.string().nullable(), sku: z.string().nullable(),
      product_name: z.string().nullable(), order_no: z.string().nullable(), receipt_no: z.string(), receipt_date: z.string(), qty_milli: z.number().int().nullable(),
      price_e4: z.number().int().nullable(), amount_fen: fen, reason: message, decision: z.string().nullable(), note: z.string().nullable(),
    })) }),
  },
  /** the delivery lines (same KA, store and product, near in date, not matched) a receipt line could be matched to */
  'reconcile.candidates': {
    args: z.object({ lineId: z.number().int().positive() }).strict(),
    result: z.object({ rows: z.array(z.object({ line_id: z.number().int(), delivery_no: z.string(), delivery_date: z.string(), status: z.string(), delivered_qty: z.number().int(), received_qty: z.number().int(), line_delivered_fen: fen, order_no: z.string().nullable() })) }),
  },
  /** works a receipt line without a delivery: matched to a delivery line, accepted with a reason, or disputed */
  'reconcile.resolveReceipt': {
    args: z.discriminatedUnion('how', [
      z.object({ lineId: z.number().int().positive(), how: z.literal('match'), deliveryLineId: z.number().int().positive(), note: z.string().trim().max(400).optional() }).strict(),
      z.object({ lineId: z.number().int().positive(), how: z.literal('accept'), note: z.string().trim().min(1).max(400) }).strict(),
      z.object({ lineId: z.number().int().positive(), how: z.literal('dispute'), note: z.string().trim().min(1).max(400) }).strict(),
    ]),
    result: z.object({ lineId: z.number().int(), resolved: z.literal(true) }),
  },
  /** the grid's current view as .xlsx: to `path` when given (Electron's save dialog), else into the book's exports folder */
  'reconcile.export': {
    args: z.object({ ...lineFilter, path: z.string().min(1).optional(), lang }).strict(),
    result: writtenFile,
  },
} as const;
