import { parseArgs } from 'node:util';
import { openExistingBook } from '../../core/book/open-book.js';
import { assertPeriod } from '../../core/calendar/dates.js';
import { reclassifyDeduction } from '../../core/reconcile/reclassify-deduction.js';
import { deductionsView } from '../../core/views/reconcile-views.js';
import { COMMON_OPTIONS } from '../context.js';
import { writeAs } from '../sign-in.js';
import { printJson, printRows, type Io } from '../io.js';
import { UsageError } from '../usage.js';
import { wordsOf } from '../words.js';

export async function deductionsCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: {
    ...COMMON_OPTIONS, period: { type: 'string' }, ka: { type: 'string' }, disputed: { type: 'boolean', default: false },
    reclassify: { type: 'string' }, 'fee-type': { type: 'string' }, 'no-rule': { type: 'boolean', default: false },
    limit: { type: 'string', default: '100' }, offset: { type: 'string', default: '0' },
  } });
  const [path] = positionals;
  if (!path) throw new UsageError('usage.needs-book', { command: 'deductions' });
  const book = await openExistingBook(path);
  try {
    if (values.reclassify) {
      if (!/^\d+$/.test(values.reclassify) || !values['fee-type']) throw new UsageError('usage.reclassify-needs');
      reclassifyDeduction(book, Number(values.reclassify), values['fee-type'], await writeAs(book, io, values.user, 'reconcile'), { saveRule: !values['no-rule'] });
      if (values.json) printJson(io, { line: Number(values.reclassify), feeType: values['fee-type'] });
      else io.out(wordsOf(io).w(values['no-rule'] ? 'cli.reclassified' : 'cli.reclassified-rule', { line: values.reclassify, feeType: values['fee-type'] ?? '' }));
      return 0;
    }
    if (!values.period) throw new UsageError('usage.needs-period', { command: 'deductions' });
    const period = assertPeriod(values.period, { field: '--period' });
    printRows(io, deductionsView(book, period, values.ka, values.disputed, { limit: Number(values.limit), offset: Number(values.offset) }) as unknown as Record<string, unknown>[], values.json, '(none: run the reconciliation first)');
    return 0;
  } finally {
    book.close();
  }
}
