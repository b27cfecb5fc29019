// Files unlike any portal's: headings no system uses, so the import can only propose a mapping (from the values: a
// store column of known codes, 69- barcodes, dates, amount = quantity × price); the user confirms it once and the
// next month's file of the same shape is read with it. And an ERP export naming a customer the book has never seen.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expected, goods } from './documents.mjs';
import { dates, price, qty, yuan } from './money.mjs';
import { customerName } from './world.mjs';
import { writeText } from './writers.mjs';

const HEADINGS = ['Ref', 'When', 'Where', 'What', 'How many', 'Each', 'Sum'];
/** The mapping a user gives the odd file in the wizard (or with --map): heading → field. */
export const ODD_MAPPING = { Ref: 'docNo', When: 'date', Where: 'storeCode', What: 'barcode', 'How many': 'qty', Each: 'price', Sum: 'amount' };

function oddRows(docs) {
  return [HEADINGS, ...docs.flatMap((d) => d.lines.map((l) => [d.docNo, dates.iso(d.date), d.store, l.barcode, qty(l.qty), price(l.price), yuan(l.amount, { separators: false })]))];
}

export async function oddFiles(dir) {
  const october = [
    goods('receipt', { docNo: 'R-2610-001', date: '2026-10-04', ka: 'MET', storeCode: '11', lines: [['P201', 1], ['P302', 2]] }),
    goods('receipt', { docNo: 'R-2610-002', date: '2026-10-11', ka: 'MET', storeCode: '35', lines: [['P102', 1]] }),
  ];
  const november = [goods('receipt', { docNo: 'R-2611-001', date: '2026-11-03', ka: 'MET', storeCode: '27', lines: [['P301', 2], ['P201', 1]] })];
  writeText(join(dir, 'odd-receipts-2026-10.csv'), oddRows(october));
  writeText(join(dir, 'odd-receipts-2026-11.csv'), oddRows(november));

  const fresh = [goods('delivery', { docNo: 'XHD-2026-10-0077', date: '2026-10-22', ka: 'CRF', storeCode: '101', orderNo: 'CF1011251', lines: [['P101', 2]], issuer: 'D01' })];
  writeText(join(dir, 'erp-new-customer-2026-10.csv'), [
    ['单据日期', '单据编号', '客户编码', '客户名称', '存货编码', '存货名称', '数量', '含税单价', '含税金额', '外部订单号'],
    ...fresh.flatMap((d) => d.lines.map((l) => [dates.slashShort(d.date), d.docNo, 'KH0099', customerName(d.ka, d.store), l.sku, l.name, qty(l.qty), price(l.price), yuan(l.amount), d.orderNo])),
  ], { encoding: 'utf8bom' });

  const out = [
    ['odd-receipts-2026-10.csv', expected({ system: 'a portal no one has seen (October)', kind: 'receipts', options: { ka: 'MET' }, documents: october, shapes: ['headings no system uses'] })],
    ['odd-receipts-2026-11.csv', expected({ system: 'the same portal (November)', kind: 'receipts', options: { ka: 'MET' }, documents: november, shapes: ['the same headings'] })],
    ['erp-new-customer-2026-10.csv', { ...expected({ system: '用友 T+ with a new customer', kind: 'deliveries', documents: fresh, shapes: ['an ERP customer code the book does not know'] }),
      unknownCustomer: { code: 'KH0099', name: customerName('CRF', '101'), ka: 'CRF', store: '101' } }],
  ];
  for (const [file, e] of out) writeFileSync(join(dir, `${file}.expected.json`), `${JSON.stringify(e, null, 1)}\n`);
  writeFileSync(join(dir, 'odd-mapping.json'), `${JSON.stringify(ODD_MAPPING, null, 1)}\n`);
  return out.map(([file]) => file);
}
