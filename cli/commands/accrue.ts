import { parseArgs } from 'node:util';
import { openExistingBook } from '../../core/book/open-book.js';
import { formatFen, formatRate } from '../../core/money/format.js';
import { accruePeriod } from '../../core/terms/accrue-period.js';
import { COMMON_OPTIONS } from '../context.js';
import { writeAs } from '../sign-in.js';
import { printJson, type Io } from '../io.js';
import { UsageError } from '../usage.js';

export async function accrueCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { ...COMMON_OPTIONS, period: { type: 'string' } } });
  const [path] = positionals;
  if (!path || !values.period) throw new UsageError('accrue needs BOOK --period YYYY-MM');
  const book = await openExistingBook(path);
  try {
    const s = accruePeriod(book, values.period, await writeAs(book, io, values.user, 'accrue'));
    if (values.json) return printJson(io, s), 0;
    io.out(`contract terms ${s.period}: posted rebates ${formatFen(s.posted.rebates)}, delivery cost ${formatFen(s.posted.deliveryCost)}, price protection ${formatFen(s.posted.priceProtection)}`);
    for (const r of s.rebates) {
      io.out(`  rebate ${r.contract} (${r.direction}): base ${formatFen(r.base)}, ${r.trueUp ? 'actual for the year (or quarter)' : `projected ${formatFen(r.projection)}`}, tier ${r.tierIndex + 1} at ${formatRate(r.rate)}, accrued to date ${formatFen(r.target)}${r.posted ? `, posted ${formatFen(r.posted)}` : ', nothing new'}${r.trueUp ? ' (true-up)' : ''}`);
    }
    for (const d of s.deliveryCost) io.out(`  delivery cost ${d.contract} ${d.distributor}: ${formatFen(d.subtotal)} → ${formatFen(d.total)} after floor and cap`);
    for (const p of s.priceProtection) {
      const atNormal = p.notExecuted.filter((x) => x.evidence === 'normal_price').map((x) => x.store);
      const none = p.notExecuted.filter((x) => x.evidence === 'nothing_accepted').length;
      io.out(`  price protection ${p.promotion}: ${formatFen(p.total)}${atNormal.length ? `; NOT EXECUTED (took the products at the normal price): ${atNormal.join(', ')}` : ''}${none ? `; ${none} signed-up stores took none of the promoted products` : ''}`);
    }
    return 0;
  } finally {
    book.close();
  }
}
