// KA portal exports, part two: 麦德龙 (GoodsRecView), 华润万家 (供应商平台), 物美 (多点供应商平台), 联华 (供应商平台).
import { join } from 'node:path';
import { deduction, expected, goods, references, statementLines } from './documents.mjs';
import { asNumber, dates, price, qty, yuan } from './money.mjs';
import { kaItemCode, PRODUCTS, store } from './world.mjs';
import { writeHtmlXls, writeText, writeXlsx } from './writers.mjs';

const product = (sku) => PRODUCTS.find((p) => p.sku === sku);
const localName = (ka, code) => { const s = store(ka, code); return s.name.replace(s.kaName, ''); };

/** 麦德龙 GoodsRecView: no receipt numbers (one per store, PO and date), Article numbers beside EAN, DD.MM.YYYY. */
export async function met(dir) {
  const synthetic = (storeCode, po, date) => `${storeCode}-${po}-${date.replace(/-/g, '')}`;
  const receipts = [
    ['11', '7001488', '2026-10-06', [['P101', 2], ['P202', 1]]],
    ['27', '7001502', '2026-10-15', [['P301', 3]]],
    ['11', '7001533', '2026-10-22', [['P102', 1], ['P302', 1]]],
  ].map(([s, po, date, lines]) => goods('receipt', { docNo: synthetic(s, po, date), date, ka: 'MET', storeCode: s, orderNo: po, lines }));
  await writeXlsx(join(dir, 'met-goodsrecview-2026-10.xlsx'), {
    sheet: 'GoodsRecView',
    headings: ['Store', 'PO No.', 'GR Date', 'Article', 'EAN', 'Article Description', 'GR Qty', 'Unit Cost', 'GR Value'],
    rows: receipts.flatMap((r) => r.lines.map((l) => [Number(r.store), Number(r.orderNo), dates.dmyDots(r.date), Number(kaItemCode('MET', product(l.sku))), l.barcode,
      `${l.name} ${l.spec}`, asNumber.qty(l.qty), asNumber.price(l.price), asNumber.yuan(l.amount)])),
  });

  const deductions = [
    deduction({ docNo: 'MDN-26-10-0711', date: '2026-10-23', ka: 'MET', storeCode: '11', lines: [['Listing Fee 条码费', 'barcode', 150_000]] }),
    deduction({ docNo: 'MDN-26-10-0712', date: '2026-10-23', ka: 'MET', storeCode: '27', lines: [['Mailing Fee 邮报费', 'dm', 90_000]] }),
    deduction({ docNo: 'MDN-26-10-0713', date: '2026-10-24', ka: 'MET', lines: [['Admin fee', 'unknown', 12_000]] }),
  ];
  writeText(join(dir, 'met-deductions-2026-10.csv'), [
    ['Debit Note No.', 'Store', 'Date', 'Charge Description', 'Amount'],
    ...deductions.map((d) => [d.docNo, d.store ?? '', dates.dmyDots(d.date), d.lines[0].feeText, yuan(d.total, { separators: false })]),
  ]);

  const statement = references('statement', { docNo: 'MS2610-D01', date: '2026-10-31', ka: 'MET', lines: statementLines(receipts, deductions, { receipt: 'GR', deduction: 'DN' }) });
  await writeXlsx(join(dir, 'met-statement-2026-10.xlsx'), {
    sheet: 'Statement', top: ['METRO Cash & Carry China — Vendor Statement'],
    headings: ['Statement No.', 'Statement Date', 'Store', 'Document No.', 'Doc Type', 'Amount'],
    rows: statement.lines.map((l) => [statement.docNo, dates.dmyDots(statement.date), l.store ? Number(l.store) : null, l.reference, l.memo, asNumber.yuan(l.amount)]),
  });

  const remittance = references('remittance', { docNo: 'MP26110016', date: '2026-11-16', ka: 'MET', method: 'direct',
    lines: [{ reference: statement.docNo, amount: statement.total }] });
  writeText(join(dir, 'met-remittance-2026-11.csv'), [
    ['Payment No.', 'Value Date', 'Reference', 'Payment Amount'],
    ...remittance.lines.map((l) => [remittance.docNo, dates.dmyDots(remittance.date), l.reference, yuan(l.amount)]),
  ], { encoding: 'utf8bom' });

  return [
    { file: 'met-goodsrecview-2026-10.xlsx', expected: expected({ system: '麦德龙 GoodsRecView', kind: 'receipts', options: { ka: 'MET' }, documents: receipts,
      shapes: ['xlsx', 'no receipt numbers', 'Article numbers beside EAN', 'DD.MM.YYYY', 'store and PO as number cells'] }) },
    { file: 'met-deductions-2026-10.csv', expected: expected({ system: '麦德龙 Debit Notes', kind: 'deductions', options: { ka: 'MET' }, documents: deductions,
      shapes: ['English headings', 'bilingual wordings (Listing Fee 条码费)', 'DD.MM.YYYY'] }) },
    { file: 'met-statement-2026-10.xlsx', expected: expected({ system: '麦德龙 Vendor Statement', kind: 'statements', options: { ka: 'MET' }, documents: [statement],
      shapes: ['xlsx', 'merged title', 'DD.MM.YYYY'] }) },
    { file: 'met-remittance-2026-11.csv', expected: expected({ system: '麦德龙 Payment Advice', kind: 'remittances', options: { ka: 'MET' }, documents: [remittance],
      shapes: ['Value Date', 'DD.MM.YYYY'] }) },
  ];
}

