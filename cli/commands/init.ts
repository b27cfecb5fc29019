import { parseArgs } from 'node:util';
import { createBook } from '../../core/book/create-book.js';
import { COMMON_OPTIONS, resolveActor } from '../context.js';
import type { Io } from '../io.js';
import { printJson } from '../io.js';
import { UsageError } from '../usage.js';
import { wordsOf } from '../words.js';

export async function initCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { ...COMMON_OPTIONS, name: { type: 'string' } } });
  if (positionals.length !== 1) throw new UsageError('usage.needs-one-book', { command: 'init' });
  const path = positionals[0]!;
  const book = await createBook(path, resolveActor(io, values.user), values.name);
  book.close();
  if (values.json) printJson(io, { book: path, created: true });
  else io.out(wordsOf(io).w('cli.created-book', { book: path }));
  // A new book has no users: say so, with how to add the first one.
  io.err(`ka-settle: ${wordsOf(io).w('security.unprotected', { actor: resolveActor(io, values.user) })}`);
  return 0;
}
