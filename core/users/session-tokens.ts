import { randomBytes } from 'node:crypto';
import type { Book } from '../../db/connection.js';
import { findUserSession, insertUserSession, revokeUserSession } from '../../db/queries/user-sessions.js';
import { findUser } from '../../db/queries/users.js';
import { AuditWriter } from '../audit/audit-chain.js';
import { sha256Hex } from '../canonical-json.js';
import { UserError } from '../errors.js';
import type { SignedIn } from './signed-in.js';

/** How long a `ka-settle login` lasts unless asked otherwise (a working day), and the longest it may (a week). */
export const SESSION_HOURS = { default: 12, max: 168 };

const PREFIX = 'kas1_';

export function tokenHash(token: string): string {
  return sha256Hex(token);
}

/**
 * A new session for a user who just proved their password: a random token the caller keeps (it is shown once and
 * never stored in the book), with only its SHA-256 in the book, so a copy of the book cannot sign in.
 */
export function createSession(book: Book, user: SignedIn, hours: number, now = new Date()): { token: string; expiresAt: string; id: number } {
  const token = `${PREFIX}${randomBytes(32).toString('base64url')}`;
  const expiresAt = new Date(now.getTime() + hours * 3_600_000).toISOString();
  const id = book.write(() => {
    const made = insertUserSession(book, { token_sha256: tokenHash(token), username: user.username, expires_at: expiresAt });
    new AuditWriter(book).append({ actor: user.username, action: 'login', entity: 'session', entityKey: String(made), after: { expiresAt } });
    return made;
  });
  return { token, expiresAt, id };
}

/** The user a token signs in, if the session is known, live and its user still active. */
export function verifySession(book: Book, token: string, now = new Date()): SignedIn & { sessionId: number; expiresAt: string } {
  const session = token.startsWith(PREFIX) ? findUserSession(book, tokenHash(token)) : undefined;
  if (!session) throw new UserError('security.session-invalid', { reason: 'unknown' });
  if (session.revoked_at) throw new UserError('security.session-invalid', { reason: 'revoked' });
  if (session.expires_at <= now.toISOString()) throw new UserError('security.session-invalid', { reason: 'expired' });
  const user = findUser(book, session.username);
  if (!user || user.disabled) throw new UserError('security.session-invalid', { reason: 'user-disabled' });
  return { username: user.username, displayName: user.display_name, role: user.role, sessionId: session.id, expiresAt: session.expires_at };
}

/** 退出: the session ends now; its user's name, or null when it was not live. */
export function endSession(book: Book, token: string): string | null {
  const session = findUserSession(book, tokenHash(token));
  if (!session || session.revoked_at) return null;
  book.write(() => {
    revokeUserSession(book, session.id, session.username);
    new AuditWriter(book).append({ actor: session.username, action: 'logout', entity: 'session', entityKey: String(session.id) });
  });
  return session.username;
}
