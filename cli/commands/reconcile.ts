import { parseArgs } from 'node:util';
import { openExistingBook } from '../../core/book/open-book.js';
import { assertPeriod } from '../../core/calendar/dates.js';
import { decideResult, RESULT_STATUSES, type ResultStatus } from '../../core/reconcile/decide-result.js';
import { reconcilePeriod, type ReconcileSummary } from '../../core/reconcile/reconcile-period.js';
import { formatFen } from '../../core/money/format.js';
import { deliveryResultsView, unexpectedReceiptsView } from '../../core/views/reconcile-views.js';
import { COMMON_OPTIONS } from '../context.js';
import { writeAs } from '../sign-in.js';
import { printJson, printRows, type Io } from '../io.js';
import { UsageError } from '../usage.js';
import { wordsOf } from '../words.js';

const OPTIONS = {
  ...COMMON_OPTIONS,
  period: { type: 'string' }, ka: { type: 'string' }, 'as-of': { type: 'string' },
  lines: { type: 'boolean', default: false }, unexpected: { type: 'boolean', default: false },
  status: { type: 'string' }, store: { type: 'string' }, sku: { type: 'string' },
  confirm: { type: 'string' }, override: { type: 'string' }, annotate: { type: 'string' }, note: { type: 'string' },
  limit: { type: 'string', default: '100' }, offset: { type: 'string', default: '0' },
} as const;

const whole = (text: string, name: string) => {
  if (!/^\d+$/.test(text)) throw new UsageError('usage.whole-number', { option: `--${name}` });
  return Number(text);
};

function describe(io: Io, s: ReconcileSummary): void {
  const { w, label } = wordsOf(io);
  const f = formatFen;
  const d = s.deliveryLines;
  io.out(w('cli.recon-head', { period: s.period, ka: s.ka ? ` ${s.ka}` : '', asOf: s.asOf }));
  io.out(`  ${w('cli.recon-lines', { matched: d.matched, short: d.short, over: d.over, priceDiff: d.priceDiff, missing: d.receiptMissing, unexpected: s.unexpectedReceiptLines })}`);
  io.out(`  ${w('cli.recon-amounts', { delivered: f(s.amounts.delivered), accepted: f(s.amounts.accepted), difference: f(s.amounts.difference) })}`);
  io.out(`  ${w('cli.recon-deductions', { count: s.deductions.count, total: f(s.deductions.total), manufacturer: f(s.deductions.manufacturerShare), distributor: f(s.deductions.distributorShare), disputed: f(s.deductions.disputed), disputedLines: s.deductions.disputedCount })}`);
  io.out(`  ${w('cli.recon-claims', { count: s.claims.created, amount: f(s.claims.amount) })}`);
  io.out(`  ${w('cli.recon-remittances', { count: s.remittances.count, total: f(s.remittances.total), applied: f(s.remittances.applied), unapplied: f(s.remittances.unapplied), shortPaid: f(s.remittances.shortPaid) })}`);
  io.out(`  ${w('cli.recon-statements', { count: s.statements.count, ka: f(s.statements.statementTotal), book: f(s.statements.bookTotal), difference: f(s.statements.difference), items: s.statements.differences })}`);
  for (const st of s.statements.detail.filter((x) => x.differences.length)) {
    for (const diff of st.differences.slice(0, 10)) io.out(`    ${w('cli.recon-difference', { statement: st.statement, kind: label('differenceKinds', diff.kind), reference: diff.reference ?? '', ka: f(diff.statementFen), book: f(diff.bookFen) })}`);
  }
}

export async function reconcileCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: OPTIONS });
  const [path] = positionals;
  if (!path || positionals.length > 1) throw new UsageError('usage.reconcile-one-book');
  const decision = values.confirm ?? values.override ?? values.annotate;
  if (!decision && !values.period) throw new UsageError('usage.needs-period', { command: 'reconcile' });
  if (values.status && !(RESULT_STATUSES as readonly string[]).includes(values.status)) throw new UsageError('usage.one-of', { option: '--status', values: RESULT_STATUSES.join(', ') });
  const page = { limit: whole(values.limit, 'limit'), offset: whole(values.offset, 'offset') };
  const book = await openExistingBook(path);
  try {
    if (decision) {
      const line = whole(decision, values.confirm ? 'confirm' : values.override ? 'override' : 'annotate');
      if (values.override && !values.status) throw new UsageError('usage.override-needs-status');
      const actor = await writeAs(book, io, values.user, 'reconcile');
      decideResult(book, line, values.confirm ? { decision: 'confirmed', ...(values.note ? { note: values.note } : {}) }
        : values.override ? { decision: 'overridden', to: values.status as ResultStatus, note: values.note ?? '' } : { decision: 'annotated', note: values.note ?? '' }, actor);
      if (values.json) printJson(io, { line, decided: true });
      else io.out(wordsOf(io).w(values.confirm ? 'cli.line-confirmed' : values.override ? 'cli.line-overridden' : 'cli.line-annotated', { line, status: values.status ?? '' }));
      return 0;
    }
    const period = assertPeriod(values.period!, { field: '--period' });
    if (values.lines) {
      printRows(io, deliveryResultsView(book, { period, kaCode: values.ka, status: values.status, storeCode: values.store, sku: values.sku }, page) as unknown as Record<string, unknown>[], values.json, '(no results: run the reconciliation first)');
      return 0;
    }
    if (values.unexpected) {
      printRows(io, unexpectedReceiptsView(book, period, values.ka, page) as unknown as Record<string, unknown>[], values.json, '(none)');
      return 0;
    }
    const summary = reconcilePeriod(book, { period, kaCode: values.ka, asOf: values['as-of'], actor: await writeAs(book, io, values.user, 'reconcile') });
    if (values.json) printJson(io, summary);
    else describe(io, summary);
    return 0;
  } finally {
    book.close();
  }
}
