import type { Book } from '../connection.js';
import { stmt } from '../statements.js';

export interface SignOffRow {
  id: number; period: string; round: number; step: 'prepare' | 'review' | 'approve'; username: string; signed_at: string;
  chain_rows: number; chain_hash: string; statements_json: string;
}

export function insertSignOff(book: Book, r: Omit<SignOffRow, 'id' | 'signed_at'>): void {
  stmt(book.db, `INSERT INTO sign_offs (period, round, step, username, signed_at, chain_rows, chain_hash, statements_json)
    VALUES (@period, @round, @step, @username, @signed_at, @chain_rows, @chain_hash, @statements_json)`).run({ ...r, signed_at: new Date().toISOString() });
}

/** The latest round of a month's sign-offs (a reopened month's earlier rounds stay as history). */
export function latestRound(book: Book, period: string): number {
  return stmt<[string], { r: number | null }>(book.db, 'SELECT max(round) AS r FROM sign_offs WHERE period = ?').get(period)!.r ?? 0;
}

export function signOffsOf(book: Book, period: string, round: number): SignOffRow[] {
  return stmt<[string, number], SignOffRow>(book.db, 'SELECT * FROM sign_offs WHERE period = ? AND round = ? ORDER BY id').all(period, round);
}

/** Every sign-off of the book in the order it was made. */
export function allSignOffs(book: Book): SignOffRow[] {
  return stmt<[], SignOffRow>(book.db, 'SELECT * FROM sign_offs ORDER BY id').all();
}

export function distributorCode(book: Book, id: number): string | undefined {
  return stmt<[number], { code: string }>(book.db, 'SELECT code FROM distributors WHERE id = ?').get(id)?.code;
}

/** Every round's sign-offs of a month, in the order made. */
export function signOffsOfPeriod(book: Book, period: string): SignOffRow[] {
  return stmt<[string], SignOffRow>(book.db, 'SELECT * FROM sign_offs WHERE period = ? ORDER BY id').all(period);
}
