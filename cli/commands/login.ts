import { parseArgs } from 'node:util';
import { openExistingBook } from '../../core/book/open-book.js';
import { commandLanguage, UserError } from '../../core/errors.js';
import { createSession, endSession, SESSION_HOURS } from '../../core/users/session-tokens.js';
import { signIn } from '../../core/users/users.js';
import { renderMessage } from '../../locale/index.js';
import { COMMON_OPTIONS } from '../context.js';
import { printJson, type Io } from '../io.js';
import { forgetSession, readSession, saveSession } from '../session-store.js';
import { readPassword } from '../sign-in.js';
import { UsageError } from '../usage.js';

/**
 * `ka-settle login BOOK --user U [--hours N] [--no-save]`: proves the password once (KA_SETTLE_PASSWORD or standard
 * input) and starts a session, so a month-end batch of commands need not repeat it. The token is saved for this
 * book in the user's own profile (see session-store.ts) unless --no-save, and printed with --json or --no-save so a
 * script can pass it as KA_SETTLE_SESSION. The book keeps only its hash.
 */
export async function loginCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: {
    ...COMMON_OPTIONS, hours: { type: 'string' }, 'no-save': { type: 'boolean', default: false },
  } });
  const [path] = positionals;
  if (!path || !values.user) throw new UsageError('usage.login-needs');
  const hours = values.hours === undefined ? SESSION_HOURS.default : Number(values.hours);
  if (!Number.isInteger(hours) || hours < 1 || hours > SESSION_HOURS.max) throw new UsageError('usage.login-hours', { max: SESSION_HOURS.max });
  const book = await openExistingBook(path);
  try {
    const user = signIn(book, values.user, await readPassword(io), 'login');
    const session = createSession(book, user, hours);
    const saved = values['no-save'] ? null : saveSession(io.env, book, { username: user.username, token: session.token, expiresAt: session.expiresAt });
    if (values.json) printJson(io, { user: user.username, role: user.role, expiresAt: session.expiresAt, token: session.token, saved });
    else {
      io.out(renderMessage(commandLanguage(io.env), { code: 'security.signed-in', params: { user: user.username, role: user.role, until: session.expiresAt } }));
      if (!saved) io.out(`KA_SETTLE_SESSION=${session.token}`);
    }
    return 0;
  } finally {
    book.close();
  }
}

/** `ka-settle logout BOOK`: ends the session (KA_SETTLE_SESSION, else the one saved for this book) and forgets it. */
export async function logoutCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: COMMON_OPTIONS });
  const [path] = positionals;
  if (!path) throw new UsageError('usage.needs-book', { command: 'logout' });
  const book = await openExistingBook(path);
  try {
    const saved = readSession(io.env, book);
    const token = io.env.KA_SETTLE_SESSION ?? saved?.token;
    if (!token) throw new UserError('security.not-signed-in');
    const user = endSession(book, token) ?? saved?.username ?? '';
    if (saved && saved.token === token) forgetSession(io.env, book);
    if (values.json) printJson(io, { signedOut: true, user });
    else io.out(renderMessage(commandLanguage(io.env), { code: 'security.signed-out', params: { user } }));
    return 0;
  } finally {
    book.close();
  }
}
