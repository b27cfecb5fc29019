// KA portal exports, part one: 大润发 (零供平台), 家乐福 (供应商门户), 沃尔玛 (Retail Link), 永辉 (供应商服务平台, SAP).
// Each chain's receiving, deduction, statement and remittance export in the layout its portal uses.
import { join } from 'node:path';
import { deduction, expected, goods, references, statementLines } from './documents.mjs';
import { asNumber, dates, price, qty, yuan } from './money.mjs';
import { kaItemCode, PRODUCTS, store } from './world.mjs';
import { writeHtmlXls, writeText, writeXlsx } from './writers.mjs';

const product = (sku) => PRODUCTS.find((p) => p.sku === sku);
const localName = (ka, code) => { const s = store(ka, code); return s.name.replace(s.kaName, ''); };

/** 大润发: GB18030 CSV with title and query rows, store heading rows, 单据小计 per receipt, 合计; yyyy/m/d dates. */
export async function rtm(dir) {
  const receipts = [
    goods('receipt', { docNo: 'YS2610A021001', date: '2026-10-03', ka: 'RTM', storeCode: 'A021', orderNo: 'RT2610021', lines: [['P101', 2], ['P201', 1]] }),
    goods('receipt', { docNo: 'YS2610A021014', date: '2026-10-16', ka: 'RTM', storeCode: 'A021', orderNo: 'RT2610027', lines: [['P102', 1]] }),
    goods('receipt', { docNo: 'YS2610A035007', date: '2026-10-09', ka: 'RTM', storeCode: 'A035', orderNo: 'RT2610035', lines: [['P202', 1], ['P301', 2]] }),
  ];
  const rows = [];
  for (const code of ['A021', 'A035']) {
    rows.push([`门店：${code} ${store('RTM', code).name}`]);
    for (const r of receipts.filter((x) => x.store === code)) {
      for (const l of r.lines) {
        rows.push([r.orderNo, r.docNo, dates.slashShort(r.date), kaItemCode('RTM', product(l.sku)), l.barcode, l.name, l.spec, qty(l.qty), qty(l.qty), price(l.price), yuan(l.amount)]);
      }
      rows.push(['', '', '', '', '', '单据小计', '', '', qty(r.lines.reduce((s, l) => s + l.qty, 0)), '', yuan(r.total)]);
    }
  }
  rows.push(['合计', '', '', '', '', '', '', '', '', '', yuan(receipts.reduce((s, r) => s + r.total, 0))]);
  writeText(join(dir, 'rtm-receiving-2026-10.csv'), [
    ['大润发零供协同平台  验收单明细查询'],
    ['查询条件：验收日期 2026-10-01 ~ 2026-10-31', '', '供应商编号：V20881 上海华东商贸有限公司'],
    ['订单号', '验收单号', '验收日期', '大润发货号', '国际条码', '品名', '规格', '订购量', '实收量', '含税进价', '含税金额'],
    ...rows,
  ], { encoding: 'gb18030' });

  const deductions = [
    deduction({ docNo: 'KF2610-0011', date: '2026-10-20', ka: 'RTM', storeCode: 'A021', lines: [['DM海报费', 'dm', 120_000]] }),
    deduction({ docNo: 'KF2610-0012', date: '2026-10-20', ka: 'RTM', storeCode: 'A021', lines: [['促销员违规罚款', 'penalty', 20_000]] }),
    deduction({ docNo: 'KF2610-0014', date: '2026-10-22', ka: 'RTM', lines: [['信息服务费', 'info_service', 30_000]] }),
    deduction({ docNo: 'KF2610-0013', date: '2026-10-25', ka: 'RTM', lines: [['年度返利', 'rebate', 500_000]] }),
    deduction({ docNo: 'KF2610-0015', date: '2026-10-28', ka: 'RTM', storeCode: 'A035', method: 'invoice', lines: [['端架费', 'end_cap', 80_000]] }),
  ];
  writeHtmlXls(join(dir, 'rtm-deductions-2026-10.xls'), {
    title: '大润发 供应商扣款明细（2026年10月）',
    headings: ['扣款单号', '门店', '扣款项目', '扣款金额', '扣款日期', '扣款方式', '备注'],
    rows: deductions.map((d, i) => [d.docNo, d.store ?? (i === 3 ? '全系统' : ''), d.lines[0].feeText, yuan(d.total), d.date, d.method === 'invoice' ? '票扣' : '账扣', '']),
  });

  const statement = references('statement', { docNo: 'DZ2610D01', date: '2026-10-31', ka: 'RTM', lines: statementLines(receipts, deductions, { receipt: '验收单', deduction: '扣款单' }) });
  writeText(join(dir, 'rtm-statement-2026-10.csv'), [
    ['对账单号', '对账日期', '门店', '单据类型', '单据编号', '金额'],
    ...statement.lines.map((l) => [statement.docNo, statement.date, l.store ?? '', l.memo, l.reference, yuan(l.amount)]),
  ], { encoding: 'utf8bom' });

  const remittance = references('remittance', { docNo: 'FK2611-0003', date: '2026-11-05', ka: 'RTM', method: 'direct',
    lines: [...receipts.map((r) => ({ reference: r.docNo, amount: r.total, memo: null })), ...deductions.map((d) => ({ reference: d.docNo, amount: -d.total, memo: '扣款' }))] });
  writeText(join(dir, 'rtm-remittance-2026-11.csv'), [
    ['付款单号', '付款日期', '单据号', '付款金额', '备注'],
    ...remittance.lines.map((l) => [remittance.docNo, remittance.date, l.reference, yuan(l.amount), l.memo ?? '']),
  ], { encoding: 'gb18030' });

  const returns = goods('return', { docNo: 'TH2610A021002', date: '2026-10-18', ka: 'RTM', storeCode: 'A021', lines: [['P201', 1]] });
  writeText(join(dir, 'rtm-returns-2026-10.csv'), [
    ['退货单号', '退货日期', '门店', '国际条码', '品名', '退货数量', '退货单价', '退货金额'],
    ...returns.lines.map((l) => [returns.docNo, returns.date, `${returns.store}-${localName('RTM', returns.store)}`, l.barcode, l.name, `-${qty(l.qty)}`, price(l.price), `-${yuan(l.amount)}`]),
  ], { encoding: 'gb18030' });

  return [
    { file: 'rtm-receiving-2026-10.csv', expected: expected({ system: '大润发 零供协同平台 验收单明细', kind: 'receipts', options: { ka: 'RTM' }, documents: receipts,
      shapes: ['GB18030', 'title and query rows', 'store heading rows (门店：A021 …)', '单据小计 per receipt', '合计', 'yyyy/m/d', 'KA item numbers beside barcodes'] }) },
    { file: 'rtm-deductions-2026-10.xls', expected: expected({ system: '大润发 供应商扣款明细', kind: 'deductions', options: { ka: 'RTM' }, documents: deductions,
      shapes: ['HTML table saved as .xls', 'GB18030', '全系统 and blank chain-level lines', '票扣/账扣'] }) },
    { file: 'rtm-statement-2026-10.csv', expected: expected({ system: '大润发 对账单', kind: 'statements', options: { ka: 'RTM' }, documents: [statement],
      shapes: ['UTF-8 with BOM', 'receipts and deductions on one statement', 'chain-level lines without store'] }) },
    { file: 'rtm-remittance-2026-11.csv', expected: expected({ system: '大润发 付款明细', kind: 'remittances', options: { ka: 'RTM' }, documents: [remittance],
      shapes: ['GB18030', 'no store column'] }) },
    { file: 'rtm-returns-2026-10.csv', expected: expected({ system: '大润发 退货单', kind: 'returns', options: { ka: 'RTM' }, documents: [returns],
      shapes: ['negative quantities and amounts', 'store as code-name (A021-上海杨浦店)', 'product by barcode only'] }) },
  ];
}

