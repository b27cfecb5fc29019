import type { Book } from '../core/book/open-book.js';
import { signIn, type SignedIn } from '../core/users/users.js';
import type { Io } from './io.js';
import { UsageError } from './usage.js';

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

export async function signInFromCli(book: Book, io: Io, user: string | undefined): Promise<SignedIn> {
  if (!user) throw new UsageError('this command needs --user NAME (the password from KA_SETTLE_PASSWORD or standard input)');
  return signIn(book, user, await readPassword(io));
}
