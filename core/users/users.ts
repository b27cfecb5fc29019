import type { Book } from '../../db/connection.js';
import { getSettingJson, setSettingJson } from '../../db/queries/settings.js';
import { liveSessions, revokeSessionsOf } from '../../db/queries/user-sessions.js';
import {
  countAdmins, countUsers, findUser, insertUser, listUsers, setUserDisabled, setUserPassword, setUserRole, type Role,
} from '../../db/queries/users.js';
import type { UserAction } from '../../vocabulary/index.js';
import { AuditWriter } from '../audit/audit-chain.js';
import type { Message } from '../../locale/index.js';
import { UserError } from '../errors.js';
import { hashPassword } from './passwords.js';
import { requirePermission } from './permissions.js';

import { ROLES } from '../../vocabulary/index.js';
export { ROLES };
export type { Role };
export { signIn } from './sign-in.js';
export type { SignedIn } from './signed-in.js';
import type { SignedIn } from './signed-in.js';

/** The setting that lets a book with a single user be written without signing in (off unless its owner turns it on). */
export const RELAXED_SETTING = 'security.single_user_without_sign_in';

/** A user as a person reads them: 李华（lihua）, or the login alone when it is the name too. */
export function personOf(user: { username: string; displayName?: string | null }): Message | string {
  return user.displayName && user.displayName !== user.username ? { code: 'users.person', params: { name: user.displayName, login: user.username } } : user.username;
}

const MIN_PASSWORD = 8;

function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD) throw new UserError('security.password-too-short', {}, { field: 'password' });
}

/**
 * The signed-in user as the book knows them now: a user disabled or given another role since signing in is refused,
 * so a sign-in held by the window or a session token never outlives the account it was made for.
 */
export function currentUser(book: Book, user: SignedIn): SignedIn {
  const row = findUser(book, user.username);
  if (!row || row.disabled || row.role !== user.role) throw new UserError('security.user-changed', { user: user.username });
  return { username: row.username, displayName: row.display_name, role: row.role };
}

/** An admin acting on someone else's account, checked against the book as it is now. */
function adminOver(book: Book, by: SignedIn, username: string, action: UserAction) {
  requirePermission(currentUser(book, by), 'users');
  if (by.username === username) throw new UserError('security.own-account', { what: action });
  const target = findUser(book, username);
  if (!target) throw new UserError('security.user-not-found', { user: username }, { field: '--user' });
  return target;
}

/**
 * Adds a user. The first user of a book must be an admin and needs nobody's permission; after that an admin
 * signs in to add others. A second user ends the single-user relaxation: from then on every write needs a name.
 */
export function addUser(book: Book, by: SignedIn | null, input: { username: string; displayName?: string; role: Role; password: string }): void {
  if (!ROLES.includes(input.role)) throw new UserError('security.role-invalid', { roles: [...ROLES] }, { field: '--role' });
  if (!/^[\w.@-]{2,40}$/u.test(input.username)) throw new UserError('security.user-name-invalid', {}, { field: '--add' });
  checkPassword(input.password);
  book.write(() => {
    const users = countUsers(book);
    if (users === 0 && input.role !== 'admin') throw new UserError('security.first-user-admin');
    if (users > 0) {
      if (!by) throw new UserError('security.sign-in-required', { what: 'users' });
      requirePermission(currentUser(book, by), 'users');
    }
    if (findUser(book, input.username)) throw new UserError('security.user-exists', { user: input.username }, { field: '--add' });
    const creator = by?.username ?? input.username;
    insertUser(book, { username: input.username, display_name: input.displayName ?? input.username, role: input.role, password_hash: hashPassword(input.password), created_by: creator });
    const audit = new AuditWriter(book);
    audit.append({ actor: creator, action: 'create', entity: 'user', entityKey: input.username, after: { role: input.role, displayName: input.displayName ?? input.username } });
    if (users >= 1 && getSettingJson(book, RELAXED_SETTING) === 'true') {
      setSettingJson(book, RELAXED_SETTING, 'false', creator);
      audit.append({ actor: creator, action: 'set', entity: 'setting', entityKey: RELAXED_SETTING, before: true, after: false });
    }
  });
}

/** A user sets their own password; their sessions end, so a token made with the old one stops working. */
export function changePassword(book: Book, user: SignedIn, newPassword: string): void {
  checkPassword(newPassword);
  book.write(() => {
    currentUser(book, user);
    setUserPassword(book, user.username, hashPassword(newPassword), user.username);
    revokeSessionsOf(book, user.username, user.username);
    new AuditWriter(book).append({ actor: user.username, action: 'password', entity: 'user', entityKey: user.username });
  });
}

/** An admin sets another user's password (it was forgotten); recorded, because that admin could now act as them. */
export function resetPassword(book: Book, by: SignedIn, username: string, newPassword: string): void {
  checkPassword(newPassword);
  book.write(() => {
    adminOver(book, by, username, 'reset-password');
    setUserPassword(book, username, hashPassword(newPassword), by.username);
    revokeSessionsOf(book, username, by.username);
    new AuditWriter(book).append({ actor: by.username, action: 'reset-password', entity: 'user', entityKey: username });
  });
}

export function disableUser(book: Book, by: SignedIn, username: string): void {
  book.write(() => {
    const target = adminOver(book, by, username, 'disable');
    if (target.role === 'admin' && !target.disabled && countAdmins(book) <= 1) throw new UserError('security.last-admin', { user: username });
    setUserDisabled(book, username, true, by.username);
    revokeSessionsOf(book, username, by.username);
    new AuditWriter(book).append({ actor: by.username, action: 'disable', entity: 'user', entityKey: username });
  });
}

export function enableUser(book: Book, by: SignedIn, username: string): void {
  book.write(() => {
    adminOver(book, by, username, 'enable');
    setUserDisabled(book, username, false, by.username);
    new AuditWriter(book).append({ actor: by.username, action: 'enable', entity: 'user', entityKey: username });
  });
}

/** Gives a user another role; their sessions end so the new role is signed in afresh. */
export function changeRole(book: Book, by: SignedIn, username: string, role: Role): void {
  book.write(() => {
    const target = adminOver(book, by, username, 'change-role');
    if (target.role === 'admin' && role !== 'admin' && !target.disabled && countAdmins(book) <= 1) throw new UserError('security.last-admin', { user: username });
    setUserRole(book, username, role);
    revokeSessionsOf(book, username, by.username);
    new AuditWriter(book).append({ actor: by.username, action: 'role', entity: 'user', entityKey: username, before: { role: target.role }, after: { role } });
  });
}

/** An admin ends every live session of a user (a laptop lost, a token shown to someone). */
export function revokeSessions(book: Book, by: SignedIn, username: string): number {
  return book.write(() => {
    requirePermission(currentUser(book, by), 'users');
    const ended = revokeSessionsOf(book, username, by.username);
    new AuditWriter(book).append({ actor: by.username, action: 'revoke-sessions', entity: 'user', entityKey: username, after: { ended } });
    return ended;
  });
}

/** The live sessions of `ka-settle login` (never their tokens), for an admin. */
export function sessionsList(book: Book, by: SignedIn) {
  requirePermission(currentUser(book, by), 'users');
  return liveSessions(book, new Date().toISOString());
}

export { listUsers };
