import { z } from 'zod';
import { ROLES } from '../vocabulary/index.js';

/** Shapes shared by several service methods. Money is integer fen, prices 1/10,000 yuan, quantities thousandths. */
export const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month YYYY-MM');
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');
export const code = z.string().trim().min(1).max(64);
export const fen = z.number().int();
export const bookPath = z.string().trim().min(1).max(1000);
export const page = { offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(100) };
/** A message as core says it: a code and its parameters (the window renders it from locale/ in the user's language). */
export const message = z.object({ code: z.string(), params: z.record(z.string(), z.unknown()).optional() });
/** `code`: the catalog code of the reason, where it has one (the window acts on some, e.g. dates to confirm). */
export const rowError = z.object({ file: z.string(), row: z.number().int().optional(), field: z.string().optional(), reason: z.string(), code: z.string().optional(), message: message.optional() });

/** A file written for the user (an export): where it is and how many rows it holds. */
export const writtenFile = z.object({ file: z.string(), rows: z.number().int() });

/** A list for a grid: rows of plain values (money in fen), and the count when paging. */
export const rowsResult = z.object({ rows: z.array(z.record(z.string(), z.unknown())), total: z.number().int().optional() });
/** A structured answer the window shows as it is (an explanation, a statement); its parts are checked in core. */
export const document = z.record(z.string(), z.unknown());
export const role = z.enum(ROLES);
export const signedInUser = z.object({ username: z.string(), displayName: z.string(), role: z.string() });

