import type { Book } from '../../db/connection.js';
import { bookHasInvoices } from '../../db/queries/invoices.js';
import { labelOf, renderMessage, type MessageCode } from '../../locale/index.js';
import { addMonths } from '../calendar/dates.js';
import { feeInvoices } from '../invoices/fee-invoices.js';
import { threeWayMatch } from '../invoices/three-way-match.js';
import type { Cell, Section } from './statement-sections.js';

/** How far back the statement looks for fee invoices still missing at month end. */
const FEE_MONTHS = 12;

export interface StatementInvoices {
  byKa: { ka: string; accepted: number; ticket: number; settlement: number; invoiced: number; red: number; toInvoice: number; feeInvoicesMissing: number }[];
  totals: { accepted: number; ticket: number; settlement: number; invoiced: number; red: number; toInvoice: number; feeInvoicesMissing: number };
  /** every difference of the month at its end, and every fee invoice still missing, in words (Chinese) with the amount */
  differences: { ka: string; kind: string; what: string; amount: number }[];
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
    for (const g of r.gaps) differences.push({ ka: r.ka.code, kind: labelOf('zh', 'invoiceGapKinds', g.kind), what: renderMessage('zh', g.message), amount: g.amount });
  }
  for (const m of missing) {
    const ka = [...kas.keys()].find((x) => x.startsWith(`${m.kaCode} `)) ?? `${m.kaCode ?? ''}`;
    of(ka).feeInvoicesMissing += m.missing;
    differences.push({ ka: m.kaCode ?? '', kind: labelOf('zh', 'feeInvoiceStates', m.state), what: renderMessage('zh', m.message), amount: m.missing });
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

const both = (code: MessageCode) => `${renderMessage('zh', { code, params: {} })} ${renderMessage('en', { code, params: {} })}`;
const f = (fen: number): Cell => ({ fen });

export function invoicesSections(s: StatementInvoices | undefined): Section[] {
  if (!s) return [];
  const cols = ['col-ka', 'col-accepted', 'col-ticket', 'col-settlement', 'col-invoiced', 'col-red', 'col-to-invoice', 'col-fee-missing'] as const;
  const figures = (k: Omit<StatementInvoices['byKa'][number], 'ka'>) => [f(k.accepted), f(k.ticket), f(k.settlement), f(k.invoiced), f(k.red), f(k.toInvoice), f(k.feeInvoicesMissing)];
  return [
    {
      title: renderMessage('zh', { code: 'invoices.print.section', params: {} }),
      header: cols.map((c) => both(`invoices.print.${c}`)),
      rows: s.byKa.map((k) => [k.ka, ...figures(k)]),
      total: [both('invoices.print.total'), ...figures(s.totals)],
    },
    {
      title: renderMessage('zh', { code: 'invoices.print.gaps-title', params: {} }),
      header: [both('invoices.print.col-ka'), both('invoices.print.col-kind'), both('invoices.print.col-what'), both('invoices.print.col-amount')],
      rows: s.differences.length ? s.differences.map((d) => [d.ka, d.kind, d.what, f(d.amount)]) : [['—', '', '', '']],
    },
  ];
}

export function invoicesDetail(s: StatementInvoices | undefined) {
  if (!s) return [];
  return [{
    name: '发票 Invoices',
    rows: s.differences.map((d) => ({ ka: d.ka, kind: d.kind, what: d.what, amount_fen: d.amount })),
    columns: [{ key: 'ka', header: '系统' }, { key: 'kind', header: '差异' }, { key: 'what', header: '说明' }, { key: 'amount_fen', header: '金额', money: true }],
  }];
}
