import { parseArgs } from 'node:util';
import { openExistingBook } from '../../core/book/open-book.js';
import {
  addUser, changePassword, changeRole, disableUser, enableUser, listUsers, resetPassword, revokeSessions, ROLES, sessionsList, type Role,
} from '../../core/users/users.js';
import { COMMON_OPTIONS } from '../context.js';
import { printRows, printJson, type Io } from '../io.js';
import { readPassword, signInFromCli } from '../sign-in.js';
import { UsageError } from '../usage.js';
import { wordsOf } from '../words.js';

const ACTIONS = ['add', 'disable', 'enable', 'reset-password', 'set-role', 'password', 'sessions', 'revoke-sessions'] as const;

function newPassword(io: Io): string {
  const password = io.env.KA_SETTLE_NEW_PASSWORD;
  if (!password) throw new UsageError('usage.new-password-from-env');
  return password;
}

/**
 * `ka-settle users BOOK` lists users; `--add NAME --role ROLE [--name DISPLAY]` adds one, its password read from
 * KA_SETTLE_NEW_PASSWORD (never an argument). The first user is the admin; later changes are an admin's, signed in.
 */
export async function usersCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: {
    ...COMMON_OPTIONS, add: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' }, disable: { type: 'string' }, enable: { type: 'string' },
    'reset-password': { type: 'string' }, 'set-role': { type: 'string' }, password: { type: 'boolean' }, sessions: { type: 'boolean' },
    'revoke-sessions': { type: 'string' },
  } });
  const [path] = positionals;
  if (!path) throw new UsageError('usage.needs-book', { command: 'users' });
  const chosen = ACTIONS.filter((a) => values[a] !== undefined && values[a] !== false);
  if (chosen.length > 1) throw new UsageError('usage.one-action-at-a-time', { options: ACTIONS.map((a) => `--${a}`).join(', ') });
  const { w, label } = wordsOf(io);
  const book = await openExistingBook(path);
  try {
    const done = (what: Record<string, unknown>, text: string) => {
      if (values.json) printJson(io, what);
      else io.out(text);
      return 0;
    };
    switch (chosen[0]) {
      case 'add': {
        if (!values.role || !(ROLES as readonly string[]).includes(values.role)) throw new UsageError('usage.add-needs-role', { roles: ROLES.join('|') });
        const password = io.env.KA_SETTLE_NEW_PASSWORD ?? (values.user ? undefined : await readPassword(io));
        if (!password) throw new UsageError('usage.new-user-password-from-env');
        const by = listUsers(book).length > 0 ? await signInFromCli(book, io, values.user, 'users') : null;
        addUser(book, by, { username: values.add!, role: values.role as Role, password, ...(values.name ? { displayName: values.name } : {}) });
        return done({ added: values.add, role: values.role }, w('cli.user-added', { user: values.add!, role: values.role }));
      }
      case 'disable':
        disableUser(book, await signInFromCli(book, io, values.user, 'users'), values.disable!);
        return done({ disabled: values.disable }, w('cli.user-disabled', { user: values.disable! }));
      case 'enable':
        enableUser(book, await signInFromCli(book, io, values.user, 'users'), values.enable!);
        return done({ enabled: values.enable }, w('cli.user-enabled', { user: values.enable! }));
      case 'reset-password':
        resetPassword(book, await signInFromCli(book, io, values.user, 'users'), values['reset-password']!, newPassword(io));
        return done({ reset: values['reset-password'] }, w('cli.user-password-reset', { user: values['reset-password']! }));
      case 'set-role': {
        if (!values.role || !(ROLES as readonly string[]).includes(values.role)) throw new UsageError('usage.set-role-needs-role', { roles: ROLES.join('|') });
        changeRole(book, await signInFromCli(book, io, values.user, 'users'), values['set-role']!, values.role as Role);
        return done({ user: values['set-role'], role: values.role }, w('cli.user-role-set', { user: values['set-role']!, role: values.role }));
      }
      case 'password': {
        const me = await signInFromCli(book, io, values.user, 'password');
        changePassword(book, me, newPassword(io));
        return done({ user: me.username }, w('cli.user-password-changed', { user: me.username }));
      }
      case 'sessions':
        printRows(io, sessionsList(book, await signInFromCli(book, io, values.user, 'users')).map(({ revoked_at: _r, revoked_by: _b, ...live }) => live), values.json, w('cli.no-sessions'));
        return 0;
      case 'revoke-sessions': {
        const n = revokeSessions(book, await signInFromCli(book, io, values.user, 'users'), values['revoke-sessions']!);
        return done({ user: values['revoke-sessions'], ended: n }, w('cli.user-sessions-ended', { user: values['revoke-sessions']!, count: n }));
      }
      default:
        printRows(io, listUsers(book).map((u) => (values.json ? u : { ...u, role: label('roles', u.role), disabled: w(u.disabled ? 'cli.yes' : 'cli.no') })), values.json, w('cli.no-users'));
        return 0;
    }
  } finally {
    book.close();
  }
}
