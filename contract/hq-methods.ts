import { z } from 'zod';
import { CREDIT_METHODS, HQ_AUDIT_BREAKDOWNS, HQ_CLAIM_STATES, HQ_PROPOSALS } from '../vocabulary/index.js';
import { code, document, fen, isoDate, period, rowsResult, signedInUser } from './common-schemas.js';

/** The head office opened in the window: where it is, who signed in to it. */
const hqState = z.object({
  open: z.object({ where: z.string(), kind: z.enum(['postgres', 'pglite']) }).nullable(),
  user: signedInUser.nullable(),
  /** the embedded database's folder when none is named */
  defaultFolder: z.string(),
  /** months with packages loaded, newest last */
  periods: z.array(z.string()),
});

const claimIds = z.array(z.number().int().positive()).min(1).max(5000);
const reason = z.string().trim().max(500);
const message = z.object({ code: z.string(), params: z.record(z.string(), z.unknown()).optional() });
const claimStep = z.object({
  done: z.array(z.object({ id: z.number().int(), docNo: z.string() })),
  refused: z.array(z.object({ id: z.number().int(), docNo: z.string(), reason: message })),
});

/**
 * 总部: the manufacturer's head-office database (PostgreSQL, or PGlite in a folder), opened beside — or instead of —
 * a book. Its own sign-in: head-office users are not the book's.
 */
export const hqMethods = {
  'hq.state': { args: z.object({}).strict(), result: hqState },
  /** db: a postgres:// URL, or the folder of an embedded database (made when create is true); empty: the default folder */
  'hq.open': { args: z.object({ db: z.string().trim().max(1000).default(''), create: z.boolean().default(false) }).strict(), result: hqState },
  'hq.close': { args: z.object({}).strict(), result: hqState },
  'hq.signIn': { args: z.object({ username: z.string().trim().min(1).max(40), password: z.string().min(1).max(200) }).strict(), result: hqState },
  'hq.signOut': { args: z.object({}).strict(), result: hqState },
  'hq.load': {
    args: z.object({ files: z.array(z.string().trim().min(1).max(1000)).min(1).max(10_000) }).strict(),
    result: z.object({ outcomes: z.array(z.object({ file: z.string(), status: z.enum(['loaded', 'already-loaded', 'older-edition', 'refused']), message })) }),
  },
  'hq.register': { args: z.object({ file: z.string().trim().min(1).max(1000) }).strict(), result: z.object({ keyId: z.string(), book: z.string(), created: z.boolean(), distributors: z.number().int() }) },
  'hq.exposure': { args: z.object({ period: period.optional() }).strict(), result: document },
  'hq.setLimit': { args: z.object({ ka: code, limitFen: fen.nonnegative(), reason: reason.min(1) }).strict(), result: z.object({ ka: z.string(), limitFen: fen }) },
  'hq.claims': {
    args: z.object({ states: z.array(z.enum(HQ_CLAIM_STATES)).min(1).optional(), distributor: code.optional(), ka: code.optional(),
      offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(200) }).strict(),
    result: rowsResult.extend({ openFen: fen }),
  },
  /** the maker's step on many claims: approve or reject, one reason (a rejection must have one) */
  'hq.proposeClaims': { args: z.object({ ids: claimIds, proposal: z.enum(HQ_PROPOSALS), reason: reason.optional() }).strict(), result: claimStep },
  /** the checker's step: another controller confirms the proposals */
  'hq.confirmClaims': { args: z.object({ ids: claimIds }).strict(), result: claimStep },
  'hq.sendBackClaims': { args: z.object({ ids: claimIds, reason: reason.min(1) }).strict(), result: claimStep },
  /** 厂家核销单: one file per distributor with approved claims, written into the head office's credits folder */
  'hq.writeCredits': {
    args: z.object({ date: isoDate, method: z.enum(CREDIT_METHODS).default('cash'), distributor: code.optional() }).strict(),
    result: z.object({ folder: z.string(), files: z.array(z.object({ fileNo: z.string(), path: z.string(), claims: z.number().int(), amountFen: fen, distributor: z.string(), book: z.string() })) }),
  },
  'hq.rebates': { args: z.object({ period: period.optional() }).strict(), result: document },
  /** 全国联采 contract: tiers on the chain's whole base in fen, rates in ppm */
  'hq.saveContract': {
    args: z.object({
      code: z.string().trim().min(1).max(40), ka: code, name: z.string().trim().min(1).max(200), yearFrom: period, months: z.number().int().min(1).max(24).default(12),
      mode: z.enum(['whole', 'progressive']), tiers: z.array(z.object({ threshold: fen.nonnegative(), rate: z.number().int().min(0).max(1_000_000) })).min(1).max(20),
    }).strict(),
    result: z.object({ code: z.string() }),
  },
  'hq.watch': { args: z.object({ period: period.optional() }).strict(), result: document },
  'hq.audit': {
    args: z.object({ from: period, to: period, by: z.enum(HQ_AUDIT_BREAKDOWNS), ka: code.optional(), offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(500) }).strict(),
    result: document,
  },
  'hq.missing': { args: z.object({ from: period, to: period }).strict(), result: document },
} as const;
