import { z } from 'zod';
import { code, document, period, rowsResult } from './common-schemas.js';

/** 返利与补贴: each contract's figures for a month, how they were reached, and the accruals posted. */
export const termsMethods = {
  'terms.contracts': { args: z.object({}).strict(), result: rowsResult },
  'terms.explain': { args: z.object({ contract: code, period }).strict(), result: document },
  'terms.accrue': { args: z.object({ period }).strict(), result: document },
  'terms.accruals': { args: z.object({ period }).strict(), result: rowsResult },
} as const;
