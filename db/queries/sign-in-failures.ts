import type { Book } from '../connection.js';
import { stmt } from '../statements.js';

export interface SignInFailureRow { name: string; failures: number; last_at: string; locked_until: string | null }

export function signInFailures(book: Book, name: string): SignInFailureRow | undefined {
  return stmt<[string], SignInFailureRow>(book.db, 'SELECT name, failures, last_at, locked_until FROM sign_in_failures WHERE name = ?').get(name);
}

export function recordSignInFailure(book: Book, r: SignInFailureRow): void {
  stmt(book.db, `INSERT INTO sign_in_failures (name, failures, last_at, locked_until) VALUES (@name, @failures, @last_at, @locked_until)
    ON CONFLICT (name) DO UPDATE SET failures = excluded.failures, last_at = excluded.last_at, locked_until = excluded.locked_until`).run(r);
}

export function clearSignInFailures(book: Book, name: string): void {
  stmt(book.db, 'DELETE FROM sign_in_failures WHERE name = ?').run(name);
}
