import { z } from 'zod';
import { CLAIM_STATUSES, FEE_TYPES } from '../vocabulary/index.js';
import { code, document, isoDate, page, period, rowsResult } from './common-schemas.js';

export const feeType = z.enum(FEE_TYPES);
const claimStatus = z.enum(CLAIM_STATUSES);

/** 费用: deductions and their classification, fee claims to the manufacturer, and what its credits cleared. */
export const feesMethods = {
  'fees.deductions': {
    args: z.object({ period, ka: code.optional(), disputedOnly: z.boolean().default(false), ...page }).strict(),
    result: rowsResult,
  },
  /** 改分类: one deduction line to another fee type; saveRule keeps the KA's wording → type for next time */
  'fees.reclassify': {
    args: z.object({ lineId: z.number().int().positive(), feeType, saveRule: z.boolean().default(true) }).strict(),
    result: z.object({ lineId: z.number().int(), feeType: z.string() }),
  },
  'claims.list': {
    args: z.object({ status: claimStatus.optional(), ...page }).strict(),
    result: z.object({ counts: z.array(z.object({ status: z.string(), claims: z.number().int(), amount_fen: z.number().int() })), claims: z.array(z.object({ id: z.number().int() }).passthrough()) }),
  },
  'claims.get': { args: z.object({ id: z.number().int().positive() }).strict(), result: z.object({ claim: document }) },
  'claims.move': {
    args: z.object({ id: z.number().int().positive(), to: claimStatus, date: isoDate.optional(), reason: z.string().trim().max(500).optional() }).strict(),
    result: z.object({ id: z.number().int(), status: z.string() }),
  },
  /** 证据: a file (a KA deduction notice, a photo of the display) copied beside the book and listed on the claim */
  'claims.attach': {
    args: z.object({ id: z.number().int().positive(), path: z.string().min(1).max(1000) }).strict(),
    result: z.object({ id: z.number().int(), attachments: z.array(z.object({ name: z.string(), file: z.string(), bytes: z.number().int() })) }),
  },
  'credits.list': { args: z.object({ ...page }).strict(), result: rowsResult },
} as const;
