import { parseArgs } from 'node:util';
import { openExistingBook } from '../../core/book/open-book.js';
import { ageing, type AgeingBasis, type AgeingGrouping } from '../../core/credit/ageing.js';
import { formatFen } from '../../core/money/format.js';
import { COMMON_OPTIONS } from '../context.js';
import { printJson, type Io } from '../io.js';
import { renderTable } from '../text-table.js';
import { UsageError } from '../usage.js';
import { wordsOf } from '../words.js';

export async function ageingCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: {
    ...COMMON_OPTIONS, 'as-of': { type: 'string' }, by: { type: 'string', default: 'ka' }, basis: { type: 'string', default: 'due' },
  } });
  const [path] = positionals;
  if (!path || !values['as-of']) throw new UsageError('ageing needs BOOK --as-of YYYY-MM-DD');
  if (!['ka', 'store', 'distributor', 'manufacturer'].includes(values.by)) throw new UsageError('--by must be ka, store, distributor or manufacturer');
  if (!['due', 'document'].includes(values.basis)) throw new UsageError('--basis must be due or document');
  const book = await openExistingBook(path);
  try {
    const { say } = wordsOf(io);
    const r = ageing(book, values['as-of'], values.by as AgeingGrouping, values.basis as AgeingBasis);
    if (values.json) return printJson(io, r), 0;
    io.out(`ageing as of ${r.asOf} by ${r.by}, days past ${r.basis === 'due' ? 'due date' : 'document date'}`);
    const rows = [...r.rows, r.totals];
    io.out(renderTable(rows, [
      { header: r.by, value: (x) => x.name },
      ...r.buckets.map((b, i) => ({ header: say(b), value: (x: typeof rows[number]) => formatFen(x.buckets[i]!), right: true })),
      { header: 'unapplied credits', value: (x) => formatFen(x.credits), right: true },
      { header: 'total', value: (x) => formatFen(x.total), right: true },
    ]));
    io.out(`ledger balance 应收账款-KA ${formatFen(r.ledgerBalance)}: ${r.ties ? 'ties' : 'DOES NOT TIE'}`);
    return r.ties ? 0 : 1;
  } finally {
    book.close();
  }
}
