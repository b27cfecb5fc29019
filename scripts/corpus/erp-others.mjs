// The distributor's own ERP delivery exports, part two: 金蝶 精斗云 (销售出库单), 金蝶 云星空 (销售出库单), 管家婆
// (销售单明细表) and 速达 (销售开单明细).
import { join } from 'node:path';
import { expected, goods } from './documents.mjs';
import { asNumber, dates, price, qty, yuan } from './money.mjs';
import { customerCode, customerName } from './world.mjs';
import { writeHtmlXls, writeText, writeXlsx } from './writers.mjs';

const delivery = (docNo, date, ka, storeCode, po, lines) => goods('delivery', { docNo, date, ka, storeCode, orderNo: po, lines, issuer: 'D01' });
const exclusive = (fen) => Math.round(fen / 1.13);

/** 金蝶 精斗云: xlsx, date cells, the customer as "C0001-杭州大润发萧山店", discount columns (no discount given), 客户订单号. */
export async function jdy(dir) {
  const docs = [
    delivery('XSCK-20261009-001', '2026-10-09', 'RTM', 'A108', 'RT2610108', [['P102', 2], ['P202', 1]]),
    delivery('XSCK-20261011-002', '2026-10-11', 'CRF', '102', 'CF1010388', [['P202', 2]]),
  ];
  await writeXlsx(join(dir, 'jdy-sales-out-2026-10.xlsx'), {
    sheet: '销售出库单',
    headings: ['单据日期', '单据编号', '客户', '商品编号', '商品名称', '规格型号', '单位', '数量', '单价', '金额', '折扣率(%)', '折扣额', '折后金额', '客户订单号', '备注'],
    rows: docs.flatMap((d) => d.lines.map((l) => [dates.cell(d.date), d.docNo, `${customerCode('jdy', d.ka, d.store)}-${customerName(d.ka, d.store)}`, l.sku, l.name, l.spec, '袋',
      asNumber.qty(l.qty), asNumber.price(l.price), asNumber.yuan(l.amount), 0, 0, asNumber.yuan(l.amount), d.orderNo, ''])),
    numFmt: { 1: 'yyyy-mm-dd' },
  });
  return [{ file: 'jdy-sales-out-2026-10.xlsx', expected: expected({ system: '金蝶 精斗云 销售出库单', kind: 'deliveries', documents: docs,
    shapes: ['xlsx', 'date cells', 'customer code and name joined by a dash', '金额 beside 折后金额 (no discount)', '客户订单号'] }) }];
}

/** 金蝶 云星空: xlsx, dates with a time, 物料编码, 实发数量, 价税合计, 客户采购订单号. */
export async function cloud(dir) {
  const docs = [
    delivery('XSCKD00003104', '2026-10-13', 'WMT', '2037', '8812004702', [['P201', 3], ['P202', 1]]),
    delivery('XSCKD00003111', '2026-10-18', 'YH', '9B03', '4500914420', [['P201', 3]]),
    delivery('XSCKD00003112', '2026-10-19', 'YH', '9C21', '4500914471', [['P101', 1], ['P202', 1]]),
  ];
  await writeXlsx(join(dir, 'cloud-sales-out-2026-10.xlsx'), {
    sheet: '销售出库单',
    headings: ['单据编号', '日期', '客户编码', '客户名称', '物料编码', '物料名称', '规格型号', '库存单位', '实发数量', '含税单价', '价税合计', '客户采购订单号', '备注'],
    rows: docs.flatMap((d) => d.lines.map((l) => [d.docNo, dates.withTime(d.date), customerCode('cloud', d.ka, d.store), customerName(d.ka, d.store), l.sku, l.name, l.spec, '袋',
      asNumber.qty(l.qty), asNumber.price(l.price), asNumber.yuan(l.amount), d.orderNo, ''])),
  });
  return [{ file: 'cloud-sales-out-2026-10.xlsx', expected: expected({ system: '金蝶 云星空 销售出库单', kind: 'deliveries', documents: docs,
    shapes: ['xlsx', 'dates with a time (2026-10-13 00:00:00)', '物料编码 / 实发数量 / 价税合计', '客户采购订单号'] }) }];
}

