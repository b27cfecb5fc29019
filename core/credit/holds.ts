import type { Book } from '../../db/connection.js';
import { activeOverride, arBalanceAsOf, currentLimit, insertOverride, latestGrade, undelivered } from '../../db/queries/credit.js';
import { findKaAccount } from '../../db/queries/master-data.js';
import { getSettingJson } from '../../db/queries/settings.js';
import { AuditWriter } from '../audit/audit-chain.js';
import { assertIsoDate } from '../calendar/dates.js';
import { UserError } from '../errors.js';
import type { Message } from '../../locale/index.js';
import { requirePermission } from '../users/permissions.js';
import { currentUser, type SignedIn } from '../users/users.js';

export type HoldMode = 'off' | 'warn' | 'block';

export function holdMode(book: Book): HoldMode {
  const raw = getSettingJson(book, 'credit.hold_mode');
  const mode = raw ? (JSON.parse(raw) as string) : 'warn';
  return mode === 'off' || mode === 'block' ? mode : 'warn';
}

export interface HoldVerdict { level: 'ok' | 'warn' | 'block'; reasons: Message[] }

/**
 * 发货管控: may the distributor deliver more to this KA? Not when the KA is over its credit limit (open
 * receivables and deliveries not yet received) or graded D (对于信用级别低的客户,严格控制其库存数量) — a warning or a
 * refusal as the book's credit.hold_mode says, unless a credit controller has overridden the hold.
 */
/** Deliveries not yet received per KA, read once per import (it does not depend on the delivery's date). */
export function pendingByKa(book: Book): Map<number, number> {
  const out = new Map<number, number>();
  for (const p of undelivered(book)) out.set(p.ka_account_id, (out.get(p.ka_account_id) ?? 0) + p.fen);
  return out;
}

export function holdCheck(book: Book, kaAccountId: number, date: string, pending: () => Map<number, number> = () => pendingByKa(book)): HoldVerdict {
  const mode = holdMode(book);
  if (mode === 'off') return { level: 'ok', reasons: [] };
  const reasons: Message[] = [];
  const limit = currentLimit(book, 'ka', kaAccountId);
  if (limit !== null) {
    // What is open on the date is the ledger balance of 应收账款-KA then (ageing ties to it), read by index.
    const open = arBalanceAsOf(book, date, kaAccountId);
    const notYetReceived = pending().get(kaAccountId) ?? 0;
    if (open + notYetReceived > limit) reasons.push({ code: 'credit.hold-over-limit', params: { exposure: open + notYetReceived, limit } });
  }
  const grade = latestGrade(book, 'ka', kaAccountId, date);
  if (grade?.grade === 'D') reasons.push({ code: 'credit.hold-grade-d', params: { date: grade.as_of } });
  if (!reasons.length) return { level: 'ok', reasons };
  const override = activeOverride(book, kaAccountId, date);
  if (override) return { level: 'ok', reasons: [...reasons, { code: 'credit.hold-released', params: { by: override.by_user, until: override.until_date, reason: override.reason } }] };
  return { level: mode, reasons };
}

/** A credit controller releases a held KA until a date, with a reason; audited. */
export function overrideHold(book: Book, kaCode: string, until: string, reason: string, user: SignedIn): void {
  requirePermission(currentUser(book, user), 'credit.hold');
  assertIsoDate(until, { field: '--until' });
  if (!reason.trim()) throw new UserError('credit.override-reason', {}, { field: '--reason' });
  book.write(() => {
    const ka = findKaAccount(book, kaCode);
    if (!ka) throw new UserError('master.unknown-ka', { code: kaCode }, { field: '--override' });
    insertOverride(book, { ka_account_id: ka.id, until_date: until, reason, by_user: user.username });
    new AuditWriter(book).append({ actor: user.username, action: 'override-hold', entity: 'credit_ka', entityKey: kaCode, after: { until, reason } });
  });
}
