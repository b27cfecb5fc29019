import type { Book } from '../../db/connection.js';
import { countAdmins, findUser, insertUser, listUsers, setUserDisabled, setUserPassword, type Role } from '../../db/queries/users.js';
import { AuditWriter } from '../audit/audit-chain.js';
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
  if (!user || user.disabled) throw new UserError('sign-in', `no active user "${username}" in this book`, { field: '--user' });
  if (password === undefined || password === '') throw new UserError('sign-in', 'a password is needed: set KA_SETTLE_PASSWORD or pipe it on standard input', { field: 'password' });
  if (!user.password_hash || !verifyPassword(password, user.password_hash)) throw new UserError('sign-in', `wrong password for "${username}"`, { field: 'password' });
  return { username: user.username, displayName: user.display_name, role: user.role };
}

export function requireRole(user: SignedIn, roles: Role[], what: string): void {
  if (!roles.includes(user.role) && user.role !== 'admin') {
    throw new UserError('forbidden', `${user.username} is ${user.role}: ${what} needs ${roles.join(' or ')}`);
  }
}

/**
 * Adds a user. The first user of a book must be an admin and needs nobody's permission; after that an admin
 * signs in to add others.
 */
export function addUser(book: Book, by: SignedIn | null, input: { username: string; displayName?: string; role: Role; password: string }): void {
  if (!ROLES.includes(input.role)) throw new UserError('invalid-field', `role must be one of ${ROLES.join(', ')}`, { field: '--role' });
  if (!/^[\w.@-]{2,40}$/u.test(input.username)) throw new UserError('invalid-field', 'a user name is 2 to 40 letters, digits, . @ - or _', { field: '--add' });
  if (input.password.length < 8) throw new UserError('invalid-field', 'a password has at least 8 characters', { field: 'password' });
  book.write(() => {
    const admins = countAdmins(book);
    if (admins === 0 && input.role !== 'admin') throw new UserError('forbidden', 'the first user of a book is its admin: add an admin first');
    if (admins > 0) {
      if (!by) throw new UserError('forbidden', 'sign in as an admin (--user) to add users');
      requireRole(by, ['admin'], 'adding users');
    }
    if (findUser(book, input.username)) throw new UserError('duplicate', `user "${input.username}" already exists`, { field: '--add' });
    insertUser(book, { username: input.username, display_name: input.displayName ?? input.username, role: input.role, password_hash: hashPassword(input.password) });
    new AuditWriter(book).append({ actor: by?.username ?? input.username, action: 'create', entity: 'user', entityKey: input.username, after: { role: input.role, displayName: input.displayName ?? input.username } });
  });
}

export function changePassword(book: Book, user: SignedIn, newPassword: string): void {
  if (newPassword.length < 8) throw new UserError('invalid-field', 'a password has at least 8 characters', { field: 'password' });
  book.write(() => {
    setUserPassword(book, user.username, hashPassword(newPassword));
    new AuditWriter(book).append({ actor: user.username, action: 'password', entity: 'user', entityKey: user.username });
  });
}

export function disableUser(book: Book, by: SignedIn, username: string): void {
  requireRole(by, ['admin'], 'disabling users');
  book.write(() => {
    if (!findUser(book, username)) throw new UserError('not-found', `no user "${username}"`);
    setUserDisabled(book, username, true);
    new AuditWriter(book).append({ actor: by.username, action: 'disable', entity: 'user', entityKey: username });
  });
}

export { listUsers };
