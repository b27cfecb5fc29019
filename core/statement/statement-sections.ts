import { labelOf, readStoredMessage, renderMessage, type Language, type LabelGroup, type Message, type MessageCode } from '../../locale/index.js';
import type { StatementContent, StatementFiguresContent } from './build-statement.js';
import { correctionsDetail, correctionsSection } from './corrections-section.js';
import { invoicesDetail, invoicesSections } from './invoices-section.js';
import { localDateOf } from '../calendar/dates.js';

/**
 * The printed layout of a 结算单, shared by the Excel summary sheet and the PDF: titled sections of rows, money
 * in fen (each renderer formats it), every word from the catalog in the reader's language. Keeping one layout
 * means the two exports always say the same thing.
 */
export type Cell = string | { fen: number } | { text: string; bold?: boolean };
export interface Section { title: string; header: string[]; rows: Cell[][]; total?: Cell[] }

/** Who signed a step: the step, the login, the person's name (姓名) and when. */
export interface Signer { step: 'prepared' | 'reviewed' | 'approved'; login: string | null; name: string | null; at: string | null }

const f = (fen: number): Cell => ({ fen });

/** The words of one language for a statement: a code in words, a vocabulary value in words. */
export function printWords(lang: Language) {
  return {
    lang,
    w: (code: MessageCode, params?: Message['params']) => renderMessage(lang, { code, params: params ?? {} }),
    say: (m: Message) => renderMessage(lang, m),
    label: (group: LabelGroup, value: string | null | undefined) => (value ? labelOf(lang, group, value) : ''),
  };
}
export type PrintWords = ReturnType<typeof printWords>;

