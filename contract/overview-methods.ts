import { z } from 'zod';
import { fen, isoDate, message, period } from './common-schemas.js';

/** One line of the ageing: amounts per bucket, unapplied credits, total (fen). */
const ageingRow = z.object({ key: z.string(), code: z.string(), name: z.string(), buckets: z.array(fen), credits: fen, total: fen });

/** The home page and the lists it links to. */
export const overviewMethods = {
  'home.status': {
    args: z.object({ period, asOf: isoDate }).strict(),
    result: z.object({
      period: z.string(), periodStatus: z.string(), reconciledAt: z.string().nullable(),
      asOf: z.string(), receivables: z.object({ balance: fen, open: fen, overdue: fen, unapplied: fen }),
      unmatchedDeliveryLines: z.number().int(), unexpectedReceiptLines: z.number().int(),
      deductionsAwaitingClassification: z.number().int(),
      claims: z.array(z.object({ status: z.string(), claims: z.number().int(), amount_fen: fen })),
    }),
  },
  'ageing.report': {
    args: z.object({ asOf: isoDate, by: z.enum(['ka', 'store', 'distributor', 'manufacturer']).default('ka'), basis: z.enum(['due', 'document']).default('due') }).strict(),
    result: z.object({
      asOf: z.string(), by: z.string(), basis: z.string(), buckets: z.array(message), ties: z.boolean(), ledgerBalance: fen,
      rows: z.array(ageingRow), totals: ageingRow, figures: z.object({ balance: fen, open: fen, overdue: fen, unapplied: fen }),
    }),
  },
} as const;
