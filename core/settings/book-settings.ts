import { z } from 'zod';
import { ACCRUAL_BASES, HOLD_MODES } from '../../vocabulary/index.js';
import type { Book } from '../../db/connection.js';
import { listSettings, setSettingJson } from '../../db/queries/settings.js';
import { AuditWriter } from '../audit/audit-chain.js';
import { UserError } from '../errors.js';
import { inputError } from '../input-issues.js';
import { countUsers } from '../../db/queries/users.js';
import { requirePermission } from '../users/permissions.js';
import { currentUser, RELAXED_SETTING, type SignedIn } from '../users/users.js';

const measureThresholds = z.tuple([z.number().nonnegative(), z.number().nonnegative(), z.number().nonnegative()])
  .refine(([a, b, c]) => a <= b && b <= c, 'input.thresholds-rise');

/** Every book setting, with the schema its value must satisfy. */
export const SETTING_SCHEMAS = {
  'reconcile.amount_tolerance_fen': z.number().int().min(0).max(100_000),
  'reconcile.window_days': z.number().int().min(0).max(60),
  'terms.rebate_accrual_basis': z.enum(ACCRUAL_BASES),
  'credit.ageing_buckets_days': z.array(z.number().int().min(0)).min(1).max(10)
    .refine((xs) => xs.every((x, i) => i === 0 || x > xs[i - 1]!), 'input.edges-rise'),
  'credit.hold_mode': z.enum(HOLD_MODES),
  'backup.keep_last': z.number().int().min(1).max(500),
  // Limits on what an imported file may hold (core/import/readers/read-limits.ts has the defaults and why).
  'import.max_uncompressed_mb': z.number().int().min(1).max(16_384),
  'import.max_rows': z.number().int().min(1).max(100_000_000),
  'import.max_columns': z.number().int().min(1).max(16_384),
  'import.max_cell_chars': z.number().int().min(1).max(10_000_000),
  /** a single-user book may be written without signing in; a second user switches it off */
  [RELAXED_SETTING]: z.boolean(),
  'credit.grading': z.object({
    weights: z.object({ dso: z.number().int().min(0), overdueShare: z.number().int().min(0), longestOverdue: z.number().int().min(0), disputedShare: z.number().int().min(0), shortPaidShare: z.number().int().min(0) }),
    thresholds: z.object({ dso: measureThresholds, overdueShare: measureThresholds, longestOverdue: measureThresholds, disputedShare: measureThresholds, shortPaidShare: measureThresholds }),
    grades: z.object({ A: z.number(), B: z.number(), C: z.number() }),
  }),
} as const;
export type SettingKey = keyof typeof SETTING_SCHEMAS;

export function bookSettings(book: Book) {
  return listSettings(book).map((s) => ({ key: s.key, value: JSON.parse(s.value_json) as unknown, changedBy: s.changed_by, changedAt: s.changed_at }));
}

/** Changes a setting (admin, manager or credit controller), checked against its schema and audited with the old value. */
export function changeSetting(book: Book, key: string, valueText: string, user: SignedIn): void {
  requirePermission(currentUser(book, user), 'settings');
  const schema = SETTING_SCHEMAS[key as SettingKey];
  if (!schema) throw new UserError('settings.unknown', { key, known: Object.keys(SETTING_SCHEMAS) }, { field: '--set' });
  let value: unknown;
  try {
    value = JSON.parse(valueText);
  } catch {
    throw new UserError('settings.not-json', { key }, { field: key });
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw inputError(parsed.error.issues[0]!, {}, key);
  if (key === RELAXED_SETTING && parsed.data === true && countUsers(book) !== 1) throw new UserError('security.relaxed-needs-one-user', { users: countUsers(book) }, { field: key });
  book.write(() => {
    const before = bookSettings(book).find((s) => s.key === key)?.value ?? null;
    setSettingJson(book, key, JSON.stringify(parsed.data), user.username);
    new AuditWriter(book).append({ actor: user.username, action: 'set', entity: 'setting', entityKey: key, before, after: parsed.data });
  });
}
