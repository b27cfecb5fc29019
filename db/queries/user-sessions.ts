import type { Book } from '../connection.js';
import { stmt } from '../statements.js';

export interface UserSessionRow {
  id: number; token_sha256: string; username: string; created_at: string; expires_at: string; revoked_at: string | null; revoked_by: string | null;
}

export function insertUserSession(book: Book, r: { token_sha256: string; username: string; expires_at: string }): number {
  return Number(stmt(book.db, 'INSERT INTO user_sessions (token_sha256, username, created_at, expires_at) VALUES (?, ?, ?, ?)')
    .run(r.token_sha256, r.username, new Date().toISOString(), r.expires_at).lastInsertRowid);
}

export function findUserSession(book: Book, tokenSha256: string): UserSessionRow | undefined {
  return stmt<[string], UserSessionRow>(book.db, 'SELECT * FROM user_sessions WHERE token_sha256 = ?').get(tokenSha256);
}

export function revokeUserSession(book: Book, id: number, by: string): void {
  stmt(book.db, 'UPDATE user_sessions SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL').run(new Date().toISOString(), by, id);
}

/** Ends every live session of a user (password changed, disabled, role changed); returns how many. */
export function revokeSessionsOf(book: Book, username: string, by: string): number {
  return stmt(book.db, 'UPDATE user_sessions SET revoked_at = ?, revoked_by = ? WHERE username = ? AND revoked_at IS NULL')
    .run(new Date().toISOString(), by, username).changes;
}

export function liveSessions(book: Book, now: string): Omit<UserSessionRow, 'token_sha256'>[] {
  return stmt<[string], Omit<UserSessionRow, 'token_sha256'>>(book.db, `SELECT id, username, created_at, expires_at, revoked_at, revoked_by
    FROM user_sessions WHERE revoked_at IS NULL AND expires_at > ? ORDER BY id`).all(now);
}
