import { z } from 'zod';
import { REALLOCATION_MODES } from '../vocabulary/index.js';
import { code, fen, page, period, rowsResult } from './common-schemas.js';

const id = z.number().int().positive();
/** A correction says why, in words a reviewer can read later. */
const reason = z.string().trim().min(1, 'a correction needs a reason').max(500);

const chainEntry = z.object({
  id: z.number().int(), role: z.enum(['version', 'reversal']), version: z.number().int(), docNo: z.string(), docDate: z.string(), period: z.string(),
  totalFen: fen, inForce: z.boolean(),
  reverses: z.object({ id: z.number().int(), docNo: z.string(), version: z.number().int() }).nullable(),
  reversedBy: z.object({ id: z.number().int(), docNo: z.string(), date: z.string(), by: z.string(), reason: z.string().nullable() }).nullable(),
  batchId: z.number().int().nullable(), batchKind: z.string().nullable(), by: z.string(), at: z.string(), reason: z.string().nullable(),
});

const reversalReport = z.object({
  documentId: z.number().int(), kind: z.string(), docNo: z.string(), version: z.number().int(), originalDate: z.string(),
  reversalId: z.number().int(), reversalNo: z.string(), date: z.string(),
  /** the original's month was closed: the reversal is booked in the earliest open month */
  closedPeriod: z.string().nullable(),
  unCleared: z.array(z.object({ clearingId: z.number().int(), reversedBy: z.number().int(), recleared: z.number().int().nullable(), documents: z.array(z.string()) })),
  /** a fee claim's companion adjustment (or the claim of an adjustment), reversed with it */
  companions: z.array(z.unknown()), freedDeductionLines: z.number().int(),
});

/** 更正: 冲销 (reversal) of any document, its reversal chain, 撤销导入, 重新核销 of a remittance. */
export const correctionsMethods = {
  /** 冲销: reverse one document (红字), un-clearing what it cleared; by the signed-in user where the book has users */
  'corrections.reverse': { args: z.object({ documentId: id, reason }).strict(), result: reversalReport },
  /** a document's correction history: every version of its key and every reversal */
  'corrections.chain': { args: z.object({ documentId: id }).strict(), result: z.object({ chain: z.array(chainEntry) }) },
  /** import batches, newest first, with whether each was undone */
  'corrections.batches': { args: z.object({ ...page }).strict(), result: rowsResult },
  /** 撤销导入: reverse every document of an import batch, in one transaction */
  'corrections.undoImport': {
    args: z.object({ batchId: id, reason }).strict(),
    result: z.object({ batch: z.number().int(), undoBatch: z.number().int(), reversed: z.number().int(), reinstated: z.number().int() }),
  },
  /** a month's remittances with what each applied and left unapplied (回款) */
  'corrections.remittances': { args: z.object({ period, ka: code.optional(), ...page }).strict(), result: rowsResult },
  /** the open items a remittance may be allocated to: its KA's receipts, deductions and returns dated up to it */
  'corrections.openItems': { args: z.object({ remittanceId: id }).strict(), result: rowsResult },
  /** 重新核销: undo a remittance's clearing and allocate it again */
  'corrections.reallocate': {
    args: z.object({
      remittanceId: id, mode: z.enum(REALLOCATION_MODES), reason,
      items: z.array(z.object({ documentId: id, amountFen: fen.positive().optional() }).strict()).max(500).optional(),
    }).strict().refine((a) => a.mode !== 'items' || (a.items?.length ?? 0) > 0, { message: 'choose at least one open item', path: ['items'] }),
    result: z.object({
      remittanceId: z.number().int(), docNo: z.string(), mode: z.string(), date: z.string(), undone: z.array(z.number().int()),
      clearingId: z.number().int().nullable(), applied: fen, unapplied: fen, allocation: z.array(z.object({ docNo: z.string(), amountFen: fen })),
    }),
  },
} as const;
