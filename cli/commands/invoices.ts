import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openExistingBook } from '../../core/book/open-book.js';
import { addMonths, today } from '../../core/calendar/dates.js';
import { commandLanguage } from '../../core/errors.js';
import { autoLinkInvoices } from '../../core/invoices/auto-link.js';
import { feeInvoices } from '../../core/invoices/fee-invoices.js';
import { kaIdOf, linkByHand, sellerNames, unlinkByHand, voidInvoice } from '../../core/invoices/invoice-actions.js';
import { threeWayMatch } from '../../core/invoices/three-way-match.js';
import { toInvoiceList } from '../../core/invoices/to-invoice.js';
import { toInvoiceWorkbook } from '../../core/invoices/to-invoice-xlsx.js';
import { formatFen } from '../../core/money/format.js';
import { parseAmount } from '../../core/money/parse.js';
import type { Book } from '../../db/connection.js';
import { labelOf, renderMessage } from '../../locale/index.js';
import { COMMON_OPTIONS } from '../context.js';
import { writeAs } from '../sign-in.js';
import { printJson, type Io } from '../io.js';
import { renderTable } from '../text-table.js';
import { UsageError } from '../usage.js';

const OPTIONS = {
  ...COMMON_OPTIONS, period: { type: 'string' }, ka: { type: 'string' }, 'as-of': { type: 'string' }, out: { type: 'string' },
  invoice: { type: 'string' }, document: { type: 'string' }, amount: { type: 'string' }, reason: { type: 'string' },
} as const;

/** "2026-03" or "2026-01..2026-03": the months, in order. */
function monthsOf(text: string | undefined): string[] {
  if (!text) throw new UsageError('usage.invoices-period-needed');
  const [from, to = from] = text.split('..') as [string, string?];
  if (!/^\d{4}-\d{2}$/.test(from) || !/^\d{4}-\d{2}$/.test(to!) || to! < from) throw new UsageError('usage.invoices-period-form');
  const out: string[] = [];
  for (let p = from; p <= to! && out.length < 120; p = addMonths(p, 1)) out.push(p);
  return out;
}

const kaOf = (book: Book, code: string | undefined) => kaIdOf(book, code);

/**
 * ka-settle invoices BOOK match|fees|to-invoice|link|unlink|void|relink: the three-way match per KA and month, fee
 * invoices, the to-invoice list (as the clerk's workbook with --out), and links and voids set by hand.
 */
