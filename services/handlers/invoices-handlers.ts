import { dirname, join } from 'node:path';
import type { invoicesMethods } from '../../contract/invoices-methods.js';
import { localStamp, today } from '../../core/calendar/dates.js';
import { enterInvoice, kaIdOf, linkByHand, sellerNames, unlinkByHand } from '../../core/invoices/invoice-actions.js';
import { gapPage, matchWithGapTotals } from '../../core/invoices/match-gaps.js';
import { threeWayMatch } from '../../core/invoices/three-way-match.js';
import { toInvoiceList } from '../../core/invoices/to-invoice.js';
import { writeToInvoiceWorkbook } from '../../core/invoices/to-invoice-xlsx.js';
import type { HandlersOf } from './handler-types.js';

export const invoicesHandlers: HandlersOf<typeof invoicesMethods> = {
  'invoices.match': ({ session }, a) => {
    const book = session.requireBook();
    const asOf = a.asOf ?? today();
    return { asOf, rows: matchWithGapTotals(threeWayMatch(book, a.periods, { kaAccountId: kaIdOf(book, a.ka, 'ka'), asOf })) };
  },
  'invoices.gaps': ({ session }, a) => {
    const book = session.requireBook();
    const asOf = a.asOf ?? today();
    const [row] = threeWayMatch(book, [a.period], { kaAccountId: kaIdOf(book, a.ka, 'ka'), asOf });
    return { asOf, ...gapPage(row?.gaps ?? [], { kind: a.kind, offset: a.offset, limit: a.limit }) };
  },
  'invoices.toInvoice': ({ session }, a) => {
    const book = session.requireBook();
    return { invoices: toInvoiceList(book, a.periods, { kaAccountId: kaIdOf(book, a.ka, 'ka'), asOf: a.asOf ?? today() }) as unknown as Record<string, unknown>[] };
  },
  'invoices.exportToInvoice': async ({ session }, a) => {
    const book = session.requireBook();
    const list = toInvoiceList(book, a.periods, { kaAccountId: kaIdOf(book, a.ka, 'ka'), asOf: today() });
    const fallback = join(dirname(book.path), 'exports', `待开票-${a.periods[0]}${a.periods.length > 1 ? `_${a.periods.at(-1)}` : ''}-${localStamp()}.xlsx`);
    const file = session.grants.writable(book, a.path, fallback);
    await writeToInvoiceWorkbook(file, list, 'zh', sellerNames(book));
    return { file, rows: list.length };
  },
  'invoices.link': ({ session, actor }, a) => linkByHand(session.requireBook(), { invoice: a.invoice, document: a.document, ...(a.amount !== undefined ? { amount: a.amount } : {}), note: a.note ?? null }, actor),
  'invoices.unlink': ({ session, actor }, a) => unlinkByHand(session.requireBook(), a, actor),
  'invoices.enter': ({ session, actor }, a) => {
    const gross = a.net + a.tax;
    const s = enterInvoice(session.requireBook(), {
      invoiceType: a.invoiceType, code: a.code ?? null, number: a.number, date: a.date, seller: a.seller, buyer: a.buyer, net: a.net, tax: a.tax, gross,
      colour: gross < 0 ? 'red' : 'blue', originalNumber: a.originalNumber ?? null, status: 'valid', remark: a.remark ?? null, items: [],
    }, actor);
    return { created: s.created, unchanged: s.unchanged, notices: s.notices.map((n) => n.message) };
  },
};
