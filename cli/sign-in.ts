import type { Book } from '../core/book/open-book.js';
import { commandLanguage, UserError } from '../core/errors.js';
import { verifySession } from '../core/users/session-tokens.js';
import { signIn, type SignedIn } from '../core/users/users.js';
import { authorizeWrite, protectionNotice } from '../core/users/write-access.js';
import { countUsers } from '../db/queries/users.js';
import { renderMessage } from '../locale/index.js';
import type { Permission } from '../vocabulary/index.js';
import { resolveActor } from './context.js';
import type { Io } from './io.js';
import { readSession } from './session-store.js';

let stdinLine: Promise<string | undefined> | undefined;

/** The first line of standard input, when something is piped in (never an argument: arguments show in `ps`). */
function readStdinLine(): Promise<string | undefined> {
  stdinLine ??= new Promise((resolve) => {
    if (process.stdin.isTTY) return resolve(undefined);
    let data = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk) => { data += chunk; });
    process.stdin.on('end', () => resolve(data.split(/\r?\n/)[0]));
    process.stdin.on('error', () => resolve(undefined));
  });
  return stdinLine;
}

/** The password from KA_SETTLE_PASSWORD, else the first line piped on standard input. */
export async function readPassword(io: Io): Promise<string | undefined> {
  return io.env.KA_SETTLE_PASSWORD ?? (await readStdinLine());
}

/**
 * Who is signed in for this command, proven: the session token in KA_SETTLE_SESSION, else --user with the password
 * from KA_SETTLE_PASSWORD, else the session `ka-settle login` saved for this book (for --user's name, if given),
 * else --user with the password piped on standard input. Null when nobody is (or the book has no users yet).
 * `--user` alone is never believed.
 */
export async function authenticate(book: Book, io: Io, user: string | undefined): Promise<SignedIn | null> {
  if (countUsers(book) === 0) return null;
  const token = io.env.KA_SETTLE_SESSION;
  if (token) {
    const s = verifySession(book, token);
    if (user && user !== s.username) throw new UserError('security.session-user-mismatch', { user, session: s.username }, { field: '--user' });
    return s;
  }
  const name = user ?? io.env.KA_SETTLE_USER;
  if (name && io.env.KA_SETTLE_PASSWORD !== undefined) return signIn(book, name, io.env.KA_SETTLE_PASSWORD, 'command');
  const saved = readSession(io.env, book);
  if (saved && (!user || saved.username === user)) return verifySession(book, saved.token);
  if (user) {
    const password = await readStdinLine();
    if (!password) throw new UserError('security.password-needed', {}, { field: 'password' });
    return signIn(book, user, password, 'command');
  }
  return null;
}

/** A command that signs (close, 回签, credit decisions, settings): a proven user, whatever the book. */
export async function signInFromCli(book: Book, io: Io, user: string | undefined, what: Permission = 'password'): Promise<SignedIn> {
  const who = await authenticate(book, io, user);
  if (!who) throw new UserError('security.sign-in-required-command', { what });
  return who;
}

/**
 * The name a write is recorded as: the proven user's, whose role must hold the permission — or, in an unprotected
 * book, the unverified --user / KA_SETTLE_USER / system name, with a line on standard error saying so.
 */
export async function writeAs(book: Book, io: Io, user: string | undefined, permission: Permission | readonly Permission[]): Promise<string> {
  const who = await authenticate(book, io, user);
  const access = authorizeWrite(book, who, permission, resolveActor(io, user), { command: true });
  const notice = protectionNotice(access);
  if (notice) io.err(`ka-settle: ${renderMessage(commandLanguage(io.env), notice)}`);
  return access.actor;
}
