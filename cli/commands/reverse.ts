import { parseArgs } from 'node:util';
import { openExistingBook } from '../../core/book/open-book.js';
import { resolveDocument } from '../../core/corrections/chain-view.js';
import { reverseDocument } from '../../core/corrections/reverse.js';
import { commandLanguage } from '../../core/errors.js';
import { COMMON_OPTIONS } from '../context.js';
import { correctionActor, reversalLines } from '../correction-text.js';
import { printJson, type Io } from '../io.js';
import { UsageError } from '../usage.js';

const OPTIONS = { ...COMMON_OPTIONS, reason: { type: 'string' } } as const;

/** `ka-settle reverse BOOK DOCUMENT --reason R`: 红字冲销 of one document, by the signed-in user. */
export async function reverseCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: OPTIONS });
  const [path, ref] = positionals;
  if (!path || !ref || positionals.length !== 2) throw new UsageError('usage.reverse-needs');
  if (!values.reason?.trim()) throw new UsageError('usage.reverse-reason');
  const book = await openExistingBook(path);
  try {
    const actor = await correctionActor(book, io, values.user);
    const original = resolveDocument(book, ref);
    const report = reverseDocument(book, original.id, { actor, reason: values.reason });
    if (values.json) printJson(io, report);
    else for (const line of reversalLines(commandLanguage(io.env), report)) io.out(line);
    return 0;
  } finally {
    book.close();
  }
}
