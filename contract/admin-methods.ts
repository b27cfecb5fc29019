import { z } from 'zod';
import { message, page, role, rowsResult } from './common-schemas.js';

/** 审计 and settings: the audit log, users and roles, the book's settings. */
export const adminMethods = {
  'audit.list': {
    args: z.object({ entity: z.string().trim().min(1).max(64).optional(), actor: z.string().trim().min(1).max(64).optional(), action: z.string().trim().min(1).max(64).optional(), ...page }).strict(),
    result: rowsResult,
  },
  'audit.verify': { args: z.object({}).strict(), result: z.object({ ok: z.boolean(), rows: z.number().int(), brokenAt: z.object({ id: z.number().int(), reason: message }).optional() }) },
  'users.list': { args: z.object({}).strict(), result: rowsResult },
  'users.add': {
    args: z.object({
      username: z.string().trim().regex(/^[\w.@-]{2,40}$/u, 'input.user-name'), displayName: z.string().trim().max(64).optional(), role,
      password: z.string().min(8, 'input.password-length').max(200),
    }).strict(),
    result: z.object({ username: z.string() }),
  },
  /** the signed-in user changes their own password */
  'users.password': { args: z.object({ password: z.string().min(8, 'input.password-length').max(200) }).strict(), result: z.object({ username: z.string() }) },
  'users.disable': { args: z.object({ username: z.string().trim().min(1).max(40) }).strict(), result: z.object({ username: z.string() }) },
  'users.enable': { args: z.object({ username: z.string().trim().min(1).max(40) }).strict(), result: z.object({ username: z.string() }) },
  /** an admin sets another user's password (recorded: that admin may not sign beside them in the same month) */
  'users.resetPassword': {
    args: z.object({ username: z.string().trim().min(1).max(40), password: z.string().min(8, 'a password has at least 8 characters').max(200) }).strict(),
    result: z.object({ username: z.string() }),
  },
  'users.setRole': { args: z.object({ username: z.string().trim().min(1).max(40), role }).strict(), result: z.object({ username: z.string(), role: z.string() }) },
  'settings.get': { args: z.object({}).strict(), result: z.object({ settings: z.record(z.string(), z.unknown()) }) },
  'settings.set': { args: z.object({ key: z.string().trim().min(1).max(64), value: z.unknown() }).strict(), result: z.object({ settings: z.record(z.string(), z.unknown()) }) },
} as const;
