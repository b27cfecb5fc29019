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
  if (!path || !values['as-of']) throw new UsageError('usage.ageing-needs');
  if (!['ka', 'store', 'distributor', 'manufacturer'].includes(values.by)) throw new UsageError('usage.ageing-by');
  if (!['due', 'document', 'invoice'].includes(values.basis)) throw new UsageError('usage.ageing-basis');
  const book = await openExistingBook(path);
  try {
    const { say, w, label } = wordsOf(io);
    const r = ageing(book, values['as-of'], values.by as AgeingGrouping, values.basis as AgeingBasis);
    if (values.json) return printJson(io, r), 0;
    io.out(w('cli.ageing-head', { asOf: r.asOf, by: r.by, basis: r.basis }));
    const rows = [...r.rows, r.totals];
    io.out(renderTable(rows, [
      { header: label('ageingGroupings', r.by), value: (x) => x.name },
      ...r.buckets.map((b, i) => ({ header: say(b), value: (x: typeof rows[number]) => formatFen(x.buckets[i]!), right: true })),
      ...(r.basis === 'invoice' ? [{ header: w('invoices.ageing-not-invoiced'), value: (x: typeof rows[number]) => formatFen(x.notInvoiced), right: true }] : []),
      { header: w('cli.ageing-credits'), value: (x) => formatFen(x.credits), right: true },
      { header: w('cli.ageing-total'), value: (x) => formatFen(x.total), right: true },
    ]));
    io.out(w(r.ties ? 'cli.ageing-ties' : 'cli.ageing-does-not-tie', { balance: formatFen(r.ledgerBalance) }));
    return r.ties ? 0 : 1;
  } finally {
    book.close();
  }
}
