import type { Book } from '../../db/connection.js';
import {
  claimsOfDistributor, deductionDetail, deductionsByFeeType, deliveryDetail, distributorParty, documentsOfKind, dueFromManufacturer,
  receivableRollForward, receivablesAsOf,
} from '../../db/queries/statement-data.js';
import { ageingBuckets, bucketLabels, bucketOf } from '../credit/ageing-buckets.js';
import { assertPeriod, firstDayOf, lastDayOf } from '../calendar/dates.js';
import type { Message } from '../../locale/index.js';
import { UserError } from '../errors.js';
import { amountInCapitals } from '../money/capitals.js';
import { figuresOfItems } from '../figures/headline-figures.js';
import { compareStatements } from '../reconcile/compare-statements.js';
import { statementCorrections, type StatementCorrection } from '../corrections/period-corrections.js';
import { statementInvoices } from './invoices-section.js';
import { kaRebateShare } from './rebate-share.js';

const sum = <T>(xs: T[], f: (x: T) => number) => xs.reduce((s, x) => s + f(x), 0);

/**
 * 结算单: everything a manufacturer's credit controller needs to sign a distributor's month, as data. Money is in
 * fen. Nothing in it depends on when it was built, so its SHA-256 changes only when a figure does.
 */
export function buildStatement(book: Book, periodText: string, distributorCode: string, manufacturerCode?: string, options: { ageingEdges?: number[] } = {}) {
  const { figures, lists, partyId } = statementFigures(book, periodText, distributorCode, manufacturerCode, options);
  return {
    ...figures,
    details: {
      deliveries: deliveryDetail(book, partyId, figures.period),
      deductions: deductionDetail(book, partyId, figures.period),
      ...lists,
    },
  };
}

/**
 * Every figure of the statement — each an aggregate in SQL or a sum over a month's few documents — and its short
 * detail lists (claims, remittances, accruals: one row per document), without the two long ones: the delivery lines
 * (some 20,000 a month for a large distributor) and the deduction lines. The window's summary is made of this
 * (statement-summary.ts); buildStatement adds the long lists, so the two can never disagree on a figure.
 */