export async function invoicesCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: OPTIONS });
  const [path, action] = positionals;
  const actions = ['match', 'fees', 'to-invoice', 'link', 'unlink', 'void', 'relink'];
  if (!path || !action || !actions.includes(action)) throw new UsageError('usage.invoices-needs', { actions: actions.join('|') });
  const lang = commandLanguage(io.env);
  const say = (m: Parameters<typeof renderMessage>[1]) => renderMessage(lang, m);
  const book = await openExistingBook(path);
  try {
    const asOf = values['as-of'] ?? today();
    switch (action) {
      case 'match': {
        const rows = threeWayMatch(book, monthsOf(values.period), { kaAccountId: kaOf(book, values.ka), asOf });
        if (values.json) return printJson(io, { asOf, rows: rows.map((r) => ({ ...r, gaps: r.gaps.map((g) => ({ ...g, text: say(g.message), lines: g.lines?.map(say) })) })) }), 0;
        io.out(`三单匹配 as of ${asOf}`);
        io.out(renderTable(rows, [
          { header: 'KA', value: (r) => `${r.ka.code} ${r.ka.name}` }, { header: 'month', value: (r) => r.period },
          { header: '验收', value: (r) => formatFen(r.accepted), right: true }, { header: '退货', value: (r) => formatFen(r.returns), right: true },
          { header: '票扣', value: (r) => formatFen(r.ticket), right: true }, { header: '应开票', value: (r) => formatFen(r.settlement), right: true },
          { header: '已开票', value: (r) => formatFen(r.invoicedNet), right: true }, { header: '已收款', value: (r) => formatFen(r.paid), right: true },
          { header: '差额', value: (r) => formatFen(r.toExplain), right: true }, { header: '已解释', value: (r) => formatFen(r.explained), right: true },
        ]));
        for (const r of rows) {
          for (const g of r.gaps) {
            io.out(`  ${r.ka.code} ${r.period} ${labelOf(lang, 'invoiceGapKinds', g.kind)}: ${say(g.message)}`);
            for (const l of g.lines ?? []) io.out(`      ${say(l)}`);
          }
        }
        return rows.every((r) => r.toExplain === r.explained) ? 0 : 1;
      }
      case 'fees': {
        const rows = feeInvoices(book, monthsOf(values.period), { kaAccountId: kaOf(book, values.ka), asOf });
        if (values.json) return printJson(io, { asOf, rows: rows.map((r) => ({ ...r, text: say(r.message) })) }), 0;
        for (const r of rows) io.out(`${r.kaCode ?? ''} ${labelOf(lang, 'feeInvoiceStates', r.state)}: ${say(r.message)}`);
        const missing = rows.filter((r) => r.state === 'missing' || r.state === 'red_missing');
        io.out(`${rows.length} fees, ${missing.length} without their invoice (${formatFen(missing.reduce((s, r) => s + r.missing, 0))})`);
        return 0;
      }
      case 'to-invoice': {
        const list = toInvoiceList(book, monthsOf(values.period), { kaAccountId: kaOf(book, values.ka), asOf });
        if (values.out) writeFileSync(values.out, await toInvoiceWorkbook(list, lang, sellerNames(book)));
        if (values.json) return printJson(io, { asOf, invoices: list, ...(values.out ? { file: values.out } : {}) }), 0;
        for (const inv of list) {
          io.out(`#${inv.serial} ${inv.kaCode} ${inv.period} → ${inv.buyerName ?? '(no invoicing entity)'} ${inv.buyerTaxId ?? ''}: ${formatFen(inv.gross)} (${inv.lines.length} lines)`);
        }
        if (values.out) io.out(`written ${values.out}`);
        return 0;
      }
      case 'link': {
        if (!values.invoice || !values.document) throw new UsageError('usage.invoices-link');
        const actor = await writeAs(book, io, values.user, 'invoices');
        const r = linkByHand(book, { invoice: values.invoice, document: values.document, ...(values.amount ? { amount: parseAmount(values.amount, { field: '--amount' }) } : {}) }, actor);
        if (values.json) return printJson(io, r), 0;
        io.out(`linked ${r.invoice} → ${r.document} (${labelOf(lang, 'invoiceLinkRoles', r.role)}, ${r.date})`);
        return 0;
      }
      case 'unlink': {
        if (!values.invoice || !values.document || !values.reason) throw new UsageError('usage.invoices-unlink');
        const actor = await writeAs(book, io, values.user, 'invoices');
        const r = unlinkByHand(book, { invoice: values.invoice, document: values.document, reason: values.reason }, actor);
        if (values.json) return printJson(io, r), 0;
        io.out(say({ code: 'invoices.unlinked', params: { number: r.invoice, docNo: r.document, amount: r.amount } }));
        return 0;
      }
      case 'void': {
        if (!values.invoice || !values.reason) throw new UsageError('usage.invoices-void');
        const actor = await writeAs(book, io, values.user, 'invoices');
        const r = voidInvoice(book, { invoice: values.invoice, reason: values.reason }, actor);
        if (values.json) return printJson(io, r), 0;
        io.out(say({ code: 'invoices.voided', params: { number: r.invoice, date: r.date } }));
        if (r.unlinked) io.out(say({ code: 'invoices.void-linked', params: { number: r.invoice, count: r.unlinked } }));
        return 0;
      }
      default: {
        const months = monthsOf(values.period);
        const actor = await writeAs(book, io, values.user, 'invoices');
        const s = book.write(() => autoLinkInvoices(book, { kaAccountId: kaOf(book, values.ka), from: `${months[0]}-01`, to: `${months.at(-1)}-28` }, actor));
        if (values.json) return printJson(io, s), 0;
        io.out(`auto-link: ${s.invoices} invoices, ${s.byReference} by reference, ${s.byAmount} by amount; ${s.links} links made, ${s.unlinks} undone`);
        return 0;
      }
    }
  } finally {
    book.close();
  }
}
