import { parseArgs } from 'node:util';
import { openExistingBook } from '../../core/book/open-book.js';
import { formatFen, formatRate } from '../../core/money/format.js';
import { explainTerms, type TermsExplanation } from '../../core/terms/accrue-period.js';
import { COMMON_OPTIONS } from '../context.js';
import { printJson, type Io } from '../io.js';
import { UsageError } from '../usage.js';
import { currentPeriod } from '../../core/calendar/dates.js';

function describe(io: Io, t: TermsExplanation): void {
  io.out(`contract ${t.contract}, ${t.period}`);
  const r = t.rebate;
  if (r) {
    const span = r.basis === 'quarterly' ? 'quarter' : 'year';
    io.out(`rebate (${r.mode === 'whole' ? '全额累进 whole-amount' : '超额累进 progressive'}, ${r.basis}, ${r.direction}), ${span} ${r.window.start} to ${r.window.end}, month ${r.window.monthsElapsed} of ${r.window.months}`);
    io.out(`  accepted deliveries ${r.base.from} to ${r.base.to}      ${formatFen(r.base.accepted)}`);
    io.out(`  − returns                                   ${formatFen(r.base.returns)}`);
    io.out(`  − excluded products                         ${formatFen(r.base.excludedProducts)}`);
    io.out(`  − excluded stores                           ${formatFen(r.base.excludedStores)}`);
    io.out(`  − sales at promotion prices                 ${formatFen(r.base.excludedPromotions)}`);
    io.out(`  = base to date                              ${formatFen(r.base.base)}`);
    if (r.projection !== r.base.base) io.out(`  projected to the ${span}: ${formatFen(r.base.base)} × ${r.window.months} ÷ ${r.window.monthsElapsed} = ${formatFen(r.projection)}`);
    io.out(`  tiers: ${r.tiers.map((x, i) => `${i + 1}) from ${formatFen(x.threshold)} at ${formatRate(x.rate)}`).join('; ')}`);
    io.out(`  tier reached: ${r.tierIndex >= 0 ? `${r.tierIndex + 1} (${formatRate(r.rate)})` : 'none'}`);
    for (const s of r.slices) io.out(`    ${formatFen(s.to - s.from)} (${formatFen(s.from)}–${formatFen(s.to)}) × ${formatRate(s.rate)} = ${formatFen(s.amount)}`);
    io.out(`  rebate on ${formatFen(r.projection)}: ${formatFen(r.projectedRebate)}`);
    if (r.projection !== r.base.base) io.out(`  accrued to date: ${formatFen(r.projectedRebate)} × ${formatFen(r.base.base)} ÷ ${formatFen(r.projection)} = ${formatFen(r.target)}`);
    else io.out(`  ${r.trueUp ? `true-up: the ${span}’s rebate` : 'accrued to date'}: ${formatFen(r.target)}`);
    io.out(`  rounding: ${r.rounding}`);
    if (r.next) io.out(`  next tier: ${formatFen(r.next.threshold)} at ${formatRate(r.next.rate)}, ${formatFen(r.next.needed)} more sales, worth ${formatFen(r.next.gain)} more rebate (${formatFen(r.next.rebateThere)} in all)`);
  } else io.out('rebate: none for this month (no tiers, or outside the contract)');
  for (const d of t.deliveryCost) {
    io.out(`delivery cost ${d.distributorCode}:`);
    const groups = new Map<string, typeof d.lines>();
    for (const l of d.lines) groups.set(`${l.region}|${l.method}`, [...(groups.get(`${l.region}|${l.method}`) ?? []), l]);
    for (const lines of groups.values()) {
      const total = lines.reduce((s, l) => s + l.amount, 0);
      const shown = lines.slice(0, 3).map((l) => l.detail).join('; ');
      io.out(`  ${lines[0]!.region || 'all regions'} ${lines[0]!.method}: ${formatFen(total)}  (${shown}${lines.length > 3 ? `; and ${lines.length - 3} more products` : ''})`);
    }
    io.out(`  subtotal ${formatFen(d.subtotal)}; floor ${d.floor === null ? 'none' : formatFen(d.floor)}, cap ${d.cap === null ? 'none' : formatFen(d.cap)} → ${formatFen(d.total)} (${d.rounding})`);
  }
  for (const p of t.priceProtection) {
    io.out(`price protection ${p.promotion} (${p.window.start} to ${p.window.end}): ${formatFen(p.distributors.reduce((s, d) => s + d.total, 0))}`);
    for (const d of p.distributors) for (const l of d.lines.slice(0, 20)) io.out(`    ${l.store} ${l.sku}: (${formatFen(l.normalPrice / 100)} − ${formatFen(l.promoPrice / 100)}) × ${l.qty / 1000} = ${formatFen(l.amount)}`);
    const atNormal = p.notExecuted.filter((s) => s.evidence === 'normal_price');
    if (atNormal.length) io.out(`  not executed (促销协议不执行), took the products at the normal price: ${atNormal.map((s) => `${s.store} ${s.name}`).join(', ')}`);
    const none = p.notExecuted.filter((s) => s.evidence === 'nothing_accepted');
    if (none.length) io.out(`  signed up but took none of the promoted products: ${none.map((s) => s.store).join(', ')}`);
  }
}

export async function termsCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: {
    ...COMMON_OPTIONS, contract: { type: 'string' }, period: { type: 'string' }, explain: { type: 'boolean', default: false },
  } });
  const [path] = positionals;
  if (!path || !values.contract) throw new UsageError('terms needs BOOK --contract CODE [--period YYYY-MM] --explain');
  const book = await openExistingBook(path);
  try {
    const t = explainTerms(book, values.contract, values.period ?? currentPeriod());
    if (values.json) printJson(io, t);
    else describe(io, t);
    return 0;
  } finally {
    book.close();
  }
}
