import type { Book } from '../../db/connection.js';
import { getSettingJson } from '../../db/queries/settings.js';
import { countUsers } from '../../db/queries/users.js';
import type { Message } from '../../locale/index.js';
import type { Permission } from '../../vocabulary/index.js';
import { UserError } from '../errors.js';
import { requirePermission } from './permissions.js';
import type { SignedIn } from './signed-in.js';
import { currentUser, RELAXED_SETTING } from './users.js';

/** Who a write is recorded as, and whether that name was proven. */
export interface WriteAccess {
  /** the name the audit log gets: a signed-in user's, or — only in an unprotected book — an unverified one */
  actor: string;
  user: SignedIn | null;
  /** why nobody had to sign in: the book has no users, or its single user allowed writing without signing in */
  unprotected: 'no-users' | 'relaxed' | null;
}

/**
 * The one gate of every write, in the command and the window alike. A book with users needs a signed-in user whose
 * role holds the permission — each of them, when a write needs several (checked against the book as it is now); the
 * audit log then gets only that user's name. A book without users is unprotected and says so; so is a single-user book whose owner chose to write
 * without signing in (the choice ends when a second user is added).
 */
export function authorizeWrite(book: Book, user: SignedIn | null, needed: Permission | readonly Permission[], unverifiedName: string, options: { command?: boolean } = {}): WriteAccess {
  const permissions: readonly Permission[] = typeof needed === 'string' ? [needed] : needed;
  const users = countUsers(book);
  if (users === 0) return { actor: unverifiedName, user: null, unprotected: 'no-users' };
  if (!user) {
    if (users === 1 && getSettingJson(book, RELAXED_SETTING) === 'true') return { actor: unverifiedName, user: null, unprotected: 'relaxed' };
    throw new UserError(options.command ? 'security.sign-in-required-command' : 'security.sign-in-required', { what: permissions[0]! });
  }
  const now = currentUser(book, user);
  for (const permission of permissions) requirePermission(now, permission);
  return { actor: now.username, user: now, unprotected: null };
}

/** What a write's output says when nobody had to prove who they are. */
export function protectionNotice(access: WriteAccess): Message | null {
  if (access.unprotected === 'no-users') return { code: 'security.unprotected', params: { actor: access.actor } };
  if (access.unprotected === 'relaxed') return { code: 'security.unprotected-relaxed', params: { actor: access.actor } };
  return null;
}