/** 管家婆: HTML .xls in GB18030, 往来单位编号 + 往来单位, 单价/折后单价/含税单价 and three amounts, 门店订单号, 合计. */
export async function gjp(dir) {
  const docs = [
    delivery('XS-2026-10-0137', '2026-10-09', 'LH', 'LH0042', 'PO26100342', [['P101', 1], ['P301', 2]]),
    delivery('XS-2026-10-0138', '2026-10-09', 'LH', 'LH0117', 'PO26100417', [['P102', 2]]),
    delivery('XS-2026-10-0152', '2026-10-14', 'CRV', '2033', 'CG2610150033', [['P301', 2]]),
  ];
  const net = (e4) => (Math.round(e4 / 1.13) / 10_000).toFixed(4);
  const rows = docs.flatMap((d) => d.lines.map((l) => [d.date, d.docNo, customerCode('gjp', d.ka, d.store), customerName(d.ka, d.store), '李强', '总仓', l.sku, `${l.name}${l.spec}`, l.spec, '袋',
    qty(l.qty), net(l.price), yuan(exclusive(l.amount), { separators: false }), '1', net(l.price), yuan(exclusive(l.amount), { separators: false }), '13%', price(l.price, 4),
    yuan(l.amount, { separators: false }), d.orderNo, '']));
  rows.push(['合计', '', '', '', '', '', '', '', '', '', qty(docs.flatMap((d) => d.lines).reduce((s, l) => s + l.qty, 0)), '', '', '', '', '', '', '',
    yuan(docs.reduce((s, d) => s + d.total, 0), { separators: false }), '', '']);
  writeHtmlXls(join(dir, 'gjp-sales-2026-10.xls'), {
    title: '销售单明细表',
    headings: ['日期', '单据编号', '往来单位编号', '往来单位', '经手人', '仓库', '商品编号', '商品全名', '规格', '单位', '数量', '单价', '金额', '折扣', '折后单价', '折后金额', '税率',
      '含税单价', '价税合计', '门店订单号', '摘要'],
    rows,
  });
  return [{ file: 'gjp-sales-2026-10.xls', expected: expected({ system: '管家婆 销售单明细表', kind: 'deliveries', documents: docs,
    shapes: ['HTML table saved as .xls', 'GB18030', '往来单位编号 + 往来单位', '单价, 折后单价 and 含税单价; 金额, 折后金额 and 价税合计', '门店订单号', '合计'] }) }];
}

/** 速达: GB18030 tab-separated text, 客户编号 + 客户名称, 金额 and 价税合计 both tax-inclusive, 客户单号. */
export async function sd(dir) {
  const docs = [
    delivery('XS261010003', '2026-10-10', 'CRV', '1020', 'CG2610100020', [['P201', 1], ['P301', 1]]),
    delivery('XS261010004', '2026-10-10', 'WM', '0108', 'WMCG2610-0261', [['P102', 1]]),
    delivery('XS261015011', '2026-10-15', 'MET', '35', '7001519', [['P202', 2], ['P302', 1]]),
  ];
  writeText(join(dir, 'sd-sales-2026-10.txt'), [
    ['单据日期', '单号', '客户编号', '客户名称', '货品编号', '货品名称', '规格', '单位', '数量', '单价', '金额', '税额', '价税合计', '客户单号', '备注'],
    ...docs.flatMap((d) => d.lines.map((l) => [d.date, d.docNo, customerCode('sd', d.ka, d.store), customerName(d.ka, d.store), l.sku, l.name, l.spec, '袋', qty(l.qty), price(l.price),
      yuan(l.amount), yuan(l.amount - exclusive(l.amount)), yuan(l.amount), d.orderNo, ''])),
  ], { encoding: 'gb18030', separator: '\t' });
  return [{ file: 'sd-sales-2026-10.txt', expected: expected({ system: '速达 销售开单明细', kind: 'deliveries', documents: docs,
    shapes: ['GB18030 tab-separated text', '客户编号 + 客户名称', '金额 and 价税合计 (both tax-inclusive)', '客户单号'] }) }];
}