export function statementFigures(book: Book, periodText: string, distributorCode: string, manufacturerCode?: string, options: { ageingEdges?: number[] } = {}) {
  const period = assertPeriod(periodText, { field: '--period' });
  const party = distributorParty(book, distributorCode);
  if (!party) throw new UserError('master.unknown-distributor', { code: distributorCode }, { field: '--distributor' });
  if (manufacturerCode && manufacturerCode !== party.manufacturer_code) {
    throw new UserError('master.manufacturer-mismatch', { distributor: distributorCode, actual: party.manufacturer_code, given: manufacturerCode }, { field: '--manufacturer' });
  }
  const from = firstDayOf(period);
  const to = lastDayOf(period);
  // A frozen statement is built again with the buckets it was frozen with (check compares the two).
  const edges = options.ageingEdges ?? ageingBuckets(book);
  // Credits not yet applied (deductions, returns, cash no receivable was named for) stand in their own column,
  // so the buckets show what is owed and the row still ties to the ledger balance.
  const labels: Message[] = [...bucketLabels(edges), { code: 'credit.bucket-credits' }];

  const roll = receivableRollForward(book, party.id, from, to);
  const open = receivablesAsOf(book, party.id, to);
  const ageingOf = (items: typeof open) => {
    const amounts = labels.map(() => 0);
    for (const i of items) amounts[i.open_fen < 0 ? labels.length - 1 : bucketOf(edges, i.days_past_due)]! += i.open_fen;
    return amounts;
  };
  const kaAccounts = roll.map((r) => ({
    code: r.ka_code, name: r.ka_name,
    accepted: r.sales, returns: -r.returns, netSales: r.sales + r.returns,
    receivable: { opening: r.opening, sales: r.sales, returns: r.returns, deductions: r.deductions, remittances: r.remittances, other: r.other, closing: r.closing },
    ageing: ageingOf(open.filter((o) => o.ka_account_id === r.ka_account_id)),
  }));
  const fees = deductionsByFeeType(book, party.id, period).map((f) => ({
    feeType: f.fee_type ?? 'unknown', name: f.name_zh ?? '未识别', lines: f.lines, amount: f.amount_fen,
    manufacturer: f.manufacturer_fen, distributor: f.distributor_fen, disputed: f.disputed_fen,
  }));
  const claims = claimsOfDistributor(book, party.id, period, to);
  const byStatus = (s: string) => sum(claims.filter((c) => c.status === s), (c) => c.amount_fen);
  const accruals = documentsOfKind(book, party.id, period, 'rebate_accrual');
  const rebateToKa = kaRebateShare(book, period, party.id);
  const subsidy = documentsOfKind(book, party.id, period, 'delivery_cost_claim');
  const protection = documentsOfKind(book, party.id, period, 'price_protection_claim');
  const credits = documentsOfKind(book, party.id, period, 'manufacturer_credit');
  const remittances = documentsOfKind(book, party.id, period, 'remittance');
  const due = dueFromManufacturer(book, party.id, to);
  const netDue = due.claims_fen + due.collected_fen;
  const differences = compareStatements(book, period, null, { distributorId: party.id });
  // Only a month with corrections carries the key, so statements frozen before corrections existed hash the same.
  const corrections = statementCorrections(book, period, party.id);
  // Likewise only a book that keeps invoices carries the invoice section.
  const invoices = statementInvoices(book, period, party.id, to);

  const figures = {
    title: '结算单',
    period,
    distributor: { code: party.code, name: party.name },
    manufacturer: { code: party.manufacturer_code, name: party.manufacturer_name },
    kaAccounts,
    totals: {
      accepted: sum(kaAccounts, (k) => k.accepted), returns: sum(kaAccounts, (k) => k.returns), netSales: sum(kaAccounts, (k) => k.netSales),
      receivable: {
        opening: sum(roll, (r) => r.opening), sales: sum(roll, (r) => r.sales), returns: sum(roll, (r) => r.returns), deductions: sum(roll, (r) => r.deductions),
        remittances: sum(roll, (r) => r.remittances), other: sum(roll, (r) => r.other), closing: sum(roll, (r) => r.closing),
      },
      ageing: ageingOf(open),
    },
    ageingBuckets: labels,
    /** the headline figures at month end for this distributor (core/figures): the closing receivable is their balance */
    figures: figuresOfItems(open),
    ageingEdgesDays: edges,
    deductions: { byFeeType: fees, total: sum(fees, (f) => f.amount), manufacturer: sum(fees, (f) => f.manufacturer), distributor: sum(fees, (f) => f.distributor), disputed: sum(fees, (f) => f.disputed) },
    feeClaims: {
      draft: byStatus('draft'), submitted: byStatus('submitted'), approved: byStatus('approved'), writtenOff: byStatus('written_off'), rejected: byStatus('rejected'),
      outstanding: sum(claims.filter((c) => c.status !== 'rejected'), (c) => c.open_fen),
    },
    rebates: rebateToKa + sum(accruals, (a) => a.total_fen),
    rebateParts: { toKa: rebateToKa, toDistributor: sum(accruals, (a) => a.total_fen) },
    deliveryCost: sum(subsidy, (a) => a.total_fen),
    priceProtection: sum(protection, (a) => a.total_fen),
    manufacturerCredits: {
      cash: sum(credits.filter((c) => c.method === 'cash'), (c) => c.total_fen), goods: sum(credits.filter((c) => c.method === 'goods'), (c) => c.total_fen),
      invoiceDiscount: sum(credits.filter((c) => c.method === 'invoice_discount'), (c) => c.total_fen), transfer: sum(credits.filter((c) => c.method === 'transfer'), (c) => c.total_fen),
    },
    netDue: { fromManufacturer: netDue, claimsOutstanding: due.claims_fen, collectedNotTransferred: due.collected_fen, inCapitals: amountInCapitals(netDue) },
    differenceReconciliation: differences.map((d) => ({
      ka: d.ka, statement: d.statement, kaBalance: d.statementFen, bookBalance: d.bookFen,
      items: d.differences.map((x) => ({ kind: x.kind, reference: x.reference, amount: -x.differenceFen })),
    })),
    ...(corrections.length ? { corrections } : {}),
    ...(invoices ? { invoices } : {}),
  };
  const lists = {
    claims: claims.map((c) => ({ doc_no: c.doc_no, period: c.period, ka: c.ka_code, status: c.status, amount_fen: c.amount_fen, open_fen: c.open_fen })),
    remittances: remittances.map((r) => ({ doc_no: r.doc_no, doc_date: r.doc_date, ka: r.ka_code, method: r.method, amount_fen: r.total_fen })),
    accruals: [...accruals.map((a) => ({ ...a, kind: 'rebate_accrual' })), ...subsidy.map((a) => ({ ...a, kind: 'delivery_cost_claim' })), ...protection.map((a) => ({ ...a, kind: 'price_protection_claim' })),
      ...credits.map((a) => ({ ...a, kind: 'manufacturer_credit' }))].map((a) => ({ doc_no: a.doc_no, doc_date: a.doc_date, kind: a.kind, memo: a.memo, method: a.method, amount_fen: a.total_fen })),
  };
  return { figures, lists, partyId: party.id };
}

export type StatementContent = ReturnType<typeof buildStatement> & { corrections?: StatementCorrection[] };
/** Every part of a statement but its detail rows: what the summary shows and the sections print from. */
export type StatementFiguresContent = Omit<StatementContent, 'details'>;
