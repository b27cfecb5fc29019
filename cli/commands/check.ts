import { parseArgs } from 'node:util';
import { checkBook } from '../../core/book/check-book.js';
import { openExistingBook } from '../../core/book/open-book.js';
import { COMMON_OPTIONS } from '../context.js';
import { printJson, type Io } from '../io.js';
import { UsageError } from '../usage.js';
import { wordsOf } from '../words.js';

/** Exit 0 only when every check holds. */
export async function checkCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: COMMON_OPTIONS });
  if (positionals.length !== 1) throw new UsageError('check needs exactly one BOOK path');
  const book = await openExistingBook(positionals[0]!);
  try {
    const report = checkBook(book);
    if (values.json) printJson(io, { book: book.path, ...report });
    else {
      const { w, say } = wordsOf(io);
      for (const c of report.checks) io.out(w('check.line', { result: w(c.ok ? 'check.line-ok' : 'check.line-fail'), name: w(c.name), detail: say(c.detail) }));
      io.out(report.ok ? w('check.sound', { book: book.path, ...report.counts }) : w('check.failed', { book: book.path }));
    }
    return report.ok ? 0 : 1;
  } finally {
    book.close();
  }
}
