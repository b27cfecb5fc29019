import { z } from 'zod';
import { code, document, fen, isoDate, lang, rowsResult, writtenFile } from './common-schemas.js';

/** 信用: exposure, limits, grades, holds, the channel watch and the statement of account (对账函). */
export const creditMethods = {
  'credit.items': { args: z.object({ asOf: isoDate, ka: code }).strict(), result: document },
  'credit.exposure': { args: z.object({ asOf: isoDate }).strict(), result: rowsResult },
  'credit.grades': { args: z.object({ asOf: isoDate }).strict(), result: rowsResult },
  'credit.setLimit': {
    args: z.object({ party: code, limitFen: fen.nonnegative(), reason: z.string().trim().min(1).max(500) }).strict(),
    result: z.object({ party: z.string(), limitFen: fen }),
  },
  'credit.holds': { args: z.object({ asOf: isoDate }).strict(), result: rowsResult },
  'credit.overrideHold': {
    args: z.object({ ka: code, until: isoDate, reason: z.string().trim().min(1).max(500) }).strict(),
    result: z.object({ ka: z.string(), until: z.string() }),
  },
  'credit.watch': { args: z.object({}).strict(), result: document },
  /** 催款: what each KA owes past due, oldest first, who to call and what was agreed last time */
  'credit.dunning': { args: z.object({ asOf: isoDate }).strict(), result: rowsResult },
  'credit.followUp': { args: z.object({ ka: code, note: z.string().trim().min(1).max(1000) }).strict(), result: z.object({ ka: z.string() }) },
  /** 诚信档案: a party's limits and grades over time */
  'credit.history': { args: z.object({ party: z.string().trim().min(1).max(80) }).strict(), result: document },
  'credit.statementOfAccount': {
    args: z.object({ ka: code, asOf: isoDate, format: z.enum(['xlsx', 'pdf']), path: z.string().min(1).optional(), lang }).strict(),
    result: writtenFile,
  },
} as const;
