import type { Book } from '../connection.js';
import { stmt } from '../statements.js';

export type { Role } from '../../vocabulary/index.js';
import type { Role } from '../../vocabulary/index.js';
export interface UserRow {
  id: number; username: string; display_name: string; role: Role; password_hash: string | null; disabled: number;
  created_by: string | null; enabled_by: string | null; password_set_by: string | null;
}

const USER_COLUMNS = 'id, username, display_name, role, password_hash, disabled, created_by, enabled_by, password_set_by';

export function findUser(book: Book, username: string): UserRow | undefined {
  return stmt<[string], UserRow>(book.db, `SELECT ${USER_COLUMNS} FROM users WHERE username = ?`).get(username);
}

export function insertUser(book: Book, r: { username: string; display_name: string; role: Role; password_hash: string; created_by: string }): number {
  const now = new Date().toISOString();
  return Number(stmt(book.db, `INSERT INTO users (username, display_name, role, password_hash, created_at, created_by, password_set_by, password_set_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(r.username, r.display_name, r.role, r.password_hash, now, r.created_by, r.created_by, now).lastInsertRowid);
}

export function setUserPassword(book: Book, username: string, hash: string, by: string): void {
  stmt(book.db, 'UPDATE users SET password_hash = ?, password_set_by = ?, password_set_at = ? WHERE username = ?').run(hash, by, new Date().toISOString(), username);
}

export function setUserDisabled(book: Book, username: string, disabled: boolean, by: string): void {
  if (disabled) stmt(book.db, 'UPDATE users SET disabled = 1 WHERE username = ?').run(username);
  else stmt(book.db, 'UPDATE users SET disabled = 0, enabled_by = ? WHERE username = ?').run(by, username);
}

export function setUserRole(book: Book, username: string, role: Role): void {
  stmt(book.db, 'UPDATE users SET role = ? WHERE username = ?').run(role, username);
}

export function countActiveUsers(book: Book): number {
  return stmt<[], { n: number }>(book.db, 'SELECT count(*) AS n FROM users WHERE disabled = 0').get()!.n;
}

export function countUsers(book: Book): number {
  return stmt<[], { n: number }>(book.db, 'SELECT count(*) AS n FROM users').get()!.n;
}

export function listUsers(book: Book): Omit<UserRow, 'password_hash'>[] {
  return stmt<[], Omit<UserRow, 'password_hash'>>(book.db, 'SELECT id, username, display_name, role, disabled FROM users ORDER BY username').all();
}

export function countAdmins(book: Book): number {
  return stmt<[], { n: number }>(book.db, "SELECT count(*) AS n FROM users WHERE role = 'admin' AND disabled = 0").get()!.n;
}