/** 华润万家: GB18030 CSV with title, 1012 华润万家深圳蛇口店 store cells, tax-inclusive and exclusive amounts, 本页合计. */
export async function crv(dir) {
  const receipts = [
    goods('receipt', { docNo: 'YS1012261007', date: '2026-10-07', ka: 'CRV', storeCode: '1012', orderNo: 'CG2610070012', lines: [['P201', 2], ['P202', 1]] }),
    goods('receipt', { docNo: 'YS2033261015', date: '2026-10-15', ka: 'CRV', storeCode: '2033', orderNo: 'CG2610150033', lines: [['P301', 2]] }),
  ];
  const excl = (fen) => Math.round(fen / 1.13);
  const rows = receipts.flatMap((r) => r.lines.map((l) => [`${r.store} ${store('CRV', r.store).name}`, r.docNo, r.orderNo, r.date, l.sku, l.barcode, l.name, l.spec, '袋',
    qty(l.qty), price(l.price), yuan(l.amount), yuan(excl(l.amount)), yuan(l.amount - excl(l.amount))]));
  const total = receipts.reduce((s, r) => s + r.total, 0);
  writeText(join(dir, 'crv-receiving-2026-10.csv'), [
    ['华润万家供应商平台—验收单查询'],
    ['门店', '验收单号', '订单编号', '验收日期', '商品编码', '商品条码', '商品名称', '规格', '单位', '验收数量', '含税进价', '含税进价金额', '不含税金额', '税额'],
    ...rows,
    ['本页合计', '', '', '', '', '', '', '', '', '', '', yuan(total), '', ''],
  ], { encoding: 'gb18030' });

  const deductions = [
    deduction({ docNo: 'FY2610-1020-01', date: '2026-10-22', ka: 'CRV', storeCode: '1020', method: 'invoice', lines: [['进场费', 'entry', 300_000]] }),
    deduction({ docNo: 'FY2610-1012-02', date: '2026-10-22', ka: 'CRV', storeCode: '1012', lines: [['促销服务费', 'promo_service', 45_000]] }),
    deduction({ docNo: 'FY2610-0000-03', date: '2026-10-23', ka: 'CRV', lines: [['物流配送服务费', 'unknown', 66_000]] }),
  ];
  await writeXlsx(join(dir, 'crv-deductions-2026-10.xlsx'), {
    headings: ['费用单号', '门店', '费用名称', '费用金额', '费用日期', '扣款方式'],
    rows: deductions.map((d) => [d.docNo, d.store ? `${d.store} ${store('CRV', d.store).name}` : '全部门店', d.lines[0].feeText, asNumber.yuan(d.total), dates.cell(d.date), d.method === 'invoice' ? '票扣' : '账扣']),
    numFmt: { 5: 'yyyy-mm-dd' },
  });

  const statement = references('statement', { docNo: 'JS202610-CRV-88', date: '2026-10-31', ka: 'CRV', lines: statementLines(receipts, deductions, { receipt: '验收单', deduction: '费用单' }) });
  writeHtmlXls(join(dir, 'crv-statement-2026-10.xls'), {
    encoding: 'utf8', title: '华润万家 供应商结算单',
    headings: ['结算单号', '门店', '单据号', '单据类型', '金额', '日期'],
    rows: statement.lines.map((l) => [statement.docNo, l.store ? `${l.store} ${store('CRV', l.store).name}` : '', l.reference, l.memo, yuan(l.amount), statement.date]),
  });

  const remittance = references('remittance', { docNo: 'FK-CRV-2611-031', date: '2026-11-12', ka: 'CRV', method: 'direct', lines: [{ reference: statement.docNo, amount: statement.total }] });
  writeText(join(dir, 'crv-remittance-2026-11.csv'), [
    ['付款单号', '付款日期', '结算单号', '付款金额'],
    ...remittance.lines.map((l) => [remittance.docNo, remittance.date, l.reference, yuan(l.amount)]),
  ], { encoding: 'gb18030' });

  return [
    { file: 'crv-receiving-2026-10.csv', expected: expected({ system: '华润万家 供应商平台 验收单', kind: 'receipts', options: { ka: 'CRV' }, documents: receipts,
      shapes: ['GB18030', 'title row', 'store as code and name (1012 华润万家深圳蛇口店)', '含税进价金额 beside 不含税金额 and 税额', '本页合计'] }) },
    { file: 'crv-deductions-2026-10.xlsx', expected: expected({ system: '华润万家 费用单', kind: 'deductions', options: { ka: 'CRV' }, documents: deductions,
      shapes: ['xlsx', 'date cells', '全部门店', '票扣/账扣'] }) },
    { file: 'crv-statement-2026-10.xls', expected: expected({ system: '华润万家 结算单', kind: 'statements', options: { ka: 'CRV' }, documents: [statement],
      shapes: ['HTML table saved as .xls', 'UTF-8'] }) },
    { file: 'crv-remittance-2026-11.csv', expected: expected({ system: '华润万家 付款单', kind: 'remittances', options: { ka: 'CRV' }, documents: [remittance],
      shapes: ['GB18030', 'paid against the statement number'] }) },
  ];
}

