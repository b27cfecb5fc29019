import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Book } from '../core/book/open-book.js';
import { bookInfo } from '../db/queries/book-info.js';

/**
 * Where `ka-settle login` keeps its token between commands: one file per book (named by the book's id, so two
 * books never share a sign-in) in a folder of the user's own profile — `~/.ka-settle/sessions`, or
 * KA_SETTLE_SESSIONS — readable by that user only. The book holds only the token's hash; whoever can read this file
 * can act as the signed-in user until the session expires or `ka-settle logout` ends it.
 */
export interface SavedSession { bookId: string; bookPath: string; username: string; token: string; expiresAt: string }

export function sessionsFolder(env: NodeJS.ProcessEnv): string {
  return env.KA_SETTLE_SESSIONS ?? join(homedir(), '.ka-settle', 'sessions');
}

function fileFor(env: NodeJS.ProcessEnv, book: Book): string | null {
  const id = bookInfo(book).id;
  return id && /^[\w-]+$/.test(id) ? join(sessionsFolder(env), `${id}.json`) : null;
}

export function saveSession(env: NodeJS.ProcessEnv, book: Book, s: Omit<SavedSession, 'bookId' | 'bookPath'>): string | null {
  const file = fileFor(env, book);
  if (!file) return null;
  mkdirSync(sessionsFolder(env), { recursive: true, mode: 0o700 });
  writeFileSync(file, JSON.stringify({ bookId: bookInfo(book).id, bookPath: book.path, ...s }, null, 2), { mode: 0o600 });
  // An older file keeps its mode when rewritten: make sure.
  chmodSync(file, 0o600);
  return file;
}

export function readSession(env: NodeJS.ProcessEnv, book: Book): SavedSession | null {
  const file = fileFor(env, book);
  if (!file || !existsSync(file)) return null;
  try {
    const s = JSON.parse(readFileSync(file, 'utf8')) as SavedSession;
    return typeof s.token === 'string' && typeof s.username === 'string' ? s : null;
  } catch {
    return null;
  }
}

export function forgetSession(env: NodeJS.ProcessEnv, book: Book): void {
  const file = fileFor(env, book);
  if (file) rmSync(file, { force: true });
}
