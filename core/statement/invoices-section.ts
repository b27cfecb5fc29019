import type { Book } from '../../db/connection.js';
import { bookHasInvoices } from '../../db/queries/invoices.js';
import type { Message } from '../../locale/index.js';
import { addMonths } from '../calendar/dates.js';
import { feeInvoices } from '../invoices/fee-invoices.js';
import { threeWayMatch } from '../invoices/three-way-match.js';
import type { Cell, PrintWords, Section } from './statement-sections.js';

/** How far back the statement looks for fee invoices still missing at month end. */
const FEE_MONTHS = 12;

export interface StatementInvoices {
  byKa: { ka: string; accepted: number; ticket: number; settlement: number; invoiced: number; red: number; toInvoice: number; feeInvoicesMissing: number }[];
  totals: { accepted: number; ticket: number; settlement: number; invoiced: number; red: number; toInvoice: number; feeInvoicesMissing: number };
  /**
   * every difference of the month at its end, and every fee invoice still missing, with the amount: the kind as a
   * vocabulary value of its group and the explanation as a code, said in the reader's language where it is printed
   */
  differences: { ka: string; group: 'invoiceGapKinds' | 'feeInvoiceStates'; kind: string; what: Message; amount: number }[];
}

/**
 * 十、发票: the month's three-way match per KA as of its last day — accepted net of returns, 票扣, what should be
 * invoiced, what blue and red-letter invoices cover of it, what is still to invoice — and the fee invoices missing
 * (deductions of the last twelve months without the KA's invoice). Undefined for a book with no invoice at all, so
 * statements of books that never kept invoices read (and hash) as before.
 */
export function statementInvoices(book: Book, period: string, distributorId: number, asOf: string): StatementInvoices | undefined {
  if (!bookHasInvoices(book)) return undefined;
  const rows = threeWayMatch(book, [period], { distributorId, asOf });
  const months: string[] = [];
  for (let i = FEE_MONTHS - 1; i >= 0; i--) months.push(addMonths(period, -i));
  const missing = feeInvoices(book, months, { distributorId, asOf }).filter((r) => r.missing > 0 && (r.state === 'missing' || r.state === 'red_missing'));
  const kas = new Map<string, StatementInvoices['byKa'][number]>();
  const of = (ka: string) => {
    let k = kas.get(ka);
    if (!k) kas.set(ka, (k = { ka, accepted: 0, ticket: 0, settlement: 0, invoiced: 0, red: 0, toInvoice: 0, feeInvoicesMissing: 0 }));
    return k;
  };
  const differences: StatementInvoices['differences'] = [];
  for (const r of rows) {
    const k = of(`${r.ka.code} ${r.ka.name}`);
    k.accepted += r.accepted - r.returns;
    k.ticket += r.ticket;
    k.settlement += r.settlement;
    k.invoiced += r.invoicedBlue;
    k.red += r.invoicedRed;
    k.toInvoice += r.totals.to_invoice;
    for (const g of r.gaps) differences.push({ ka: r.ka.code, group: 'invoiceGapKinds', kind: g.kind, what: g.message, amount: g.amount });
  }
  for (const m of missing) {
    const ka = [...kas.keys()].find((x) => x.startsWith(`${m.kaCode} `)) ?? `${m.kaCode ?? ''}`;
    of(ka).feeInvoicesMissing += m.missing;
    differences.push({ ka: m.kaCode ?? '', group: 'feeInvoiceStates', kind: m.state, what: m.message, amount: m.missing });
  }
  const byKa = [...kas.values()].sort((a, b) => a.ka.localeCompare(b.ka));
  const total = (pick: (k: StatementInvoices['byKa'][number]) => number) => byKa.reduce((s, k) => s + pick(k), 0);
  return {
    byKa,
    totals: { accepted: total((k) => k.accepted), ticket: total((k) => k.ticket), settlement: total((k) => k.settlement), invoiced: total((k) => k.invoiced),
      red: total((k) => k.red), toInvoice: total((k) => k.toInvoice), feeInvoicesMissing: total((k) => k.feeInvoicesMissing) },
    differences,
  };
}

const f = (fen: number): Cell => ({ fen });

export function invoicesSections(s: StatementInvoices | undefined, words: PrintWords): Section[] {
  if (!s) return [];
  const { w, say, label } = words;
  const cols = ['col-ka', 'col-accepted', 'col-ticket', 'col-settlement', 'col-invoiced', 'col-red', 'col-to-invoice', 'col-fee-missing'] as const;
  const figures = (k: Omit<StatementInvoices['byKa'][number], 'ka'>) => [f(k.accepted), f(k.ticket), f(k.settlement), f(k.invoiced), f(k.red), f(k.toInvoice), f(k.feeInvoicesMissing)];
  return [
    {
      title: w('invoices.print.section'),
      header: cols.map((c) => w(`invoices.print.${c}`)),
      rows: s.byKa.map((k) => [k.ka, ...figures(k)]),
      total: [w('invoices.print.total'), ...figures(s.totals)],
    },
    {
      title: w('invoices.print.gaps-title'),
      header: [w('invoices.print.col-ka'), w('invoices.print.col-kind'), w('invoices.print.col-what'), w('invoices.print.col-amount')],
      rows: s.differences.length ? s.differences.map((d) => [d.ka, label(d.group, d.kind), say(d.what), f(d.amount)]) : [['—', '', '', '']],
    },
  ];
}

export function invoicesDetail(s: StatementInvoices | undefined, words: PrintWords) {
  if (!s) return [];
  const { w, say, label } = words;
  return [{
    name: w('invoices.print.sheet'),
    rows: s.differences.map((d) => ({ ka: d.ka, kind: label(d.group, d.kind), what: say(d.what), amount_fen: d.amount })),
    columns: [{ key: 'ka', header: w('invoices.print.col-ka') }, { key: 'kind', header: w('invoices.print.col-kind') }, { key: 'what', header: w('invoices.print.col-what') },
      { key: 'amount_fen', header: w('invoices.print.col-amount'), money: true }],
  }];
}
