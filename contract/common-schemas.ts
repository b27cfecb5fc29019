import { z } from 'zod';
import { ROLES } from '../vocabulary/index.js';

/** Shapes shared by several service methods. Money is integer fen, prices 1/10,000 yuan, quantities thousandths. */
// A refusal's message is a code of the catalog (locale/), said in the user's language where it is read.
export const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'input.period');
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'input.date');
export const code = z.string().trim().min(1).max(64);
export const fen = z.number().int();
export const bookPath = z.string().trim().min(1).max(1000);
export const page = { offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(100) };
/** The reader's language for what is printed or exported (zh, en); Chinese when absent. */
export const lang = z.string().max(8).optional();

/** What core says to a person: a catalog code and its parameters (locale/ renders it in the reader's language). */
export const message = z.object({ code: z.string(), params: z.record(z.string(), z.unknown()).optional() });
export const rowError = z.object({ file: z.string(), row: z.number().int().optional(), field: z.string().optional(), reason: message });

/** A file written for the user (an export): where it is and how many rows it holds. */
export const writtenFile = z.object({ file: z.string(), rows: z.number().int() });

/** A list for a grid: rows of plain values (money in fen), and the count when paging. */
export const rowsResult = z.object({ rows: z.array(z.record(z.string(), z.unknown())), total: z.number().int().optional() });
/** A structured answer the window shows as it is (an explanation, a statement); its parts are checked in core. */
export const document = z.record(z.string(), z.unknown());
export const role = z.enum(ROLES);
export const signedInUser = z.object({ username: z.string(), displayName: z.string(), role: z.string() });

