import type { Book } from '../../db/connection.js';
import { countAdmins, findUser, insertUser, listUsers, setUserDisabled, setUserPassword, type Role } from '../../db/queries/users.js';
import { AuditWriter } from '../audit/audit-chain.js';
import type { Message, MessageCode } from '../../locale/index.js';
import { UserError } from '../errors.js';
import { hashPassword, verifyPassword } from './passwords.js';

import { ROLES } from '../../vocabulary/index.js';
export { ROLES };
export type { Role };

/** A user who proved who they are. */
export interface SignedIn {
  username: string;
  displayName: string;
  role: Role;
}

export function signIn(book: Book, username: string, password: string | undefined): SignedIn {
  const user = findUser(book, username);
  if (!user || user.disabled) throw new UserError('users.unknown-user', { user: username }, { field: '--user' });
  if (password === undefined || password === '') throw new UserError('users.password-needed', {}, { field: 'password' });
  if (!user.password_hash || !verifyPassword(password, user.password_hash)) throw new UserError('users.wrong-password', { user: username }, { field: 'password' });
  return { username: user.username, displayName: user.display_name, role: user.role };
}

/** A user as a person reads them: 李华（lihua）, or the login alone when it is the name too. */
export function personOf(user: { username: string; displayName?: string | null }): Message | string {
  return user.displayName && user.displayName !== user.username ? { code: 'users.person', params: { name: user.displayName, login: user.username } } : user.username;
}

/** What a role is needed for, as the refusal names it (`act.review` → 复核结算). */
export type Act = Extract<MessageCode, `act.${string}`>;

export function requireRole(user: SignedIn, roles: Role[], what: Act): void {
  if (!roles.includes(user.role) && user.role !== 'admin') {
    throw new UserError('users.forbidden-role', { user: personOf(user), role: user.role, what: { code: what }, roles });
  }
}

/**
 * Adds a user. The first user of a book must be an admin and needs nobody's permission; after that an admin
 * signs in to add others.
 */
export function addUser(book: Book, by: SignedIn | null, input: { username: string; displayName?: string; role: Role; password: string }): void {
  if (!ROLES.includes(input.role)) throw new UserError('users.invalid-role', { roles: ROLES }, { field: '--role' });
  if (!/^[\w.@-]{2,40}$/u.test(input.username)) throw new UserError('input.user-name', {}, { field: '--add' });
  if (input.password.length < 8) throw new UserError('input.password-length', {}, { field: 'password' });
  book.write(() => {
    const admins = countAdmins(book);
    if (admins === 0 && input.role !== 'admin') throw new UserError('users.first-is-admin');
    if (admins > 0) {
      if (!by) throw new UserError('users.admin-to-add');
      requireRole(by, ['admin'], 'act.add-users');
    }
    if (findUser(book, input.username)) throw new UserError('users.exists', { user: input.username }, { field: '--add' });
    insertUser(book, { username: input.username, display_name: input.displayName ?? input.username, role: input.role, password_hash: hashPassword(input.password) });
    new AuditWriter(book).append({ actor: by?.username ?? input.username, action: 'create', entity: 'user', entityKey: input.username, after: { role: input.role, displayName: input.displayName ?? input.username } });
  });
}

export function changePassword(book: Book, user: SignedIn, newPassword: string): void {
  if (newPassword.length < 8) throw new UserError('input.password-length', {}, { field: 'password' });
  book.write(() => {
    setUserPassword(book, user.username, hashPassword(newPassword));
    new AuditWriter(book).append({ actor: user.username, action: 'password', entity: 'user', entityKey: user.username });
  });
}

export function disableUser(book: Book, by: SignedIn, username: string): void {
  requireRole(by, ['admin'], 'act.disable-users');
  book.write(() => {
    if (!findUser(book, username)) throw new UserError('users.no-user', { user: username });
    setUserDisabled(book, username, true);
    new AuditWriter(book).append({ actor: by.username, action: 'disable', entity: 'user', entityKey: username });
  });
}

export { listUsers };
