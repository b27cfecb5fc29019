import type { Book } from '../../db/connection.js';
import { clearSignInFailures, recordSignInFailure, signInFailures } from '../../db/queries/sign-in-failures.js';
import { findUser } from '../../db/queries/users.js';
import { AuditWriter } from '../audit/audit-chain.js';
import { sha256Hex } from '../canonical-json.js';
import { UserError } from '../errors.js';
import { hashPassword, verifyPassword } from './passwords.js';
import type { SignedIn } from './signed-in.js';

/** Failures in a row before a name is locked, the first lock, and the longest (each further failure doubles it). */
export const SIGN_IN_LIMITS = { freeFailures: 4, firstLockMs: 60_000, longestLockMs: 60 * 60_000 };

/** Where a sign-in came from, as the audit log records it. */
export type SignInVia = 'command' | 'window' | 'login' | 'restore';

// Checked against when the name is unknown, so a wrong name costs as long as a wrong password. Made on the first
// such sign-in, not when the module loads: every command start paid for the scrypt otherwise.
let dummyHash: string | undefined;
function dummy(): string {
  return (dummyHash ??= hashPassword('not a password of anyone'));
}

/**
 * The name a failure is counted and audited under: the user name when the book has such a user, else a short hash
 * of what was typed — a password typed into the name field must never land in the audit log.
 */
function failureKey(known: boolean, username: string): { name: string; key: string } {
  return known ? { name: username, key: username } : { name: `?${sha256Hex(username).slice(0, 16)}`, key: '(unknown)' };
}

function lockFor(failures: number): number {
  const over = failures - SIGN_IN_LIMITS.freeFailures;
  return over <= 0 ? 0 : Math.min(SIGN_IN_LIMITS.firstLockMs * 2 ** (over - 1), SIGN_IN_LIMITS.longestLockMs);
}

/**
 * Checks a user's password. Failed attempts are counted per name in the book (so every ka-settle on the machine
 * shares the count) and audited; after four in a row the name is locked for a minute, then for twice as long after
 * each further failure, up to an hour. A locked name is refused without looking at the password.
 */
export function signIn(book: Book, username: string, password: string | undefined, via: SignInVia = 'command', now = new Date()): SignedIn {
  if (password === undefined || password === '') throw new UserError('security.password-needed', {}, { field: 'password' });
  const user = findUser(book, username);
  const { name, key } = failureKey(user !== undefined, username);
  const past = signInFailures(book, name);
  if (past?.locked_until && past.locked_until > now.toISOString()) {
    throw new UserError('security.locked', { user: key === '(unknown)' ? username.slice(0, 40) : username, failures: past.failures, until: past.locked_until }, { field: 'password' });
  }
  const good = user?.password_hash ? verifyPassword(password, user.password_hash) : (verifyPassword(password, dummy()), false);
  const reason = !user ? 'unknown-user' : user.disabled ? 'disabled' : !good ? 'wrong-password' : null;
  if (reason) {
    const failures = (past?.failures ?? 0) + 1;
    const lock = lockFor(failures);
    const lockedUntil = lock ? new Date(now.getTime() + lock).toISOString() : null;
    book.write(() => {
      recordSignInFailure(book, { name, failures, last_at: now.toISOString(), locked_until: lockedUntil });
      new AuditWriter(book).append({ actor: key, action: 'sign-in-failed', entity: 'user', entityKey: key,
        after: { reason, via, failures, lockedUntil, ...(key === '(unknown)' ? { name } : {}) } });
    });
    throw new UserError('security.sign-in-failed', {}, { field: 'password' });
  }
  if (past || via === 'window') {
    book.write(() => {
      if (past) clearSignInFailures(book, name);
      if (via === 'window') new AuditWriter(book).append({ actor: username, action: 'sign-in', entity: 'user', entityKey: username, after: { via } });
    });
  }
  return { username: user!.username, displayName: user!.display_name, role: user!.role };
}
