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
import { wordsOf } from '../words.js';
import { readStoredMessage, type Message } from '../../locale/index.js';
import { localDateOf, today } from '../../core/calendar/dates.js';

export async function creditCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: {
    ...COMMON_OPTIONS, 'as-of': { type: 'string' }, 'set-limit': { type: 'string' }, amount: { type: 'string' }, reason: { type: 'string' },
    override: { type: 'string' }, until: { type: 'string' }, dunning: { type: 'boolean', default: false }, 'follow-up': { type: 'string' },
    note: { type: 'string' }, 'statement-of-account': { type: 'string' }, history: { type: 'string' }, out: { type: 'string' }, watch: { type: 'boolean', default: false },
  } });
  const [path] = positionals;
  if (!path) throw new UsageError('usage.needs-book', { command: 'credit' });
  const asOf = values['as-of'] ?? today();
  const book = await openExistingBook(path);
  const { lang, w, say } = wordsOf(io);
  // A grade's reasons: messages now; a grade stored by an earlier build may still hold a sentence.
  const reasonText = (r: Message | string) => (typeof r === 'string' ? say(readStoredMessage(r)) : say(r));
  try {
    if (values['set-limit']) {
      if (!values.amount) throw new UsageError('usage.credit-set-limit');
      setCreditLimit(book, values['set-limit'], parseAmount(values.amount, { field: '--amount' }), values.reason ?? '', await signInFromCli(book, io, values.user, 'credit.limit'));
      io.out(w('cli.credit-limit-set', { party: values['set-limit'], amount: values.amount }));
      return 0;
    }
    if (values.override) {
      if (!values.until) throw new UsageError('usage.credit-override');
      overrideHold(book, values.override, values.until, values.reason ?? '', await signInFromCli(book, io, values.user, 'credit.hold'));
      io.out(w('cli.credit-released', { ka: values.override, until: values.until }));
      return 0;
    }
    if (values['follow-up']) {
      const who = await signInFromCli(book, io, values.user, 'credit.follow-up');
      requirePermission(who, 'credit.follow-up');
      recordFollowUp(book, values['follow-up'], values.note ?? '', who);
      io.out(w('cli.credit-follow-up', { ka: values['follow-up'] }));
      return 0;
    }
    if (values['statement-of-account']) {
      const out = values.out;
      if (!out || !/\.(xlsx|pdf|json)$/i.test(out)) throw new UsageError('usage.credit-statement-out');
      const s = statementOfAccount(book, values['statement-of-account'], asOf);
      if (out.endsWith('.json')) (await import('node:fs')).writeFileSync(out, `${JSON.stringify(s, null, 2)}\n`);
      else if (out.endsWith('.xlsx')) await writeStatementOfAccountXlsx(s, out, lang);
      else await printPdf(statementOfAccountHtml(s, lang), out, statementOfAccountFooter(lang));
      io.out(w('cli.credit-soa-written', { out, ka: s.ka.code, balance: formatFen(s.balance), asOf }));
      return 0;
    }
    if (values.history) {
      const rows = creditHistory(book, values.history);
      if (values.json) return printJson(io, rows), 0;
      io.out(w('cli.credit-limits-of', { party: values.history }));
      printRows(io, rows.limits as unknown as Record<string, unknown>[], false, w('cli.credit-none-set'));
      io.out(w('cli.credit-grades'));
      for (const g of rows.grades) io.out(`  ${g.as_of} ${g.grade} (${g.score}): ${(JSON.parse(g.reasons_json) as { measures: { reason: Message | string }[] }).measures.map((m) => reasonText(m.reason)).join('; ')}`);
      return 0;
    }
    if (values.dunning) {
      const list = dunningList(book, asOf);
      if (values.json) return printJson(io, list), 0;
      for (const d of list) {
        io.out(w('cli.dunning-ka', { ka: d.ka, name: d.name, overdue: formatFen(d.overdueFen), items: d.items.length, contact: d.contact ?? '-', phone: d.phone ?? '',
          last: d.lastFollowUp ? `${localDateOf(d.lastFollowUp.at)} ${d.lastFollowUp.by}: ${d.lastFollowUp.note}` : w('cli.none') }));
        for (const i of d.items.slice(0, 5)) io.out(`    ${w('cli.dunning-item', { docNo: i.docNo, due: i.dueDate, open: formatFen(i.openFen), days: i.daysOverdue })}`);
      }
      return 0;
    }
    if (values.watch) {
      const watch = channelWatch(book);
      if (values.json) return printJson(io, watch), 0;
      io.out(w('cli.watch-price-gaps'));
      printRows(io, watch.priceGaps as unknown as Record<string, unknown>[], false);
      io.out(`\n${w('cli.watch-order-spikes')}`);
      printRows(io, watch.orderSpikes as unknown as Record<string, unknown>[], false);
      return 0;
    }
    // Grades are kept as they are computed, named for the review (never for an unproven --user).
    const list = exposures(book, asOf, 'credit-review');
    if (values.json) return printJson(io, { asOf, exposures: list }), 0;
    io.out(w('cli.credit-head', { asOf }));
    io.out(renderTable(list, [
      { header: w('cli.credit-col-party'), value: (e) => `${e.entity}:${e.code} ${e.name}` },
      { header: w('cli.credit-col-open'), value: (e) => formatFen(e.openReceivables), right: true },
      { header: w('cli.credit-col-not-received'), value: (e) => formatFen(e.notYetReceived), right: true },
      { header: w('cli.credit-col-gross'), value: (e) => formatFen(e.gross), right: true },
      { header: w('cli.credit-col-owed-by-manufacturer'), value: (e) => formatFen(e.owedByManufacturer), right: true },
      { header: w('cli.credit-col-net'), value: (e) => formatFen(e.net), right: true },
      { header: w('cli.credit-col-limit'), value: (e) => (e.limit === null ? '-' : formatFen(e.limit)), right: true },
      { header: w('cli.credit-col-headroom'), value: (e) => (e.headroom === null ? '-' : formatFen(e.headroom)), right: true },
      { header: w('cli.credit-col-grade'), value: (e) => `${e.grade.grade} (${e.grade.score})` },
    ]));
    for (const e of list) io.out(`  ${e.entity}:${e.code} ${e.grade.grade}: ${e.grade.measures.map((m) => reasonText(m.reason)).join('; ')}`);
    return 0;
  } finally {
    book.close();
  }
}
