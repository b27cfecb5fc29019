import type { Book } from '../../db/connection.js';
import { findUser } from '../../db/queries/users.js';
import type { Permission, SignOffStep, UserRelation } from '../../vocabulary/index.js';
import { UserError } from '../errors.js';
import { PERMISSION_ROLES, requirePermission } from '../users/permissions.js';
import { currentUser, type SignedIn } from '../users/users.js';
import { currentSigners } from './sign-offs.js';

const STEP_PERMISSION: Record<SignOffStep, Permission> = { prepare: 'close.prepare', review: 'close.review', approve: 'close.approve' };

/** How `a` holds a hand in `b`'s account: made it, last enabled it, or last set its password. */
function relation(book: Book, a: string, b: string): UserRelation | null {
  const row = findUser(book, b);
  if (!row) return null;
  if (row.created_by === a) return 'created';
  if (row.enabled_by === a) return 'enabled';
  if (row.password_set_by === a) return 'password_set';
  return null;
}

/**
 * Four eyes that one person cannot fake: the admin never signs; prepare, review and approve of a month are three
 * different users, each in the role of the step; and no signer of the month created, enabled or last set the
 * password of another — whoever did could sign in as them. Each refusal says why.
 */
export function assertFourEyes(book: Book, period: string, step: SignOffStep, signedIn: SignedIn): SignedIn {
  const user = currentUser(book, signedIn);
  const permission = STEP_PERMISSION[step];
  if (user.role === 'admin') throw new UserError('security.admin-not-signer', { user: user.username, step, role: PERMISSION_ROLES[permission][0]! });
  requirePermission(user, permission);
  const signers = step === 'prepare' ? [] : currentSigners(book, period);
  const already = signers.find((s) => s.username === user.username);
  if (already) throw new UserError('security.same-signer', { user: user.username, period, done: already.step });
  const names = [...new Set([...signers.map((s) => s.username), user.username])];
  for (const a of names) {
    for (const b of names) {
      if (a === b) continue;
      const how = relation(book, a, b);
      if (how) throw new UserError('security.signer-related', { user: user.username, step, period, actor: a, relation: how, target: b });
    }
  }
  return user;
}

/**
 * Undoing a signed month (reopening it, or restoring a backup that takes its close away) is for a manager or admin
 * who signed none of it, with a reason.
 */
export function assertMayUndo(book: Book, periods: string[], signedIn: SignedIn, permission: 'close.reopen' | 'backup.restore', reason: string): SignedIn {
  const user = currentUser(book, signedIn);
  requirePermission(user, permission);
  for (const period of periods) {
    const signed = currentSigners(book, period).find((s) => s.username === user.username);
    if (signed) throw new UserError('security.signer-may-not-undo', { user: user.username, period, step: signed.step });
  }
  if (!reason.trim()) throw new UserError('security.reason-needed', { what: permission }, { field: '--reason' });
  return user;
}
