import { parseArgs } from 'node:util';
import { checkBook } from '../../core/book/check-book.js';
import { openExistingBook } from '../../core/book/open-book.js';
import { COMMON_OPTIONS } from '../context.js';
import { printJson, type Io } from '../io.js';
import { UsageError } from '../usage.js';

/** Exit 0 only when every check holds. */
export async function checkCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: COMMON_OPTIONS });
  if (positionals.length !== 1) throw new UsageError('check needs exactly one BOOK path');
  const book = await openExistingBook(positionals[0]!);
  try {
    const report = checkBook(book);
    if (values.json) printJson(io, { book: book.path, ...report });
    else {
      for (const c of report.checks) io.out(`${c.ok ? 'ok  ' : 'FAIL'}  ${c.name.padEnd(22)} ${c.detail}`);
      io.out(report.ok ? `book ${book.path} is sound (${report.counts.documents} documents, ${report.counts.entries} entries, ${report.counts.audit} audit rows)` : `book ${book.path} FAILED its checks`);
    }
    return report.ok ? 0 : 1;
  } finally {
    book.close();
  }
}
