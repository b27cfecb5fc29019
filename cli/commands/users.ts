import { parseArgs } from 'node:util';
import { openExistingBook } from '../../core/book/open-book.js';
import { addUser, disableUser, listUsers, ROLES, type Role } from '../../core/users/users.js';
import { COMMON_OPTIONS } from '../context.js';
import { printRows, printJson, type Io } from '../io.js';
import { readPassword, signInFromCli } from '../sign-in.js';
import { UsageError } from '../usage.js';
import { wordsOf } from '../words.js';

/**
 * `ka-settle users BOOK` lists users; `--add NAME --role ROLE [--name DISPLAY]` adds one, its password read from
 * KA_SETTLE_NEW_PASSWORD (never an argument). The first user is the admin; later ones need `--user ADMIN`.
 */
export async function usersCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: {
    ...COMMON_OPTIONS, add: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' }, disable: { type: 'string' },
  } });
  const [path] = positionals;
  if (!path) throw new UsageError('users needs a BOOK');
  const book = await openExistingBook(path);
  try {
    if (values.add) {
      if (!values.role || !(ROLES as readonly string[]).includes(values.role)) throw new UsageError(`--add needs --role ${ROLES.join('|')}`);
      const password = io.env.KA_SETTLE_NEW_PASSWORD ?? (values.user ? undefined : await readPassword(io));
      if (!password) throw new UsageError('the new user\'s password comes from KA_SETTLE_NEW_PASSWORD');
      const by = listUsers(book).length > 0 ? await signInFromCli(book, io, values.user) : null;
      addUser(book, by, { username: values.add, role: values.role as Role, password, ...(values.name ? { displayName: values.name } : {}) });
      if (values.json) printJson(io, { added: values.add, role: values.role });
      else io.out(wordsOf(io).w('cli.user-added', { user: values.add, role: values.role ?? '' }));
      return 0;
    }
    if (values.disable) {
      disableUser(book, await signInFromCli(book, io, values.user), values.disable);
      io.out(wordsOf(io).w('cli.user-disabled', { user: values.disable }));
      return 0;
    }
    printRows(io, listUsers(book) as unknown as Record<string, unknown>[], values.json, '(no users yet: add the admin with --add NAME --role admin)');
    return 0;
  } finally {
    book.close();
  }
}