/** 家乐福: xlsx with merged store and receipt cells, 101-上海古北店 store cells, 收货金额, DD/MM/YYYY dates. */
export async function crf(dir) {
  const receipts = [
    goods('receipt', { docNo: 'GR26100512', date: '2026-10-05', ka: 'CRF', storeCode: '101', orderNo: 'CF1009921', lines: [['P101', 3], ['P102', 2], ['P301', 1]] }),
    goods('receipt', { docNo: 'GR26101407', date: '2026-10-14', ka: 'CRF', storeCode: '102', orderNo: 'CF1010388', lines: [['P202', 2]] }),
    goods('receipt', { docNo: 'GR26102133', date: '2026-10-21', ka: 'CRF', storeCode: '215', orderNo: 'CF1011020', lines: [['P201', 4], ['P302', 1]] }),
  ];
  const rows = [];
  const merges = [];
  let at = 4;
  for (const r of receipts) {
    const cell = `${r.store}-${localName('CRF', r.store)}`;
    r.lines.forEach((l) => rows.push([cell, r.docNo, r.orderNo, dates.dmy(r.date), kaItemCode('CRF', product(l.sku)), l.barcode, `${l.name} ${l.spec}`,
      asNumber.qty(l.qty), asNumber.price(l.price), asNumber.yuan(l.amount)]));
    if (r.lines.length > 1) for (const col of [1, 2, 3, 4]) merges.push([at, at + r.lines.length - 1, col]);
    at += r.lines.length;
  }
  await writeXlsx(join(dir, 'crf-receiving-2026-10.xlsx'), {
    sheet: '收货明细', top: ['Carrefour 家乐福供应商门户 — 收货明细 Goods Receipt', ['供应商', '上海华东商贸有限公司', '', '导出日期', '01/11/2026']],
    headings: ['门店', '收货单号', '订单号', '收货日期', '商品编码', 'EAN码', '商品描述', '收货数量', '进价', '收货金额'], rows, merges,
  });

  const deductions = [
    deduction({ docNo: 'DN2610-3301', date: '2026-10-25', ka: 'CRF', storeCode: '101', lines: [['DM费', 'dm', 180_000]] }),
    deduction({ docNo: 'DN2610-3302', date: '2026-10-25', ka: 'CRF', storeCode: '101', lines: [['Admin fee', 'unknown', 15_000]] }),
    deduction({ docNo: 'DN2610-3303', date: '2026-10-26', ka: 'CRF', storeCode: '102', lines: [['新品条码费', 'barcode', 200_000], ['店庆赞助费', 'anniversary', 100_000]] }),
    deduction({ docNo: 'DN2610-3304', date: '2026-10-27', ka: 'CRF', lines: [['Delisting fee', 'unknown', 50_000]] }),
  ];
  await writeXlsx(join(dir, 'crf-deductions-2026-10.xlsx'), {
    sheet: 'Deductions', headings: ['凭证号', '门店', '费用代码', '费用描述', '金额', '日期'],
    rows: deductions.flatMap((d) => d.lines.map((l, i) => [d.docNo, d.store === '101' ? '101-上海古北店' : d.store ? `${localName('CRF', d.store)}(${d.store})` : '全国',
      ['C01', 'C09', 'C02', 'C05', 'C11'][i + (d.docNo.endsWith('3') ? 2 : 0)] ?? 'C00', l.feeText, asNumber.yuan(l.amount), dates.dmy(d.date)])),
  });

  const statement = references('statement', { docNo: 'ST202610-101', date: '2026-10-31', ka: 'CRF', lines: statementLines(receipts, deductions, { receipt: 'GR', deduction: 'DN' }) });
  writeText(join(dir, 'crf-statement-2026-10.csv'), [
    ['结算单号', '门店', '单据号', '类型', '含税金额', '结算日期'],
    ...statement.lines.map((l, i) => [statement.docNo, l.store ? (i % 2 ? `${localName('CRF', l.store)}（${l.store}）` : `${l.store}-${localName('CRF', l.store)}`) : '', l.reference, l.memo, yuan(l.amount), dates.dmy(statement.date)]),
  ], { encoding: 'utf8' });

  const remittance = references('remittance', { docNo: 'PV2611-00871', date: '2026-11-15', ka: 'CRF', method: 'direct',
    lines: [...receipts.map((r) => ({ reference: r.docNo, amount: r.total })), ...deductions.map((d) => ({ reference: d.docNo, amount: -d.total }))] });
  writeText(join(dir, 'crf-remittance-2026-11.txt'), [
    ['付款凭证号', '付款日期', '单据号', '付款金额'],
    ...remittance.lines.map((l) => [remittance.docNo, dates.dmy(remittance.date), l.reference, yuan(l.amount, { separators: false })]),
  ], { encoding: 'utf16le', separator: '\t' });

  return [
    { file: 'crf-receiving-2026-10.xlsx', expected: expected({ system: '家乐福 供应商门户 收货明细', kind: 'receipts', options: { ka: 'CRF' }, documents: receipts,
      shapes: ['xlsx', 'merged title', 'merged store, receipt, order and date cells', 'store as code-name (101-上海古北店)', '收货金额', 'DD/MM/YYYY', 'Carrefour item codes beside EAN'] }) },
    { file: 'crf-deductions-2026-10.xlsx', expected: expected({ system: '家乐福 扣款明细', kind: 'deductions', options: { ka: 'CRF' }, documents: deductions,
      shapes: ['xlsx', 'name-first store cells 上海万里店(102)', '全国 chain-level line', 'Admin fee / Delisting fee (unknown)', 'DD/MM/YYYY'] }) },
    { file: 'crf-statement-2026-10.csv', expected: expected({ system: '家乐福 结算单', kind: 'statements', options: { ka: 'CRF' }, documents: [statement],
      shapes: ['UTF-8', 'store cells code-first and name-first with full-width brackets', 'DD/MM/YYYY'] }) },
    { file: 'crf-remittance-2026-11.txt', expected: expected({ system: '家乐福 付款通知', kind: 'remittances', options: { ka: 'CRF' }, documents: [remittance],
      shapes: ['UTF-16 LE with BOM, tab-separated (Excel Unicode text)', 'DD/MM/YYYY'] }) },
  ];
}

