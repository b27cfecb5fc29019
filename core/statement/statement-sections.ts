import type { StatementContent } from './build-statement.js';
import { correctionsDetail, correctionsSection } from './corrections-section.js';
import { invoicesDetail, invoicesSections } from './invoices-section.js';

/**
 * The printed layout of a 结算单, shared by the Excel summary sheet and the PDF: titled sections of rows, money
 * in fen (each renderer formats it). Keeping one layout means the two exports always say the same thing.
 */
export type Cell = string | { fen: number } | { text: string; bold?: boolean };
export interface Section { title: string; header: string[]; rows: Cell[][]; total?: Cell[] }

export interface Signer { role: string; name: string | null; at: string | null }

const f = (fen: number): Cell => ({ fen });
const KIND_ZH: Record<string, string> = {
  not_in_book: '对方有、我方无', other_period: '我方记入其他月份', not_on_statement: '我方有、对方无', amount_differs: '金额不一致', unreferenced: '对方未注明单据',
};

export function statementSections(s: StatementContent): Section[] {
  const sections: Section[] = [];
  sections.push({
    title: '一、KA系统销售 Sales by KA account',
    header: ['系统 KA', '名称 Name', '验收 Accepted', '退货 Returns', '净销售 Net sales'],
    rows: s.kaAccounts.map((k) => [k.code, k.name, f(k.accepted), f(k.returns), f(k.netSales)]),
    total: ['合计 Total', '', f(s.totals.accepted), f(s.totals.returns), f(s.totals.netSales)],
  });
  sections.push({
    title: '二、应收账款 Receivable roll-forward',
    header: ['系统 KA', '期初 Opening', '验收 Sales', '退货 Returns', '扣款 Deductions', '回款 Remittances', '其他 Other', '期末 Closing'],
    rows: s.kaAccounts.map((k) => [k.code, f(k.receivable.opening), f(k.receivable.sales), f(k.receivable.returns), f(k.receivable.deductions), f(k.receivable.remittances), f(k.receivable.other), f(k.receivable.closing)]),
    total: ['合计 Total', f(s.totals.receivable.opening), f(s.totals.receivable.sales), f(s.totals.receivable.returns), f(s.totals.receivable.deductions), f(s.totals.receivable.remittances), f(s.totals.receivable.other), f(s.totals.receivable.closing)],
  });
  sections.push({
    title: '三、账龄 Ageing at month end (days past due)',
    header: ['系统 KA', ...s.ageingBuckets, '合计 Total'],
    rows: s.kaAccounts.map((k) => [k.code, ...k.ageing.map(f), f(k.ageing.reduce((a, b) => a + b, 0))]),
    total: ['合计 Total', ...s.totals.ageing.map(f), f(s.totals.ageing.reduce((a, b) => a + b, 0))],
  });
  sections.push({
    title: '四、扣费及承担 Deductions and who bears them',
    header: ['费用类型 Fee type', '金额 Amount', '厂家承担 Manufacturer', '经销商承担 Distributor', '争议 Disputed'],
    rows: s.deductions.byFeeType.map((d) => [`${d.name} ${d.feeType}`, f(d.amount), f(d.manufacturer), f(d.distributor), f(d.disputed)]),
    total: ['合计 Total', f(s.deductions.total), f(s.deductions.manufacturer), f(s.deductions.distributor), f(s.deductions.disputed)],
  });
  sections.push({
    title: '五、费用转移申请 Fee claims',
    header: ['草稿 Draft', '已提交 Submitted', '已批准 Approved', '已核销 Written off', '已驳回 Rejected', '未核销 Outstanding'],
    rows: [[f(s.feeClaims.draft), f(s.feeClaims.submitted), f(s.feeClaims.approved), f(s.feeClaims.writtenOff), f(s.feeClaims.rejected), f(s.feeClaims.outstanding)]],
  });
  sections.push({
    title: '六、返利、配送费补贴、补差及厂家核销 Rebates, subsidies and credits',
    header: ['项目 Item', '金额 Amount'],
    rows: [
      ['返利计提 Rebate accrued', f(s.rebates)], ['配送费补贴 Delivery-cost subsidy', f(s.deliveryCost)], ['补差 Price protection', f(s.priceProtection)],
      ['厂家核销-现金 Credits: cash', f(s.manufacturerCredits.cash)], ['厂家核销-货补 Credits: goods', f(s.manufacturerCredits.goods)],
      ['厂家核销-票折 Credits: invoice discount', f(s.manufacturerCredits.invoiceDiscount)], ['货款转移 Central collections transferred', f(s.manufacturerCredits.transfer)],
    ],
  });
  sections.push({
    title: '七、差异调节表 Difference reconciliation (KA statement → book)',
    header: ['系统/对账单 KA / statement', '项目 Item', '单据 Document', '金额 Amount'],
    rows: s.differenceReconciliation.flatMap((d) => [
      [`${d.ka} ${d.statement}`, { text: 'KA对账单余额 KA statement', bold: true }, '', f(d.kaBalance)] as Cell[],
      ...d.items.map((i) => ['', KIND_ZH[i.kind] ?? i.kind, i.reference ?? '', f(i.amount)] as Cell[]),
      ['', { text: '我方账面 Book', bold: true }, '', f(d.bookBalance)] as Cell[],
    ]),
  });
  sections.push({
    title: '八、结算净额 Net amount due',
    header: ['项目 Item', '金额 Amount'],
    rows: [
      ['未核销费用及补贴 Claims, rebates and subsidies not yet credited', f(s.netDue.claimsOutstanding)],
      ['厂家代收未转货款 Collected centrally, not yet transferred', f(s.netDue.collectedNotTransferred)],
    ],
    total: ['厂家应付经销商 Due from the manufacturer', f(s.netDue.fromManufacturer)],
  });
  sections.push(correctionsSection(s.corrections));
  sections.push(...invoicesSections(s.invoices));
  return sections;
}