export function statementSections(s: StatementFiguresContent, lang: Language): Section[] {
  const { w, say, label } = printWords(lang);
  const total = w('print.total');
  const sections: Section[] = [];
  sections.push({
    title: w('print.s-sales'),
    header: [w('print.col-ka'), w('print.col-name'), w('print.col-accepted'), w('print.col-returns'), w('print.col-net-sales')],
    rows: s.kaAccounts.map((k) => [k.code, k.name, f(k.accepted), f(k.returns), f(k.netSales)]),
    total: [total, '', f(s.totals.accepted), f(s.totals.returns), f(s.totals.netSales)],
  });
  sections.push({
    title: w('print.s-receivable'),
    header: [w('print.col-ka'), w('print.col-opening'), w('print.col-sales'), w('print.col-returns'), w('print.col-deductions'), w('print.col-remittances'), w('print.col-other'), w('print.col-closing')],
    rows: s.kaAccounts.map((k) => [k.code, f(k.receivable.opening), f(k.receivable.sales), f(k.receivable.returns), f(k.receivable.deductions), f(k.receivable.remittances), f(k.receivable.other), f(k.receivable.closing)]),
    total: [total, f(s.totals.receivable.opening), f(s.totals.receivable.sales), f(s.totals.receivable.returns), f(s.totals.receivable.deductions), f(s.totals.receivable.remittances), f(s.totals.receivable.other), f(s.totals.receivable.closing)],
  });
  sections.push({
    title: w('print.s-ageing'),
    header: [w('print.col-ka'), ...s.ageingBuckets.map(say), total],
    rows: s.kaAccounts.map((k) => [k.code, ...k.ageing.map(f), f(k.ageing.reduce((a, b) => a + b, 0))]),
    total: [total, ...s.totals.ageing.map(f), f(s.totals.ageing.reduce((a, b) => a + b, 0))],
  });
  sections.push({
    title: w('print.s-deductions'),
    header: [w('print.col-fee-type'), w('print.col-amount'), w('print.col-manufacturer'), w('print.col-distributor'), w('print.col-disputed')],
    rows: s.deductions.byFeeType.map((d) => [d.feeType === 'unknown' ? w('print.unclassified') : label('feeTypes', d.feeType), f(d.amount), f(d.manufacturer), f(d.distributor), f(d.disputed)]),
    total: [total, f(s.deductions.total), f(s.deductions.manufacturer), f(s.deductions.distributor), f(s.deductions.disputed)],
  });
  sections.push({
    title: w('print.s-claims'),
    header: [...(['draft', 'submitted', 'approved', 'written_off', 'rejected'] as const).map((st) => label('claimStatus', st)), w('print.col-outstanding')],
    rows: [[f(s.feeClaims.draft), f(s.feeClaims.submitted), f(s.feeClaims.approved), f(s.feeClaims.writtenOff), f(s.feeClaims.rejected), f(s.feeClaims.outstanding)]],
  });
  const rebateRows: Cell[][] = [[w('print.rebate-accrued'), f(s.rebates)]];
  if (s.rebateParts) {
    if (s.rebateParts.toKa) rebateRows.push([w('print.rebate-to-ka'), f(s.rebateParts.toKa)]);
    if (s.rebateParts.toDistributor) rebateRows.push([w('print.rebate-to-distributor'), f(s.rebateParts.toDistributor)]);
  }
  sections.push({
    title: w('print.s-terms'),
    header: [w('print.col-item'), w('print.col-amount')],
    rows: [
      ...rebateRows, [w('print.delivery-cost'), f(s.deliveryCost)], [w('print.price-protection'), f(s.priceProtection)],
      [w('print.credits', { method: 'cash' }), f(s.manufacturerCredits.cash)], [w('print.credits', { method: 'goods' }), f(s.manufacturerCredits.goods)],
      [w('print.credits', { method: 'invoice_discount' }), f(s.manufacturerCredits.invoiceDiscount)], [w('print.credits', { method: 'transfer' }), f(s.manufacturerCredits.transfer)],
    ],
  });
  sections.push({
    title: w('print.s-differences'),
    header: [w('print.col-statement'), w('print.col-item'), w('print.col-document'), w('print.col-amount')],
    rows: s.differenceReconciliation.flatMap((d) => [
      [`${d.ka} ${d.statement}`, { text: w('print.ka-balance'), bold: true }, '', f(d.kaBalance)] as Cell[],
      ...d.items.map((i) => ['', label('differenceKinds', i.kind), i.reference ?? '', f(i.amount)] as Cell[]),
      ['', { text: w('print.book-balance'), bold: true }, '', f(d.bookBalance)] as Cell[],
    ]),
  });
  sections.push({
    title: w('print.s-net'),
    header: [w('print.col-item'), w('print.col-amount')],
    rows: [[w('print.claims-outstanding'), f(s.netDue.claimsOutstanding)], [w('print.collected-not-transferred'), f(s.netDue.collectedNotTransferred)]],
    total: [w('print.due-from-manufacturer'), f(s.netDue.fromManufacturer)],
  });
  sections.push(correctionsSection(s.corrections, printWords(lang)));
  sections.push(...invoicesSections(s.invoices, printWords(lang)));
  return sections;
}

/** A detail column: its heading, and how its value reads (money, quantity, a vocabulary label, a stored message). */
export interface DetailColumn { key: string; header: string; money?: boolean; qty?: boolean; label?: LabelGroup; message?: boolean }

/** A detail cell as text or number, in the reader's language. */
export function detailValue(c: DetailColumn, v: unknown, words: PrintWords): unknown {
  if (c.label && typeof v === 'string') return words.label(c.label, v);
  if (c.message) return v ? words.say(readStoredMessage(String(v))) : '';
  return v;
}

/** 送货明细's columns (the first detail table). */
export function deliveryColumns(w: PrintWords['w']): DetailColumn[] {
  return [
      { key: 'delivery_no', header: w('print.d-delivery-no') }, { key: 'delivery_date', header: w('print.d-date') }, { key: 'ka', header: w('print.col-ka') },
      { key: 'store', header: w('print.d-store') }, { key: 'sku', header: w('print.d-product') }, { key: 'order_no', header: w('print.d-order') },
      { key: 'delivered_qty', header: w('print.d-delivered-qty'), qty: true }, { key: 'received_qty', header: w('print.d-received-qty'), qty: true },
      { key: 'amount_fen', header: w('print.d-delivered'), money: true }, { key: 'accepted_fen', header: w('print.d-accepted'), money: true },
      { key: 'status', header: w('print.d-status'), label: 'status' }];
}