/** 沃尔玛 Retail Link: English headings, Store Nbr / Item Nbr / UPC, MM/DD/YYYY. */
export async function wmt(dir) {
  const receipts = [
    goods('receipt', { docNo: '4810220391', date: '2026-10-06', ka: 'WMT', storeCode: '2035', orderNo: '8812004511', lines: [['P201', 2], ['P202', 1]] }),
    goods('receipt', { docNo: '4810220477', date: '2026-10-17', ka: 'WMT', storeCode: '5836', orderNo: '8812004690', lines: [['P101', 1], ['P301', 1], ['P302', 2]] }),
  ];
  writeText(join(dir, 'wmt-receiving-2026-10.csv'), [
    ['Store Nbr', 'Store Name', 'Receiving Nbr', 'PO Nbr', 'Receiving Date', 'Item Nbr', 'UPC', 'Item Desc', 'Recv Qty', 'Unit Cost', 'Extended Cost'],
    ...receipts.flatMap((r) => r.lines.map((l) => [r.store, store('WMT', r.store).name, r.docNo, r.orderNo, dates.mdy(r.date), kaItemCode('WMT', product(l.sku)), l.barcode,
      `SAMPLE ${l.sku} ${l.spec}`, qty(l.qty), price(l.price, 4), yuan(l.amount, { separators: false })])),
  ]);

  const deductions = [
    deduction({ docNo: 'WD26100031', date: '2026-10-24', ka: 'WMT', storeCode: '2035', lines: [['Retail Link信息费', 'info_service', 60_000]] }),
    deduction({ docNo: 'WD26100032', date: '2026-10-24', ka: 'WMT', storeCode: '2035', lines: [['New item listing fee', 'barcode', 300_000]] }),
    deduction({ docNo: 'WD26100033', date: '2026-10-25', ka: 'WMT', lines: [['Admin fee', 'unknown', 10_000]] }),
    deduction({ docNo: 'WD26100034', date: '2026-10-26', ka: 'WMT', storeCode: '5836', lines: [['Delisting fee', 'unknown', 80_000]] }),
    deduction({ docNo: 'WD26100035', date: '2026-10-26', ka: 'WMT', storeCode: '5836', lines: [['Late delivery penalty', 'penalty', 30_000]] }),
  ];
  writeText(join(dir, 'wmt-deductions-2026-10.csv'), [
    ['Deduction Nbr', 'Store Nbr', 'Deduction Date', 'Deduction Reason', 'Deduction Amt'],
    ...deductions.map((d) => [d.docNo, d.store ?? '', dates.mdy(d.date), d.lines[0].feeText, yuan(d.total, { separators: false })]),
  ]);

  const statement = references('statement', { docNo: 'WS2610-D01', date: '2026-10-31', ka: 'WMT', lines: statementLines(receipts, deductions, { receipt: 'RECEIVING', deduction: 'DEDUCTION' }) });
  writeText(join(dir, 'wmt-statement-2026-10.csv'), [
    ['Statement Nbr', 'Statement Date', 'Store Nbr', 'Document Nbr', 'Document Type', 'Amount'],
    ...statement.lines.map((l) => [statement.docNo, dates.mdy(statement.date), l.store ?? '', l.reference, l.memo, yuan(l.amount, { separators: false })]),
  ]);

  const remittance = references('remittance', { docNo: 'CHK0098812', date: '2026-11-20', ka: 'WMT', method: 'direct',
    lines: [...receipts.map((r) => ({ reference: r.docNo, amount: r.total, storeCode: r.store })), ...deductions.map((d) => ({ reference: d.docNo, amount: -d.total, storeCode: d.store }))] });
  writeText(join(dir, 'wmt-remittance-2026-11.csv'), [
    ['Check Nbr', 'Check Date', 'Invoice Nbr', 'Store Nbr', 'Paid Amt'],
    ...remittance.lines.map((l) => [remittance.docNo, dates.mdy(remittance.date), l.reference, l.store ?? '', yuan(l.amount, { separators: false })]),
  ]);

  const rtv = goods('return', { docNo: 'RTV2610-0042', date: '2026-10-19', ka: 'WMT', storeCode: '2035', lines: [['P202', 1]] });
  writeText(join(dir, 'wmt-returns-2026-10.csv'), [
    ['RTV Nbr', 'Store Nbr', 'RTV Date', 'UPC', 'RTV Qty', 'Unit Cost', 'Extended Cost'],
    ...rtv.lines.map((l) => [rtv.docNo, rtv.store, dates.mdy(rtv.date), l.barcode, qty(l.qty), price(l.price, 4), yuan(l.amount, { separators: false })]),
  ]);

  return [
    { file: 'wmt-receiving-2026-10.csv', expected: expected({ system: 'Walmart Retail Link receiving', kind: 'receipts', options: { ka: 'WMT' }, documents: receipts,
      shapes: ['English headings', 'Store Nbr / Item Nbr / UPC', 'MM/DD/YYYY', 'prices with four decimals'] }) },
    { file: 'wmt-deductions-2026-10.csv', expected: expected({ system: 'Walmart Retail Link deductions', kind: 'deductions', options: { ka: 'WMT' }, documents: deductions,
      shapes: ['English headings', 'blank store: chain-level', 'Admin fee, Delisting fee, Late delivery penalty'] }) },
    { file: 'wmt-statement-2026-10.csv', expected: expected({ system: 'Walmart vendor statement', kind: 'statements', options: { ka: 'WMT' }, documents: [statement],
      shapes: ['English headings', 'MM/DD/YYYY'] }) },
    { file: 'wmt-remittance-2026-11.csv', expected: expected({ system: 'Walmart remittance advice', kind: 'remittances', options: { ka: 'WMT' }, documents: [remittance],
      shapes: ['Check Nbr / Invoice Nbr / Paid Amt'] }) },
    { file: 'wmt-returns-2026-10.csv', expected: expected({ system: 'Walmart RTV', kind: 'returns', options: { ka: 'WMT' }, documents: [rtv],
      shapes: ['English headings', 'RTV Nbr'] }) },
  ];
}

