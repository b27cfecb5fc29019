import type { Book } from '../connection.js';
import { stmt } from '../statements.js';

export type { Role } from '../../vocabulary/index.js';
import type { Role } from '../../vocabulary/index.js';
export interface UserRow { id: number; username: string; display_name: string; role: Role; password_hash: string | null; disabled: number }

export function findUser(book: Book, username: string): UserRow | undefined {
  return stmt<[string], UserRow>(book.db, 'SELECT id, username, display_name, role, password_hash, disabled FROM users WHERE username = ?').get(username);
}

export function insertUser(book: Book, r: { username: string; display_name: string; role: Role; password_hash: string }): number {
  return Number(stmt(book.db, 'INSERT INTO users (username, display_name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?)')
    .run(r.username, r.display_name, r.role, r.password_hash, new Date().toISOString()).lastInsertRowid);
}

export function setUserPassword(book: Book, username: string, hash: string): void {
  stmt(book.db, 'UPDATE users SET password_hash = ? WHERE username = ?').run(hash, username);
}

export function setUserDisabled(book: Book, username: string, disabled: boolean): void {
  stmt(book.db, 'UPDATE users SET disabled = ? WHERE username = ?').run(disabled ? 1 : 0, username);
}

export function listUsers(book: Book): Omit<UserRow, 'password_hash'>[] {
  return stmt<[], Omit<UserRow, 'password_hash'>>(book.db, 'SELECT id, username, display_name, role, disabled FROM users ORDER BY username').all();
}

export function countAdmins(book: Book): number {
  return stmt<[], { n: number }>(book.db, "SELECT count(*) AS n FROM users WHERE role = 'admin' AND disabled = 0").get()!.n;
}
