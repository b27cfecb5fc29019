import { parseArgs } from 'node:util';
import { openExistingBook } from '../../core/book/open-book.js';
import { channelWatch } from '../../core/credit/channel-watch.js';
import { dunningList, recordFollowUp } from '../../core/credit/dunning.js';
import { creditHistory, exposures, setCreditLimit } from '../../core/credit/exposure.js';
import { overrideHold } from '../../core/credit/holds.js';
import { statementOfAccount, statementOfAccountFooter, statementOfAccountHtml, writeStatementOfAccountXlsx } from '../../core/credit/statement-of-account.js';
import { formatFen, parseAmount } from '../../core/money/index.js';
import { COMMON_OPTIONS } from '../context.js';
import { printJson, printRows, type Io } from '../io.js';
import { printPdf } from '../../services/print/chromium-pdf.js';
import { signInFromCli } from '../sign-in.js';
import { requirePermission } from '../../core/users/permissions.js';
import { renderTable } from '../text-table.js';
import { UsageError } from '../usage.js';
import { localDateOf, today } from '../../core/calendar/dates.js';

export async function creditCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: {
    ...COMMON_OPTIONS, 'as-of': { type: 'string' }, 'set-limit': { type: 'string' }, amount: { type: 'string' }, reason: { type: 'string' },
    override: { type: 'string' }, until: { type: 'string' }, dunning: { type: 'boolean', default: false }, 'follow-up': { type: 'string' },
    note: { type: 'string' }, 'statement-of-account': { type: 'string' }, history: { type: 'string' }, out: { type: 'string' }, watch: { type: 'boolean', default: false },
  } });
  const [path] = positionals;
  if (!path) throw new UsageError('credit needs a BOOK');
  const asOf = values['as-of'] ?? today();
  const book = await openExistingBook(path);
  try {
    if (values['set-limit']) {
      if (!values.amount) throw new UsageError('--set-limit ka:CODE|distributor:CODE needs --amount and --reason');
      setCreditLimit(book, values['set-limit'], parseAmount(values.amount, { field: '--amount' }), values.reason ?? '', await signInFromCli(book, io, values.user, 'credit.limit'));
      io.out(`credit limit of ${values['set-limit']} set to ${values.amount}`);
      return 0;
    }
    if (values.override) {
      if (!values.until) throw new UsageError('--override KA needs --until YYYY-MM-DD and --reason');
      overrideHold(book, values.override, values.until, values.reason ?? '', await signInFromCli(book, io, values.user, 'credit.hold'));
      io.out(`deliveries to ${values.override} released until ${values.until}`);
      return 0;
    }
    if (values['follow-up']) {
      const who = await signInFromCli(book, io, values.user, 'credit.follow-up');
      requirePermission(who, 'credit.follow-up');
      recordFollowUp(book, values['follow-up'], values.note ?? '', who);
      io.out(`follow-up with ${values['follow-up']} recorded`);
      return 0;
    }
    if (values['statement-of-account']) {
      const out = values.out;
      if (!out || !/\.(xlsx|pdf|json)$/i.test(out)) throw new UsageError('--statement-of-account KA needs --out FILE.xlsx|.pdf|.json');
      const s = statementOfAccount(book, values['statement-of-account'], asOf);
      if (out.endsWith('.json')) (await import('node:fs')).writeFileSync(out, `${JSON.stringify(s, null, 2)}\n`);
      else if (out.endsWith('.xlsx')) await writeStatementOfAccountXlsx(s, out);
      else await printPdf(statementOfAccountHtml(s), out, statementOfAccountFooter());
      io.out(`wrote ${out}: ${s.ka.code} owes ${formatFen(s.balance)} as of ${asOf}`);
      return 0;
    }
    if (values.history) {
      const rows = creditHistory(book, values.history);
      if (values.json) return printJson(io, rows), 0;
      io.out(`limits of ${values.history}:`);
      printRows(io, rows.limits as unknown as Record<string, unknown>[], false, '(none set)');
      io.out('grades:');
      for (const g of rows.grades) io.out(`  ${g.as_of} ${g.grade} (${g.score}): ${(JSON.parse(g.reasons_json) as { measures: { reason: string }[] }).measures.map((m) => m.reason).join('; ')}`);
      return 0;
    }
    if (values.dunning) {
      const list = dunningList(book, asOf);
      if (values.json) return printJson(io, list), 0;
      for (const d of list) {
        io.out(`${d.ka} ${d.name}  overdue ${formatFen(d.overdueFen)} in ${d.items.length} items  contact ${d.contact ?? '-'} ${d.phone ?? ''}  last follow-up ${d.lastFollowUp ? `${localDateOf(d.lastFollowUp.at)} ${d.lastFollowUp.by}: ${d.lastFollowUp.note}` : 'none'}`);
        for (const i of d.items.slice(0, 5)) io.out(`    ${i.docNo} due ${i.dueDate} ${formatFen(i.openFen)} (${i.daysOverdue} days overdue)`);
      }
      return 0;
    }
    if (values.watch) {
      const w = channelWatch(book);
      if (values.json) return printJson(io, w), 0;
      io.out('same KA and product at different prices in two regions:');
      printRows(io, w.priceGaps as unknown as Record<string, unknown>[], false);
      io.out('\norders far above the store\'s own history:');
      printRows(io, w.orderSpikes as unknown as Record<string, unknown>[], false);
      return 0;
    }
    // Grades are kept as they are computed, named for the review (never for an unproven --user).
    const list = exposures(book, asOf, 'credit-review');
    if (values.json) return printJson(io, { asOf, exposures: list }), 0;
    io.out(`credit as of ${asOf}`);
    io.out(renderTable(list, [
      { header: 'party', value: (e) => `${e.entity}:${e.code} ${e.name}` },
      { header: 'open receivables', value: (e) => formatFen(e.openReceivables), right: true },
      { header: 'not yet received', value: (e) => formatFen(e.notYetReceived), right: true },
      { header: 'gross', value: (e) => formatFen(e.gross), right: true },
      { header: 'owed by manufacturer', value: (e) => formatFen(e.owedByManufacturer), right: true },
      { header: 'net', value: (e) => formatFen(e.net), right: true },
      { header: 'limit', value: (e) => (e.limit === null ? '-' : formatFen(e.limit)), right: true },
      { header: 'headroom', value: (e) => (e.headroom === null ? '-' : formatFen(e.headroom)), right: true },
      { header: 'grade', value: (e) => `${e.grade.grade} (${e.grade.score})` },
    ]));
    for (const e of list) io.out(`  ${e.entity}:${e.code} ${e.grade.grade}: ${e.grade.measures.map((m) => m.reason).join('; ')}`);
    return 0;
  } finally {
    book.close();
  }
}
