import { z } from 'zod';
import { code, document, page, rowsResult } from './common-schemas.js';

export const masterEntity = z.enum(['manufacturers', 'distributors', 'ka-accounts', 'stores', 'products', 'prices', 'contracts', 'promotions']);

/** 主数据: lists, and one record created or changed at a time (checked by core's schemas, field by field). */
export const masterMethods = {
  'master.list': { args: z.object({ entity: masterEntity, ka: code.optional(), ...page }).strict(), result: rowsResult },
  'master.get': { args: z.object({ entity: masterEntity, key: z.string().trim().min(1).max(200) }).strict(), result: z.object({ record: document }) },
  'master.save': {
    args: z.object({ entity: masterEntity, record: z.record(z.string(), z.unknown()) }).strict(),
    result: z.object({ key: z.string(), outcome: z.enum(['created', 'unchanged']) }),
  },
  'master.kaAccounts': {
    args: z.object({}).strict(),
    result: z.object({ rows: z.array(z.object({ code: z.string(), name: z.string() })) }),
  },
} as const;