/** 物美: store numbers without their leading zeros (101 for 0101), a name-only store column, yyyy/m/d. */
export async function wm(dir) {
  const receipts = [
    goods('receipt', { docNo: 'SH26100701', date: '2026-10-07', ka: 'WM', storeCode: '0101', orderNo: 'WMCG2610-0233', lines: [['P101', 1], ['P201', 2]] }),
    goods('receipt', { docNo: 'SH26101302', date: '2026-10-13', ka: 'WM', storeCode: '0216', orderNo: 'WMCG2610-0298', lines: [['P302', 3]] }),
  ];
  writeText(join(dir, 'wm-receiving-2026-10.csv'), [
    ['店号', '店名', '收货单号', '采购单号', '收货日期', '商品编码', '条码', '商品名称', '实收数量', '进价', '进价金额'],
    ...receipts.flatMap((r) => r.lines.map((l) => [String(Number(r.store)), store('WM', r.store).name, r.docNo, r.orderNo, dates.slashShort(r.date), l.sku, l.barcode, l.name,
      qty(l.qty), price(l.price), yuan(l.amount)])),
  ], { encoding: 'utf8bom' });

  const deductions = [
    deduction({ docNo: 'WMKK2610031', date: '2026-10-26', ka: 'WM', storeCode: '0101', lines: [['下架费', 'unknown', 50_000]] }),
    deduction({ docNo: 'WMKK2610032', date: '2026-10-26', ka: 'WM', storeCode: '0101', lines: [['端架费', 'end_cap', 120_000]] }),
    deduction({ docNo: 'WMKK2610033', date: '2026-10-27', ka: 'WM', storeCode: '0108', lines: [['节庆费（国庆）', 'festival', 88_000]] }),
    deduction({ docNo: 'WMKK2610034', date: '2026-10-27', ka: 'WM', lines: [['促销服务费', 'promo_service', 36_000]] }),
  ];
  writeText(join(dir, 'wm-deductions-2026-10.csv'), [
    ['扣款编号', '门店', '扣款类型', '扣款金额', '扣款日期'],
    ...deductions.map((d) => [d.docNo, d.store ? localName('WM', d.store) : '', d.lines[0].feeText, yuan(d.total), dates.slashShort(d.date)]),
  ], { encoding: 'gb18030' });

  const statement = references('statement', { docNo: 'WMDZ-2610-D01', date: '2026-10-31', ka: 'WM', lines: statementLines(receipts, deductions, { receipt: '收货', deduction: '扣款' }) });
  writeText(join(dir, 'wm-statement-2026-10.csv'), [
    ['对账单编号', '店号', '业务单号', '业务类型', '金额', '对账日期'],
    ...statement.lines.map((l) => [statement.docNo, l.store ? String(Number(l.store)) : '', l.reference, l.memo, yuan(l.amount), dates.slashShort(statement.date)]),
  ], { encoding: 'utf8bom' });

  const remittance = references('remittance', { docNo: 'WMFK2611-0007', date: '2026-11-08', ka: 'WM', method: 'direct',
    lines: [...receipts.map((r) => ({ reference: r.docNo, amount: r.total })), ...deductions.map((d) => ({ reference: d.docNo, amount: -d.total }))] });
  writeText(join(dir, 'wm-remittance-2026-11.csv'), [
    ['付款单号', '付款日期', '对应单据', '实付金额'],
    ...remittance.lines.map((l) => [remittance.docNo, dates.slashShort(remittance.date), l.reference, yuan(l.amount)]),
  ], { encoding: 'utf8bom' });

  return [
    { file: 'wm-receiving-2026-10.csv', expected: expected({ system: '物美 供应商平台 收货单', kind: 'receipts', options: { ka: 'WM' }, documents: receipts,
      shapes: ['UTF-8 with BOM', 'store numbers without leading zeros (101 for 0101)', 'yyyy/m/d'] }) },
    { file: 'wm-deductions-2026-10.csv', expected: expected({ system: '物美 扣款单', kind: 'deductions', options: { ka: 'WM' }, documents: deductions,
      shapes: ['GB18030', 'stores named only by name (联想桥店)', '下架费 (unknown)'] }) },
    { file: 'wm-statement-2026-10.csv', expected: expected({ system: '物美 对账单', kind: 'statements', options: { ka: 'WM' }, documents: [statement],
      shapes: ['业务单号 / 业务类型', 'store numbers without leading zeros'] }) },
    { file: 'wm-remittance-2026-11.csv', expected: expected({ system: '物美 付款单', kind: 'remittances', options: { ka: 'WM' }, documents: [remittance],
      shapes: ['对应单据 / 实付金额'] }) },
  ];
}

