import { parseArgs } from 'node:util';
import { checkBook } from '../../core/book/check-book.js';
import { openExistingBook } from '../../core/book/open-book.js';
import { commandLanguage } from '../../core/errors.js';
import { checkAgainst } from '../../core/integrity/against.js';
import type { CheckResult } from '../../core/integrity/check-result.js';
import { renderMessage } from '../../locale/index.js';
import { COMMON_OPTIONS } from '../context.js';
import { printJson, type Io } from '../io.js';
import { UsageError } from '../usage.js';

/** Exit 0 only when every check holds (and, with --against, the book agrees with the signed file). */
export async function checkCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { ...COMMON_OPTIONS, against: { type: 'string', multiple: true } } });
  if (positionals.length !== 1) throw new UsageError('check needs exactly one BOOK path');
  const book = await openExistingBook(positionals[0]!);
  try {
    const report = checkBook(book);
    const against: CheckResult[] = [];
    for (const file of values.against ?? []) against.push(...(await checkAgainst(book, file)));
    const ok = report.ok && against.every((c) => c.ok);
    if (values.json) printJson(io, { book: book.path, ...report, ok, ...(values.against ? { against } : {}) });
    else {
      const lang = commandLanguage(io.env);
      const line = (c: CheckResult) => {
        const detail = c.problems?.length ? c.problems.map((p) => renderMessage(lang, p)).join('; ') : c.message ? renderMessage(lang, c.message) : c.detail;
        io.out(`${c.ok ? 'ok  ' : 'FAIL'}  ${c.name.padEnd(22)} ${detail}`);
      };
      report.checks.forEach(line);
      against.forEach(line);
      io.out(ok ? `book ${book.path} is sound (${report.counts.documents} documents, ${report.counts.entries} entries, ${report.counts.audit} audit rows)` : `book ${book.path} FAILED its checks`);
    }
    return ok ? 0 : 1;
  } finally {
    book.close();
  }
}
