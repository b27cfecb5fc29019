import { z } from 'zod';

/** Shapes shared by several service methods. Money is integer fen, prices 1/10,000 yuan, quantities thousandths. */
export const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month YYYY-MM');
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');
export const code = z.string().trim().min(1).max(64);
export const fen = z.number().int();
export const bookPath = z.string().trim().min(1).max(1000);
export const page = { offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(100) };
export const rowError = z.object({ file: z.string(), row: z.number().int().optional(), field: z.string().optional(), reason: z.string() });

/** A file written for the user (an export): where it is and how many rows it holds. */
export const writtenFile = z.object({ file: z.string(), rows: z.number().int() });
