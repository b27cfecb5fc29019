import { z } from 'zod';

/**
 * The one list of service methods the window may call (DESIGN.md §5): each method's arguments and result as zod
 * schemas. Imported by the renderer, electron/ and the browser bridge; it imports nothing but zod.
 * Money is integer fen (`*_fen` or named amounts), prices 1/10,000 yuan, quantities thousandths.
 */
const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month YYYY-MM');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');
const code = z.string().trim().min(1).max(64);
const fen = z.number().int();
const page = { offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(100) };

const deliveryStatus = z.enum(['matched', 'short', 'over', 'price_diff', 'receipt_missing']);
const importKind = z.enum(['manufacturers', 'distributors', 'ka-accounts', 'stores', 'products', 'prices', 'contracts', 'promotions',
  'deliveries', 'receipts', 'returns', 'statements', 'deductions', 'remittances', 'manufacturer-credits']);

const rowError = z.object({ file: z.string(), row: z.number().int().optional(), field: z.string().optional(), reason: z.string() });
const importReport = z.object({
  file: z.string(), kind: z.string(), format: z.string(), encoding: z.string().optional(), headerRow: z.number().int().optional(),
  columns: z.array(z.object({ column: z.string(), heading: z.string(), field: z.string() })),
  ignoredColumns: z.array(z.object({ column: z.string(), heading: z.string() })),
  rowsRead: z.number().int(), dataRows: z.number().int(), created: z.number().int(), unchanged: z.number().int(), lines: z.number().int(),
  conflicts: z.array(z.object({ key: z.string(), row: z.number().int().optional() })),
  errors: z.array(rowError), warnings: z.array(rowError), errorCount: z.number().int(),
  newDocuments: z.array(z.object({ key: z.string(), row: z.number().int(), lines: z.number().int(), total: fen })),
  dryRun: z.boolean(), committed: z.boolean(), batchId: z.number().int().optional(), seconds: z.number(),
});

const importArgs = z.object({
  kind: importKind, path: z.string().min(1), ka: code.optional(), date: isoDate.optional(), mapping: code.optional(),
  map: z.record(z.string(), z.string()).optional(), saveMappingAs: code.optional(),
}).strict();

export const serviceContract = {
  'book.summary': {
    args: z.object({}).strict(),
    result: z.object({
      path: z.string(), schemaVersion: z.number().int(), masterData: z.record(z.string(), z.number().int()),
      documents: z.array(z.object({ kind: z.string(), documents: z.number().int(), lines: z.number().int(), total_fen: fen })),
      periods: z.array(z.object({ period: z.string(), status: z.string() })),
    }),
  },
  'book.check': {
    args: z.object({}).strict(),
    result: z.object({ ok: z.boolean(), checks: z.array(z.object({ name: z.string(), ok: z.boolean(), detail: z.string() })) }),
  },
  'home.status': {
    args: z.object({ period, asOf: isoDate }).strict(),
    result: z.object({
      period: z.string(), periodStatus: z.string(),
      receivables: z.object({ open: fen, overdue: fen }),
      unmatchedDeliveryLines: z.number().int(), unexpectedReceiptLines: z.number().int(),
      deductionsAwaitingClassification: z.number().int(),
      claims: z.array(z.object({ status: z.string(), claims: z.number().int(), amount_fen: fen })),
    }),
  },
  'import.preview': { args: importArgs, result: importReport },
  'import.commit': { args: importArgs, result: importReport },
  'reconcile.run': {
    args: z.object({ period, ka: code.optional(), asOf: isoDate.optional() }).strict(),
    result: z.object({
      period: z.string(), deliveryLines: z.object({ matched: z.number().int(), short: z.number().int(), over: z.number().int(), priceDiff: z.number().int(), receiptMissing: z.number().int() }),
      unexpectedReceiptLines: z.number().int(), amounts: z.object({ delivered: fen, accepted: fen, difference: fen }),
    }),
  },
  'reconcile.lines': {
    args: z.object({ period, ka: code.optional(), status: deliveryStatus.optional(), store: code.optional(), sku: code.optional(), ...page }).strict(),
    result: z.object({ rows: z.array(z.object({ line_id: z.number().int(), status: z.string(), delivery_no: z.string() })) }),
  },
  'reconcile.decide': {
    args: z.discriminatedUnion('decision', [
      z.object({ lineId: z.number().int().positive(), decision: z.literal('confirmed'), note: z.string().max(500).optional() }).strict(),
      z.object({ lineId: z.number().int().positive(), decision: z.literal('overridden'), to: z.enum(['matched', 'short', 'over', 'price_diff', 'receipt_missing', 'unexpected']), note: z.string().min(1).max(500) }).strict(),
      z.object({ lineId: z.number().int().positive(), decision: z.literal('annotated'), note: z.string().min(1).max(500) }).strict(),
    ]),
    result: z.object({ lineId: z.number().int(), decided: z.literal(true) }),
  },
  'claims.list': {
    args: z.object({ status: z.enum(['draft', 'submitted', 'approved', 'written_off', 'rejected']).optional(), ...page }).strict(),
    result: z.object({ counts: z.array(z.object({ status: z.string(), claims: z.number().int(), amount_fen: fen })), claims: z.array(z.object({ id: z.number().int() })) }),
  },
  'ageing.report': {
    args: z.object({ asOf: isoDate, by: z.enum(['ka', 'store', 'distributor', 'manufacturer']).default('ka'), basis: z.enum(['due', 'document']).default('due') }).strict(),
    result: z.object({ asOf: z.string(), buckets: z.array(z.string()), ties: z.boolean(), ledgerBalance: fen, rows: z.array(z.object({ key: z.string(), name: z.string(), total: fen })) }),
  },
} as const;

export type ServiceName = keyof typeof serviceContract;
export type ServiceArgs<N extends ServiceName> = z.input<(typeof serviceContract)[N]['args']>;
export type ServiceResult<N extends ServiceName> = z.output<(typeof serviceContract)[N]['result']>;

/** How an error crosses the boundary: a code, a message in the user's words, and where (file, row, field) — never a stack. */
export const serviceError = z.object({ code: z.string(), message: z.string(), file: z.string().optional(), row: z.number().int().optional(), field: z.string().optional() });
export type ServiceError = z.infer<typeof serviceError>;

/** Codes the window translates; a core UserError's own code passes through (invalid-date, period-closed, …). */
export const TRANSPORT_ERRORS = ['unknown-method', 'invalid-arguments', 'unauthorised', 'internal'] as const;
