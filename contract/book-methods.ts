import { z } from 'zod';
import { bookPath, fen, message } from './common-schemas.js';

const appState = z.object({
  /** the folder books live in by default (Documents\ka-settle) */
  home: z.string(),
  demoPath: z.string(),
  /**
   * protection: 'none' — no users, anyone may write and names are not verified; 'relaxed' — one user who chose to
   * write without signing in; 'sign-in' — every write needs a signed-in user
   */
  book: z.object({ path: z.string(), name: z.string(), isDemo: z.boolean(), hasUsers: z.boolean(), protection: z.enum(['none', 'relaxed', 'sign-in']) }).nullable(),
  /** who signed in to this book in this window, if anyone */
  user: z.object({ username: z.string(), displayName: z.string(), role: z.string() }).nullable(),
  recent: z.array(z.object({ path: z.string(), openedAt: z.string(), exists: z.boolean() })),
});

/** Choosing, creating and keeping books (账套): the 文件 menu. */
export const bookMethods = {
  'app.state': { args: z.object({}).strict(), result: appState },
  'app.openBook': { args: z.object({ path: bookPath }).strict(), result: appState },
  /** demo: fill the new book with the seeded demo year (the demo book is replaced only if it is a demo) */
  'app.createBook': { args: z.object({ path: bookPath, demo: z.boolean().default(false) }).strict(), result: appState },
  'app.closeBook': { args: z.object({}).strict(), result: appState },
  'book.summary': {
    args: z.object({}).strict(),
    result: z.object({
      path: z.string(), schemaVersion: z.number().int(), masterData: z.record(z.string(), z.number().int()),
      documents: z.array(z.object({ kind: z.string(), documents: z.number().int(), lines: z.number().int(), total_fen: fen })),
      periods: z.array(z.object({ period: z.string(), status: z.string() })),
    }),
  },
  'book.periods': { args: z.object({}).strict(), result: z.object({ periods: z.array(z.object({ period: z.string(), status: z.string(), deliveries: z.number().int() })) }) },
  /** the documents of the book (送货单, 验收单, 扣款单 …) filtered, and one with its lines and entries */
  'book.documents': {
    args: z.object({ kind: z.string().trim().min(1).max(40).optional(), period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).optional(), ka: z.string().trim().min(1).max(64).optional(), docNo: z.string().trim().min(1).max(64).optional(), offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(200) }).strict(),
    result: z.object({ rows: z.array(z.record(z.string(), z.unknown())) }),
  },
  'book.document': { args: z.object({ key: z.string().trim().min(1).max(200) }).strict(), result: z.object({ documents: z.array(z.record(z.string(), z.unknown())) }) },
  /** 余额: the ledger's balances by account, optionally by KA, distributor or month, as of a date */
  'book.balances': {
    args: z.object({ by: z.enum(['account', 'ka', 'distributor', 'period']).default('account'), asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() }).strict(),
    result: z.object({ rows: z.array(z.record(z.string(), z.unknown())) }),
  },
  'book.check': {
    args: z.object({}).strict(),
    result: z.object({ ok: z.boolean(), checks: z.array(z.object({ name: z.string(), ok: z.boolean(), detail: message, problems: z.array(message).optional() })) }),
  },
  /** reason 'exit' is the automatic copy when the window closes; either way only the newest backups are kept */
  'book.backup': { args: z.object({ reason: z.enum(['manual', 'exit']).default('manual') }).strict(), result: z.object({ file: z.string(), pruned: z.number().int() }) },
  'book.backups': {
    args: z.object({}).strict(),
    result: z.object({ backups: z.array(z.object({ file: z.string(), name: z.string(), bytes: z.number().int(), takenAt: z.string() })) }),
  },
  /** for a book that failed its startup check: its newest backup that passes the check, if any */
  'app.lastGoodBackup': { args: z.object({ path: bookPath }).strict(), result: z.object({ backup: z.object({ file: z.string(), name: z.string(), takenAt: z.string() }).nullable() }) },
  /** puts that backup in place of the damaged book (kept aside as <name>-damaged-<time>) and opens it */
  'app.restoreDamaged': {
    args: z.object({
      path: bookPath, file: bookPath,
      /** a manager or admin of the backup, when the backup has users */
      username: z.string().trim().min(1).max(40).optional(), password: z.string().min(1).max(200).optional(), reason: z.string().trim().max(500).optional(),
    }).strict(),
    result: appState,
  },
  /** replaces the open book by one of its backups; the book as it was is backed up first */
  'book.restore': { args: z.object({ file: bookPath, reason: z.string().trim().max(500).default('') }).strict(), result: z.object({ restoredFrom: z.string(), safetyCopy: z.string(), reopened: z.array(z.string()) }) },
} as const;
