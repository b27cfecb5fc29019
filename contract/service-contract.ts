import { z } from 'zod';
import { bookMethods } from './book-methods.js';
import { importMethods } from './import-methods.js';
import { overviewMethods } from './overview-methods.js';
import { adminMethods } from './admin-methods.js';
import { closeMethods } from './close-methods.js';
import { creditMethods } from './credit-methods.js';
import { feesMethods } from './fees-methods.js';
import { masterMethods } from './master-methods.js';
import { reconcileMethods } from './reconcile-methods.js';
import { sessionMethods } from './session-methods.js';
import { termsMethods } from './terms-methods.js';
import { vouchersMethods } from './vouchers-methods.js';
import { correctionsMethods } from './corrections-methods.js';
import { hqMethods } from './hq-methods.js';
import { packageMethods } from './package-methods.js';

/**
 * The one list of service methods the window may call (DESIGN.md §5): each method's arguments and result as zod
 * schemas, gathered from one file per area. Imported by the renderer, electron/ and the browser bridge; it
 * imports nothing but zod.
 */
export const serviceContract = {
  ...bookMethods, ...sessionMethods, ...overviewMethods, ...masterMethods, ...importMethods, ...reconcileMethods, ...feesMethods, ...termsMethods,
  ...creditMethods, ...closeMethods, ...adminMethods, ...vouchersMethods, ...correctionsMethods, ...packageMethods, ...hqMethods,
} as const;

export type ServiceName = keyof typeof serviceContract;
export type ServiceArgs<N extends ServiceName> = z.input<(typeof serviceContract)[N]['args']>;
export type ServiceResult<N extends ServiceName> = z.output<(typeof serviceContract)[N]['result']>;
export const SERVICE_NAMES = Object.keys(serviceContract) as ServiceName[];

/**
 * How an error crosses the boundary: a code with its parameters (the window renders it from locale/ in the user's
 * language), an English message for logs and for codes not yet in the catalog, and where (file, row, field) —
 * never a stack.
 */
export const serviceError = z.object({ code: z.string(), message: z.string(), params: z.record(z.string(), z.unknown()).optional(), file: z.string().optional(), row: z.number().int().optional(), field: z.string().optional() });
export type ServiceError = z.infer<typeof serviceError>;

/** Codes the window translates; a core UserError's own code passes through (invalid-date, period-closed, cancelled, …). */
export const TRANSPORT_ERRORS = ['unknown-method', 'invalid-arguments', 'unauthorised', 'internal', 'no-book', 'busy'] as const;

/** How far a long call has come, as the background process reports it (the window shows it with a cancel button). */
export const progressEvent = z.object({ callId: z.string(), step: z.string(), done: z.number().optional(), total: z.number().optional() });
export type ProgressEvent = z.infer<typeof progressEvent>;
