import { z } from 'zod';
import { MASTER_KINDS } from '../vocabulary/index.js';
import { code, document, page, rowsResult } from './common-schemas.js';

export const masterEntity = z.enum(MASTER_KINDS);

/** 主数据: lists, and one record created or changed at a time (checked by core's schemas, field by field). */
export const masterMethods = {
  'master.list': { args: z.object({ entity: masterEntity, ka: code.optional(), ...page }).strict(), result: rowsResult },
  /** a record as last entered, in its form's shape (contracts and promotions with their tables) */
  'master.get': { args: z.object({ entity: masterEntity, key: z.string().trim().min(1).max(200) }).strict(), result: z.object({ record: document }) },
  /** a contract or promotion as the book holds it (for reading: with ids resolved to rows) */
  'master.detail': { args: z.object({ entity: z.enum(['contracts', 'promotions']), key: z.string().trim().min(1).max(200) }).strict(), result: z.object({ record: document }) },
  /** create a record, or (mode 'update') change an existing one's descriptive fields and terms; its code stays */
  'master.save': {
    args: z.object({ entity: masterEntity, record: z.record(z.string(), z.unknown()), mode: z.enum(['create', 'update']).default('create') }).strict(),
    result: z.object({ key: z.string(), outcome: z.enum(['created', 'updated', 'unchanged']) }),
  },
} as const;
