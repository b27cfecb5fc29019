import { basename } from 'node:path';
import type { Book } from '../../db/connection.js';
import { listPeriods } from '../../db/queries/periods.js';
import { findUser, countUsers } from '../../db/queries/users.js';
import { AuditWriter } from '../audit/audit-chain.js';
import { signOffHeads } from '../close/sign-offs.js';
import { UserError } from '../errors.js';
import { verifyPassword } from '../users/passwords.js';
import { roleMay } from '../users/permissions.js';
import { SIGN_IN_LIMITS } from '../users/sign-in.js';
import type { SignedIn } from '../users/signed-in.js';
import { openExistingBook } from './open-book.js';

async function withBackup<T>(file: string, fn: (backup: Book) => T): Promise<T> {
  const backup = await openExistingBook(file, { readonly: true });
  try {
    return fn(backup);
  } finally {
    backup.close();
  }
}

/**
 * The closed months of a book that putting a backup in its place would undo: closed now, and in the backup not
 * closed, or closed with other sign-offs. Restoring those is a reopening in all but name, under the same rule.
 */
export async function closedMonthsUndone(book: Book, file: string): Promise<string[]> {
  const closed = listPeriods(book).filter((p) => p.status === 'closed').map((p) => p.period);
  if (!closed.length) return [];
  return withBackup(file, (backup) => {
    const there = new Map(listPeriods(backup).map((p) => [p.period, p.status]));
    const approvals = (b: Book, period: string) => JSON.stringify(signOffHeads(b, period).filter((h) => h.step === 'approve').map((h) => [h.user, h.chain]));
    return closed.filter((p) => there.get(p) !== 'closed' || approvals(backup, p) !== approvals(book, p));
  });
}

/** The restore in the audit log of the book it happened to (the one put aside and the one put in place). */
export function auditRestore(book: Book, actor: string, action: 'restore-away' | 'restore' | 'restore-damaged', detail: { file: string; reason: string; undoes: string[]; copy?: string }): void {
  book.write(() => new AuditWriter(book).append({ actor, action, entity: 'book', entityKey: basename(book.path),
    after: { backup: basename(detail.file), reason: detail.reason, undoes: detail.undoes, ...(detail.copy ? { copy: basename(detail.copy) } : {}) } }));
}

export async function backupHasUsers(file: string): Promise<boolean> {
  return withBackup(file, (backup) => countUsers(backup) > 0);
}

// Failed attempts at a backup's users, per name, in this process: a backup is never written to, so its own
// throttle cannot be used; the same limits apply.
const backupFailures = new Map<string, { failures: number; lockedUntil: number }>();

/**
 * A damaged book cannot be signed in to, so restoring it is signed by a manager or admin of the backup that will
 * take its place, checked against the backup itself.
 */
export async function signInToBackup(file: string, username: string, password: string, now = Date.now()): Promise<SignedIn> {
  const past = backupFailures.get(username);
  if (past && past.lockedUntil > now) throw new UserError('security.locked', { user: username, failures: past.failures, until: new Date(past.lockedUntil).toISOString() }, { field: 'password' });
  return withBackup(file, (backup) => {
    const user = findUser(backup, username);
    if (!user || user.disabled || !user.password_hash || !verifyPassword(password, user.password_hash)) {
      const failures = (past?.failures ?? 0) + 1;
      const over = failures - SIGN_IN_LIMITS.freeFailures;
      const lock = over > 0 ? Math.min(SIGN_IN_LIMITS.firstLockMs * 2 ** (over - 1), SIGN_IN_LIMITS.longestLockMs) : 0;
      backupFailures.set(username, { failures, lockedUntil: now + lock });
      throw new UserError('security.sign-in-failed', {}, { field: 'password' });
    }
    backupFailures.delete(username);
    if (!roleMay(user.role, 'backup.restore')) {
      throw new UserError('security.forbidden', { user: username, role: user.role, what: 'backup.restore', roles: ['manager', 'admin'] });
    }
    return { username: user.username, displayName: user.display_name, role: user.role };
  });
}