/** 扣费明细's columns (the second detail table). */
export function deductionColumns(w: PrintWords['w']): DetailColumn[] {
  return [
      { key: 'doc_no', header: w('print.d-doc-no') }, { key: 'doc_date', header: w('print.d-date') }, { key: 'ka', header: w('print.col-ka') },
      { key: 'store', header: w('print.d-store') }, { key: 'wording', header: w('print.d-wording') }, { key: 'fee_type', header: w('print.col-fee-type'), label: 'feeTypes' },
      { key: 'method', header: w('print.d-method'), label: 'deductionMethods' }, { key: 'amount_fen', header: w('print.col-amount'), money: true },
      { key: 'manufacturer_fen', header: w('print.col-manufacturer'), money: true }, { key: 'distributor_fen', header: w('print.col-distributor'), money: true },
      { key: 'verdict', header: w('print.d-verdict'), label: 'verdicts' }];
}

/** The detail sheets every summary figure traces to: heading, column keys and the rows. */
export function statementDetails(s: StatementContent, lang: Language): { name: string; columns: DetailColumn[]; rows: Record<string, unknown>[] }[] {
  const { w } = printWords(lang);
  return [
    { name: w('print.sheet-deliveries'), rows: s.details.deliveries, columns: deliveryColumns(w) },
    { name: w('print.sheet-deductions'), rows: s.details.deductions, columns: deductionColumns(w) },
    { name: w('print.sheet-claims'), rows: s.details.claims, columns: [
      { key: 'doc_no', header: w('print.d-doc-no') }, { key: 'period', header: w('print.d-period') }, { key: 'ka', header: w('print.col-ka') },
      { key: 'status', header: w('print.d-claim-status'), label: 'claimStatus' }, { key: 'amount_fen', header: w('print.col-amount'), money: true },
      { key: 'open_fen', header: w('print.col-outstanding'), money: true }] },
    { name: w('print.sheet-remittances'), rows: s.details.remittances, columns: [
      { key: 'doc_no', header: w('print.d-doc-no') }, { key: 'doc_date', header: w('print.d-date') }, { key: 'ka', header: w('print.col-ka') },
      { key: 'method', header: w('print.d-method'), label: 'remittanceMethods' }, { key: 'amount_fen', header: w('print.col-amount'), money: true }] },
    { name: w('print.sheet-accruals'), rows: s.details.accruals, columns: [
      { key: 'doc_no', header: w('print.d-doc-no') }, { key: 'doc_date', header: w('print.d-date') }, { key: 'kind', header: w('print.d-kind'), label: 'docKinds' },
      { key: 'memo', header: w('print.d-memo'), message: true }, { key: 'method', header: w('print.d-method'), label: 'creditMethods' },
      { key: 'amount_fen', header: w('print.col-amount'), money: true }] },
    ...(s.corrections?.length ? [correctionsDetail(s.corrections, printWords(lang))] : []),
    ...invoicesDetail(s.invoices, printWords(lang)),
  ];
}

/** The sign-off lines in words: 制表：李华（lihua）. */
export function signerWords(signer: Signer, words: PrintWords): { role: string; person: string; date: string } {
  const role = words.w(signer.step === 'prepared' ? 'print.sign-prepared' : signer.step === 'reviewed' ? 'print.sign-reviewed' : 'print.sign-approved');
  const person = !signer.login ? '' : signer.name && signer.name !== signer.login ? words.say({ code: 'users.person', params: { name: signer.name, login: signer.login } }) : signer.login;
  return { role, person, date: signer.at ? localDateOf(signer.at) : '' };
}