/** 永辉 (SAP): 物料凭证, 采购订单, 过账日期 as yyyymmdd number cells; 扣项 files as HTML .xls; 2026年10月31日. */
export async function yh(dir) {
  const receipts = [
    goods('receipt', { docNo: '5000412287', date: '2026-10-08', ka: 'YH', storeCode: '9A12', orderNo: '4500913302', lines: [['P102', 2], ['P302', 2]] }),
    goods('receipt', { docNo: '5000413951', date: '2026-10-19', ka: 'YH', storeCode: '9B03', orderNo: '4500914420', lines: [['P201', 3]] }),
    goods('receipt', { docNo: '5000414006', date: '2026-10-20', ka: 'YH', storeCode: '9C21', orderNo: '4500914471', lines: [['P101', 1], ['P202', 1]] }),
  ];
  await writeXlsx(join(dir, 'yh-receiving-2026-10.xlsx'), {
    sheet: 'Sheet1', top: ['永辉超市供应商服务平台  收货明细'],
    headings: ['门店编码', '门店名称', '物料凭证', '采购订单', '过账日期', '商品编码', '商品条码', '商品名称', '收货数量', '含税单价', '含税金额'],
    rows: receipts.flatMap((r) => r.lines.map((l) => [r.store, store('YH', r.store).name, r.docNo, r.orderNo, Number(dates.compact(r.date)), kaItemCode('YH', product(l.sku)),
      l.barcode, l.name, asNumber.qty(l.qty), asNumber.price(l.price), asNumber.yuan(l.amount)])),
  });

  const deductions = [
    deduction({ docNo: 'KX26101801', date: '2026-10-18', ka: 'YH', storeCode: '9A12', lines: [['堆头陈列费', 'display', 250_000]] }),
    deduction({ docNo: 'KX26101802', date: '2026-10-18', ka: 'YH', storeCode: '9A12', lines: [['违约金', 'penalty', 40_000]] }),
    deduction({ docNo: 'KX26101803', date: '2026-10-19', ka: 'YH', lines: [['系统使用费', 'unknown', 20_000]] }),
    deduction({ docNo: 'KX26101804', date: '2026-10-21', ka: 'YH', storeCode: '9B03', lines: [['中秋节庆费', 'festival', 150_000]] }),
  ];
  writeHtmlXls(join(dir, 'yh-deductions-2026-10.xls'), {
    title: '永辉超市 供应商扣项明细',
    headings: ['扣项单号', '门店', '扣项名称', '扣项金额', '扣项日期'],
    rows: deductions.map((d) => [d.docNo, d.store ?? '', d.lines[0].feeText, yuan(d.total), d.date]),
  });

  const statement = references('statement', { docNo: 'YHD202610001', date: '2026-10-31', ka: 'YH', lines: statementLines(receipts, deductions, { receipt: '收货', deduction: '扣项' }) });
  writeText(join(dir, 'yh-statement-2026-10.csv'), [
    ['对账单号', '门店编码', '单据编号', '单据类型', '单据金额', '对账日期'],
    ...statement.lines.map((l) => [statement.docNo, l.store ?? '', l.reference, l.memo, yuan(l.amount), dates.cjk(statement.date)]),
  ], { encoding: 'utf8bom' });

  const remittance = references('remittance', { docNo: 'YHF2611000052', date: '2026-11-10', ka: 'YH', method: 'direct',
    lines: [{ reference: statement.docNo, amount: statement.total }] });
  writeText(join(dir, 'yh-remittance-2026-11.csv'), [
    ['付款单号', '付款日期', '关联单号', '本次付款金额'],
    ...remittance.lines.map((l) => [remittance.docNo, dates.compact(remittance.date), l.reference, yuan(l.amount)]),
  ], { encoding: 'gb18030' });

  return [
    { file: 'yh-receiving-2026-10.xlsx', expected: expected({ system: '永辉 供应商服务平台 收货明细 (SAP)', kind: 'receipts', options: { ka: 'YH' }, documents: receipts,
      shapes: ['xlsx', '物料凭证 as receipt number', '过账日期 yyyymmdd as numbers', '永辉 item codes beside barcodes'] }) },
    { file: 'yh-deductions-2026-10.xls', expected: expected({ system: '永辉 扣项明细', kind: 'deductions', options: { ka: 'YH' }, documents: deductions,
      shapes: ['HTML table saved as .xls', '扣项 headings', 'blank store with its own number: chain-level'] }) },
    { file: 'yh-statement-2026-10.csv', expected: expected({ system: '永辉 对账单', kind: 'statements', options: { ka: 'YH' }, documents: [statement],
      shapes: ['yyyy年m月d日'] }) },
    { file: 'yh-remittance-2026-11.csv', expected: expected({ system: '永辉 付款单', kind: 'remittances', options: { ka: 'YH' }, documents: [remittance],
      shapes: ['GB18030', 'yyyymmdd text', 'paid against the statement number'] }) },
  ];
}
