// The distributor's own ERP delivery exports, part one: 用友 U8 (销售出库单列表), 用友 T+ (销货单), 金蝶 K/3 WISE
// (销售出库序时簿), 金蝶 KIS 专业版 (销售出库单序时簿). Each names the store by the ERP's own customer code and name, and
// the KA's PO under its own heading.
import { join } from 'node:path';
import { expected, goods } from './documents.mjs';
import { asNumber, dates, price, qty, yuan } from './money.mjs';
import { customerCode, customerName } from './world.mjs';
import { writeText, writeXlsx } from './writers.mjs';

const delivery = (docNo, date, ka, storeCode, po, lines) => goods('delivery', { docNo, date, ka, storeCode, orderNo: po, lines, issuer: 'D01' });
/** Tax-exclusive figures an ERP prints beside the tax-inclusive ones (13 % VAT), rounded as the ERP rounds them. */
const exclusive = (fen) => Math.round(fen / 1.13);
const exclusivePrice = (e4) => Math.round(e4 / 1.13) / 10_000;

/** 用友 U8: xlsx, title and query rows, 客户编码 + 客户, 无税/含税 prices and amounts, 订单号 (the ERP's own) and 客户订单号, 小计 per document. */
export async function u8(dir) {
  const docs = [
    delivery('XSCK2610000081', '2026-10-02', 'RTM', 'A021', 'RT2610021', [['P101', 2], ['P201', 1]]),
    delivery('XSCK2610000082', '2026-10-02', 'CRF', '101', 'CF1009921', [['P101', 3], ['P102', 2], ['P301', 1]]),
    delivery('XSCK2610000093', '2026-10-08', 'RTM', 'A035', 'RT2610035', [['P202', 1], ['P301', 2]]),
    delivery('XSCK2610000101', '2026-10-20', 'CRF', '215', 'CF1011020', [['P201', 4], ['P302', 1]]),
  ];
  const rows = [];
  docs.forEach((d, n) => {
    for (const l of d.lines) {
      rows.push([dates.iso(d.date), d.docNo, '成品仓', customerCode('u8', d.ka, d.store), customerName(d.ka, d.store), 'KA事业部', '王晓东', l.sku, l.name, l.spec, '袋',
        asNumber.qty(l.qty), exclusivePrice(l.price), asNumber.yuan(exclusive(l.amount)), asNumber.yuan(l.amount - exclusive(l.amount)), asNumber.price(l.price), asNumber.yuan(l.amount),
        `SO2610${String(311 + n).padStart(4, '0')}`, d.orderNo, '']);
    }
    rows.push([null, null, null, null, null, null, null, null, '小计', null, null, asNumber.qty(d.lines.reduce((s, l) => s + l.qty, 0)), null, null, null, null, asNumber.yuan(d.total), null, null, null]);
  });
  rows.push(['合计', null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, asNumber.yuan(docs.reduce((s, d) => s + d.total, 0)), null, null, null]);
  await writeXlsx(join(dir, 'u8-sales-out-2026-10.xlsx'), {
    sheet: '销售出库单列表', top: ['销售出库单列表', ['出库日期：2026-10-01 至 2026-10-31', null, null, '仓库：全部']],
    headings: ['出库日期', '出库单号', '仓库', '客户编码', '客户', '销售部门', '业务员', '存货编码', '存货名称', '规格型号', '主计量单位', '数量', '无税单价', '无税金额', '税额',
      '含税单价', '价税合计', '订单号', '客户订单号', '备注'],
    rows,
  });
  return [{ file: 'u8-sales-out-2026-10.xlsx', expected: expected({ system: '用友 U8 销售出库单列表', kind: 'deliveries', documents: docs,
    shapes: ['xlsx', 'title and query rows', 'customer by U8 客户编码 (in the stores’ master data)', '无税 and 含税 prices and amounts', '订单号 (own SO) and 客户订单号 (the KA PO)', '小计 per document', '合计'] }) }];
}

/** 用友 T+: UTF-8 CSV, yyyy/m/d, 客户小计 rows per customer, 外部订单号. */
export async function tplus(dir) {
  const docs = [
    delivery('XHD-2026-10-0041', '2026-10-05', 'WMT', '2035', '8812004511', [['P201', 2], ['P202', 1]]),
    delivery('XHD-2026-10-0042', '2026-10-05', 'WMT', '2035', '8812004533', [['P302', 1]]),
    delivery('XHD-2026-10-0057', '2026-10-16', 'WMT', '5836', '8812004690', [['P101', 1], ['P301', 1], ['P302', 2]]),
    delivery('XHD-2026-10-0060', '2026-10-18', 'YH', '9A12', '4500913302', [['P102', 2], ['P302', 2]]),
  ];
  const rows = [];
  let last = null;
  let sum = 0;
  const subtotal = () => rows.push([`客户小计：${customerName(...last)}`, '', '', '', '', '', '', '', '', '', yuan(sum), '', '']);
  for (const d of docs) {
    if (last && (last[0] !== d.ka || last[1] !== d.store)) {
      subtotal();
      sum = 0;
    }
    last = [d.ka, d.store];
    for (const l of d.lines) rows.push([dates.slashShort(d.date), d.docNo, customerCode('tplus', d.ka, d.store), customerName(d.ka, d.store), l.sku, l.name, l.spec, '袋', qty(l.qty), price(l.price), yuan(l.amount), d.orderNo, '']);
    sum += d.total;
  }
  subtotal();
  writeText(join(dir, 'tplus-sales-2026-10.csv'), [
    ['销货单列表'],
    ['单据日期', '单据编号', '客户编码', '客户名称', '存货编码', '存货名称', '规格型号', '计量单位', '数量', '含税单价', '含税金额', '外部订单号', '备注'],
    ...rows,
  ], { encoding: 'utf8bom' });
  return [{ file: 'tplus-sales-2026-10.csv', expected: expected({ system: '用友 T+ 销货单列表', kind: 'deliveries', documents: docs,
    shapes: ['UTF-8 with BOM', 'customer codes confirmed once (customers file)', '客户小计 rows per customer', 'yyyy/m/d', '外部订单号'] }) }];
}