/** 联华: HTML .xls in GB18030, [0035]联华南京东路店 store cells without the LH prefix, yyyy年m月d日. */
export async function lh(dir) {
  const receipts = [
    goods('receipt', { docNo: 'YSD2610080035', date: '2026-10-08', ka: 'LH', storeCode: 'LH0035', orderNo: 'PO26100335', lines: [['P201', 2], ['P301', 1]] }),
    goods('receipt', { docNo: 'YSD2610170117', date: '2026-10-17', ka: 'LH', storeCode: 'LH0117', orderNo: 'PO26100417', lines: [['P102', 2]] }),
  ];
  const bracket = (code) => `[${code.replace('LH', '')}]${store('LH', code).name}`;
  writeHtmlXls(join(dir, 'lh-receiving-2026-10.xls'), {
    title: '联华超市股份有限公司  供应商验收单',
    headings: ['门店', '验收单号', '订单号', '验收日期', '商品代码', '条形码', '商品名称', '实收数', '含税进价', '含税进货金额'],
    rows: receipts.flatMap((r) => r.lines.map((l) => [bracket(r.store), r.docNo, r.orderNo, dates.cjk(r.date), l.sku, l.barcode, l.name, qty(l.qty), price(l.price), yuan(l.amount)])),
  });

  const deductions = [
    deduction({ docNo: 'LHFY-2610-101', date: '2026-10-20', ka: 'LH', storeCode: 'LH0035', lines: [['进场费', 'entry', 200_000], ['损耗补偿', 'shrinkage', 18_000]] }),
    deduction({ docNo: 'LHFY-2610-102', date: '2026-10-21', ka: 'LH', lines: [['年度返利', 'rebate', 300_000]] }),
    deduction({ docNo: 'LHFY-2610-103', date: '2026-10-21', ka: 'LH', storeCode: 'LH0042', lines: [['促销员管理费', 'promo_service', 25_000]] }),
  ];
  writeText(join(dir, 'lh-deductions-2026-10.csv'), [
    ['单据号', '门店', '费用项目', '金额', '日期', '备注'],
    ...deductions.flatMap((d) => d.lines.map((l, i) => [i ? '' : d.docNo, i ? '' : d.store ? bracket(d.store) : '全系统', l.feeText, yuan(l.amount), i ? '' : d.date, ''])),
  ], { encoding: 'gb18030' });

  const statement = references('statement', { docNo: 'LHJS2610-D01', date: '2026-10-31', ka: 'LH', lines: statementLines(receipts, deductions, { receipt: '验收', deduction: '费用' }) });
  writeText(join(dir, 'lh-statement-2026-10.csv'), [
    ['结算单号', '门店', '原单号', '单据类型', '结算金额', '结算日期'],
    ...statement.lines.map((l) => [statement.docNo, l.store ? bracket(l.store) : '', l.reference, l.memo, yuan(l.amount), dates.cjk(statement.date)]),
  ], { encoding: 'gb18030' });

  const remittance = references('remittance', { docNo: 'LHFK2611-0019', date: '2026-11-18', ka: 'LH', method: 'direct', lines: [{ reference: statement.docNo, amount: statement.total }] });
  writeText(join(dir, 'lh-remittance-2026-11.csv'), [
    ['付款单号', '付款日期', '结算单号', '付款金额'],
    ...remittance.lines.map((l) => [remittance.docNo, dates.cjk(remittance.date), l.reference, yuan(l.amount)]),
  ], { encoding: 'gb18030' });

  return [
    { file: 'lh-receiving-2026-10.xls', expected: expected({ system: '联华 供应商验收单', kind: 'receipts', options: { ka: 'LH' }, documents: receipts,
      shapes: ['HTML table saved as .xls', 'GB18030', 'store as [0035]联华南京东路店 (code without the LH prefix)', 'yyyy年m月d日', '实收数'] }) },
    { file: 'lh-deductions-2026-10.csv', expected: expected({ system: '联华 费用单', kind: 'deductions', options: { ka: 'LH' }, documents: deductions,
      shapes: ['continuation lines with blank number, store and date', '全系统 line'] }) },
    { file: 'lh-statement-2026-10.csv', expected: expected({ system: '联华 结算单', kind: 'statements', options: { ka: 'LH' }, documents: [statement],
      shapes: ['原单号', 'yyyy年m月d日'] }) },
    { file: 'lh-remittance-2026-11.csv', expected: expected({ system: '联华 付款单', kind: 'remittances', options: { ka: 'LH' }, documents: [remittance],
      shapes: ['yyyy年m月d日'] }) },
  ];
}
