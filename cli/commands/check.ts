import { parseArgs } from 'node:util';
import { checkBook } from '../../core/book/check-book.js';
import { openExistingBook } from '../../core/book/open-book.js';
import { checkAgainst } from '../../core/integrity/against.js';
import type { CheckResult } from '../../core/integrity/check-result.js';
import { COMMON_OPTIONS } from '../context.js';
import { printJson, type Io } from '../io.js';
import { UsageError } from '../usage.js';
import { wordsOf } from '../words.js';

/** Exit 0 only when every check holds (and, with --against, the book agrees with the signed file). */
export async function checkCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { ...COMMON_OPTIONS, against: { type: 'string', multiple: true } } });
  if (positionals.length !== 1) throw new UsageError('usage.needs-one-book', { command: 'check' });
  const book = await openExistingBook(positionals[0]!);
  try {
    const report = checkBook(book);
    const against: CheckResult[] = [];
    for (const file of values.against ?? []) against.push(...(await checkAgainst(book, file)));
    const ok = report.ok && against.every((c) => c.ok);
    if (values.json) printJson(io, { book: book.path, ...report, ok, ...(values.against ? { against } : {}) });
    else {
      const { w, say } = wordsOf(io);
      for (const c of [...report.checks, ...against]) io.out(w('check.line', { result: w(c.ok ? 'check.line-ok' : 'check.line-fail'), name: w(c.name), detail: say(c.detail) }));
      io.out(ok ? w('check.sound', { book: book.path, ...report.counts }) : w('check.failed', { book: book.path }));
    }
    return ok ? 0 : 1;
  } finally {
    book.close();
  }
}