/** 金蝶 K/3 WISE 销售出库序时簿: xlsx, date cells, 日期/单据编号 merged down a document, unlabelled daily subtotals, 客户PO. */
export async function k3(dir) {
  const docs = [
    delivery('XOUT001288', '2026-10-05', 'MET', '11', '7001488', [['P101', 2], ['P202', 1]]),
    delivery('XOUT001289', '2026-10-05', 'CRV', '1012', 'CG2610070012', [['P201', 2], ['P202', 1]]),
    delivery('XOUT001301', '2026-10-14', 'MET', '27', '7001502', [['P301', 3]]),
  ];
  const rows = [];
  const merges = [];
  let at = 2;
  let day = null;
  let daySum = 0;
  let dayQty = 0;
  const daily = () => {
    rows.push([null, null, null, null, null, null, null, null, asNumber.qty(dayQty), null, asNumber.yuan(daySum), null, null]);
    at++;
  };
  for (const d of docs) {
    if (day && day !== d.date) {
      daily();
      [daySum, dayQty] = [0, 0];
    }
    day = d.date;
    d.lines.forEach((l, i) => rows.push([i ? null : dates.cell(d.date), i ? null : d.docNo, customerCode('k3', d.ka, d.store), customerName(d.ka, d.store), l.sku, l.name, l.spec, '袋',
      asNumber.qty(l.qty), asNumber.price(l.price), asNumber.yuan(l.amount), d.orderNo, '']));
    if (d.lines.length > 1) for (const col of [1, 2]) merges.push([at, at + d.lines.length - 1, col]);
    at += d.lines.length;
    daySum += d.total;
    dayQty += d.lines.reduce((s, l) => s + l.qty, 0);
  }
  daily();
  rows.push(['合计', null, null, null, null, null, null, null, null, null, asNumber.yuan(docs.reduce((s, d) => s + d.total, 0)), null, null]);
  await writeXlsx(join(dir, 'k3-sales-out-2026-10.xlsx'), {
    sheet: '销售出库序时簿',
    headings: ['日期', '单据编号', '购货单位代码', '购货单位', '产品代码', '产品名称', '规格型号', '单位', '实发数量', '销售单价', '销售金额', '客户PO', '摘要'],
    rows, merges, numFmt: { 1: 'yyyy-mm-dd' },
  });
  return [{ file: 'k3-sales-out-2026-10.xlsx', expected: expected({ system: '金蝶 K/3 WISE 销售出库序时簿', kind: 'deliveries', documents: docs,
    shapes: ['xlsx', 'date cells', '日期 and 单据编号 merged down each document', 'unlabelled daily subtotal rows', '购货单位代码 + 购货单位', '客户PO'] }) }];
}

/** 金蝶 KIS 专业版 销售出库单序时簿: GB18030 CSV, the customer as "1.01 物美联想桥店" in one cell, 订单号. */
export async function kis(dir) {
  const docs = [
    delivery('XOUT-000516', '2026-10-06', 'WM', '0101', 'WMCG2610-0233', [['P101', 1], ['P201', 2]]),
    delivery('XOUT-000529', '2026-10-12', 'WM', '0216', 'WMCG2610-0298', [['P302', 3]]),
    delivery('XOUT-000533', '2026-10-13', 'LH', 'LH0035', 'PO26100335', [['P201', 2], ['P301', 1]]),
  ];
  writeText(join(dir, 'kis-sales-out-2026-10.csv'), [
    ['金蝶KIS专业版  销售出库单序时簿'],
    ['会计期间：2026年第10期'],
    ['日期', '单据号', '购货单位', '产品代码', '产品名称', '规格型号', '单位', '实发数量', '单价', '金额', '订单号', '备注'],
    ...docs.flatMap((d) => d.lines.map((l) => [d.date, d.docNo, `${customerCode('kis', d.ka, d.store)} ${customerName(d.ka, d.store)}`, l.sku, l.name, l.spec, '袋', qty(l.qty), price(l.price), yuan(l.amount), d.orderNo, ''])),
    ['合计', '', '', '', '', '', '', qty(docs.flatMap((d) => d.lines).reduce((s, l) => s + l.qty, 0)), '', yuan(docs.reduce((s, d) => s + d.total, 0)), '', ''],
  ], { encoding: 'gb18030' });
  return [{ file: 'kis-sales-out-2026-10.csv', expected: expected({ system: '金蝶 KIS 专业版 销售出库单序时簿', kind: 'deliveries', documents: docs,
    shapes: ['GB18030', 'two title rows', 'customer code and name in one cell (1.01 物美联想桥店)', '合计'] }) }];
}
