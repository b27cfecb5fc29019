import { parseArgs } from 'node:util';
import { openExistingBook } from '../../core/book/open-book.js';
import { formatFen, formatRate } from '../../core/money/format.js';
import { accruePeriod } from '../../core/terms/accrue-period.js';
import { COMMON_OPTIONS } from '../context.js';
import { writeAs } from '../sign-in.js';
import { printJson, type Io } from '../io.js';
import { UsageError } from '../usage.js';
import { wordsOf } from '../words.js';

export async function accrueCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { ...COMMON_OPTIONS, period: { type: 'string' } } });
  const [path] = positionals;
  if (!path || !values.period) throw new UsageError('usage.accrue-needs');
  const book = await openExistingBook(path);
  try {
    const s = accruePeriod(book, values.period, await writeAs(book, io, values.user, 'accrue'));
    if (values.json) return printJson(io, s), 0;
    const { w, label } = wordsOf(io);
    const f = formatFen;
    io.out(w('cli.accrue-head', { period: s.period, rebates: f(s.posted.rebates), deliveryCost: f(s.posted.deliveryCost), priceProtection: f(s.posted.priceProtection) }));
    for (const r of s.rebates) {
      io.out(`  ${w('cli.accrue-rebate', {
        contract: r.contract, direction: label('rebateDirections', r.direction), base: f(r.base),
        basis: r.trueUp ? w('cli.accrue-actual') : w('cli.accrue-projected', { projection: f(r.projection) }),
        tier: r.tierIndex + 1, rate: formatRate(r.rate), target: f(r.target),
        posted: r.posted ? w('cli.accrue-posted', { posted: f(r.posted) }) : w('cli.accrue-nothing-new'), trueUp: r.trueUp ? w('cli.accrue-true-up') : '',
      })}`);
    }
    for (const d of s.deliveryCost) io.out(`  ${w('cli.accrue-delivery-cost', { contract: d.contract, distributor: d.distributor, subtotal: f(d.subtotal), total: f(d.total) })}`);
    for (const p of s.priceProtection) {
      const atNormal = p.notExecuted.filter((x) => x.evidence === 'normal_price').map((x) => x.store);
      const none = p.notExecuted.filter((x) => x.evidence === 'nothing_accepted').length;
      io.out(`  ${w('cli.accrue-price-protection', { promotion: p.promotion, total: f(p.total),
        atNormal: atNormal.length ? w('cli.accrue-not-executed', { stores: atNormal.join(', ') }) : '', none: none ? w('cli.accrue-none-taken', { count: none }) : '' })}`);
    }
    return 0;
  } finally {
    book.close();
  }
}
