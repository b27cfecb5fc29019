import { parseArgs } from 'node:util';
import { openExistingBook } from '../../core/book/open-book.js';
import { formatFen, formatRate } from '../../core/money/format.js';
import { explainTerms, type TermsExplanation } from '../../core/terms/accrue-period.js';
import { COMMON_OPTIONS } from '../context.js';
import { printJson, type Io } from '../io.js';
import { UsageError } from '../usage.js';
import { wordsOf } from '../words.js';
import { currentPeriod } from '../../core/calendar/dates.js';

function describe(io: Io, t: TermsExplanation): void {
  const { w, say, label } = wordsOf(io);
  const f = formatFen;
  io.out(w('cli.terms-head', { contract: t.contract, period: t.period }));
  const r = t.rebate;
  if (r) {
    const span = w(r.basis === 'quarterly' ? 'cli.terms-quarter' : 'cli.terms-year');
    io.out(w('cli.terms-rebate', { mode: label('tierModes', r.mode), basis: label('rebateBases', r.basis), direction: label('rebateDirections', r.direction),
      span, start: r.window.start, end: r.window.end, month: r.window.monthsElapsed, months: r.window.months }));
    const step = (code: Parameters<typeof w>[0], amount: number, params: Record<string, string> = {}) => io.out(`  ${w(code, params).padEnd(44)}${f(amount)}`);
    step('cli.terms-accepted', r.base.accepted, { from: r.base.from, to: r.base.to });
    step('cli.terms-returns', r.base.returns);
    step('cli.terms-excluded-products', r.base.excludedProducts);
    step('cli.terms-excluded-stores', r.base.excludedStores);
    step('cli.terms-promotions', r.base.excludedPromotions);
    step('cli.terms-base', r.base.base);
    if (r.projection !== r.base.base) io.out(`  ${w('cli.terms-projected', { span, base: f(r.base.base), months: r.window.months, elapsed: r.window.monthsElapsed, projection: f(r.projection) })}`);
    io.out(`  ${w('cli.terms-tiers', { list: r.tiers.map((x, i) => w('cli.terms-tier', { n: i + 1, threshold: f(x.threshold), rate: formatRate(x.rate) })).join('; ') })}`);
    io.out(`  ${w('cli.terms-tier-reached', { tier: r.tierIndex >= 0 ? `${r.tierIndex + 1} (${formatRate(r.rate)})` : w('cli.none') })}`);
    for (const x of r.slices) io.out(`    ${f(x.to - x.from)} (${f(x.from)}–${f(x.to)}) × ${formatRate(x.rate)} = ${f(x.amount)}`);
    io.out(`  ${w('cli.terms-rebate-on', { projection: f(r.projection), rebate: f(r.projectedRebate) })}`);
    if (r.projection !== r.base.base) io.out(`  ${w('cli.terms-accrued', { rebate: f(r.projectedRebate), base: f(r.base.base), projection: f(r.projection), target: f(r.target) })}`);
    else io.out(`  ${r.trueUp ? w('cli.terms-true-up', { span, target: f(r.target) }) : w('cli.terms-accrued-to-date', { target: f(r.target) })}`);
    io.out(`  ${w('cli.terms-rounding', { rounding: say(r.rounding) })}`);
    if (r.next) io.out(`  ${w('cli.terms-next', { threshold: f(r.next.threshold), rate: formatRate(r.next.rate), needed: f(r.next.needed), gain: f(r.next.gain), all: f(r.next.rebateThere) })}`);
  } else io.out(w('cli.terms-no-rebate'));
  for (const d of t.deliveryCost) {
    io.out(w('cli.terms-delivery-cost', { distributor: d.distributorCode }));
    const groups = new Map<string, typeof d.lines>();
    for (const l of d.lines) groups.set(`${l.region}|${l.method}`, [...(groups.get(`${l.region}|${l.method}`) ?? []), l]);
    for (const lines of groups.values()) {
      const total = lines.reduce((s, l) => s + l.amount, 0);
      const shown = lines.slice(0, 3).map((l) => say(l.detail)).join('; ');
      io.out(`  ${w('cli.terms-cost-group', { region: lines[0]!.region || w('cli.terms-all-regions'), method: label('deliveryCostMethods', lines[0]!.method), total: f(total),
        shown, more: lines.length > 3 ? w('cli.terms-more-products', { count: lines.length - 3 }) : '' })}`);
    }
    io.out(`  ${w('cli.terms-cost-total', { subtotal: f(d.subtotal), floor: d.floor === null ? w('cli.none') : f(d.floor), cap: d.cap === null ? w('cli.none') : f(d.cap), total: f(d.total), rounding: say(d.rounding) })}`);
  }
  for (const p of t.priceProtection) {
    io.out(w('cli.terms-protection', { promotion: p.promotion, start: p.window.start, end: p.window.end, total: f(p.distributors.reduce((s, d) => s + d.total, 0)) }));
    for (const d of p.distributors) for (const l of d.lines.slice(0, 20)) io.out(`    ${l.store} ${l.sku}: (${f(l.normalPrice / 100)} − ${f(l.promoPrice / 100)}) × ${l.qty / 1000} = ${f(l.amount)}`);
    const atNormal = p.notExecuted.filter((s) => s.evidence === 'normal_price');
    if (atNormal.length) io.out(`  ${w('cli.terms-not-executed', { stores: atNormal.map((s) => `${s.store} ${s.name}`).join(', ') })}`);
    const none = p.notExecuted.filter((s) => s.evidence === 'nothing_accepted');
    if (none.length) io.out(`  ${w('cli.terms-none-taken', { stores: none.map((s) => s.store).join(', ') })}`);
  }
}

export async function termsCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: {
    ...COMMON_OPTIONS, contract: { type: 'string' }, period: { type: 'string' }, explain: { type: 'boolean', default: false },
  } });
  const [path] = positionals;
  if (!path || !values.contract) throw new UsageError('usage.terms-needs');
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