/** The detail sheets every summary figure traces to: heading, column keys and the rows. */
export function statementDetails(s: StatementContent): { name: string; columns: { key: string; header: string; money?: boolean; qty?: boolean }[]; rows: Record<string, unknown>[] }[] {
  return [
    { name: '送货明细 Deliveries', rows: s.details.deliveries, columns: [
      { key: 'delivery_no', header: '送货单号' }, { key: 'delivery_date', header: '送货日期' }, { key: 'ka', header: '系统' }, { key: 'store', header: '门店' },
      { key: 'sku', header: '商品' }, { key: 'order_no', header: '订单号' }, { key: 'delivered_qty', header: '送货数量', qty: true },
      { key: 'received_qty', header: '验收数量', qty: true }, { key: 'amount_fen', header: '送货金额', money: true }, { key: 'accepted_fen', header: '验收金额', money: true },
      { key: 'status', header: '核对结果' }] },
    { name: '扣费明细 Deductions', rows: s.details.deductions, columns: [
      { key: 'doc_no', header: '扣款单号' }, { key: 'doc_date', header: '日期' }, { key: 'ka', header: '系统' }, { key: 'store', header: '门店' },
      { key: 'wording', header: '费用项目(原文)' }, { key: 'fee_type', header: '费用类型' }, { key: 'method', header: '扣款方式' },
      { key: 'amount_fen', header: '金额', money: true }, { key: 'manufacturer_fen', header: '厂家承担', money: true }, { key: 'distributor_fen', header: '经销商承担', money: true },
      { key: 'verdict', header: '合同核对' }] },
    { name: '费用申请 Claims', rows: s.details.claims, columns: [
      { key: 'doc_no', header: '申请单号' }, { key: 'period', header: '期间' }, { key: 'ka', header: '系统' }, { key: 'status', header: '状态' },
      { key: 'amount_fen', header: '金额', money: true }, { key: 'open_fen', header: '未核销', money: true }] },
    { name: '回款 Remittances', rows: s.details.remittances, columns: [
      { key: 'doc_no', header: '付款单号' }, { key: 'doc_date', header: '日期' }, { key: 'ka', header: '系统' }, { key: 'method', header: '方式' },
      { key: 'amount_fen', header: '金额', money: true }] },
    { name: '计提与核销 Accruals', rows: s.details.accruals, columns: [
      { key: 'doc_no', header: '单号' }, { key: 'doc_date', header: '日期' }, { key: 'memo', header: '摘要' }, { key: 'method', header: '方式' },
      { key: 'amount_fen', header: '金额', money: true }] },
    ...(s.corrections?.length ? [correctionsDetail(s.corrections)] : []),
    ...invoicesDetail(s.invoices),
  ];
}
