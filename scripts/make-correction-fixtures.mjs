// Writes the corrections test fixtures into test/fixtures/corrections/: a KA's receipts as first sent and as sent
// again corrected (one quantity changed, one receipt added), a remittance naming the receipts, a deduction, and a
// corrected re-send of the demo book's e2e receipts. Small and hand-checkable. Run: node scripts/make-correction-fixtures.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'test/fixtures/corrections');
mkdirSync(out, { recursive: true });
const csv = (rows) => '\ufeff' + rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n') + '\r\n';
const receiptHeader = ['验收单号', '验收日期', '订单号', '门店编号', '商品编码', '验收数量', '单价', '金额'];

// The September sample's master data (test/fixtures/sep): 大润发 RTM stores A021 and A035, products P001–P003.
// YSC001 = 768.00 + 598.50 = 1,366.50; YSC002 = 691.20; together 2,057.70.
writeFileSync(join(out, 'rtm-receipts-v1.csv'), csv([
  receiptHeader,
  ['YSC001', '2026-09-03', 'POC001', 'A021', 'P001', '120', '6.40', '768.00'],
  ['YSC001', '2026-09-03', 'POC001', 'A021', 'P003', '15', '39.90', '598.50'],
  ['YSC002', '2026-09-06', 'POC002', 'A035', 'P002', '96', '7.20', '691.20'],
]));
// Sent again: the store counted 16 of P003 on YSC001 (598.50 → 638.40, the receipt 1,366.50 → 1,406.40), and YSC003 is new.
writeFileSync(join(out, 'rtm-receipts-v2.csv'), csv([
  receiptHeader,
  ['YSC001', '2026-09-03', 'POC001', 'A021', 'P001', '120', '6.40', '768.00'],
  ['YSC001', '2026-09-03', 'POC001', 'A021', 'P003', '16', '39.90', '638.40'],
  ['YSC002', '2026-09-06', 'POC002', 'A035', 'P002', '96', '7.20', '691.20'],
  ['YSC003', '2026-09-08', 'POC003', 'A021', 'P001', '10', '6.40', '64.00'],
]));
// An October receipt (48 × 7.20 = 345.60), re-sent with 50 accepted (360.00).
writeFileSync(join(out, 'rtm-october-v1.csv'), csv([receiptHeader, ['YSC010', '2026-10-12', 'POC010', 'A021', 'P002', '48', '7.20', '345.60']]));
writeFileSync(join(out, 'rtm-october-v2.csv'), csv([receiptHeader, ['YSC010', '2026-10-12', 'POC010', 'A021', 'P002', '50', '7.20', '360.00']]));
// Paid on 20 October, naming both receipts: 2,057.70.
writeFileSync(join(out, 'rtm-remittance.csv'), csv([
  ['付款单号', '付款日期', '参考单号', '付款金额', '结算方式'],
  ['FKC01', '2026-10-20', 'YSC001', '1,366.50', '直营'],
  ['FKC01', '2026-10-20', 'YSC002', '691.20', '直营'],
]));
// A 200.00 barcode fee on A021 (imported with --date 2026-09-30).
writeFileSync(join(out, 'rtm-deductions.csv'), csv([
  ['扣款单号', '门店编号', '费用项目', '扣款金额', '扣款方式', '备注'],
  ['KFC01', 'A021', '条码费', '200.00', '账扣', 'P003新品'],
]));
// The demo book's e2e receipt (test/fixtures/e2e/rtm-receipts.csv) re-sent: 110 of P001 accepted, not 100 (522.00 → 574.20).
writeFileSync(join(out, 'e2e-rtm-receipts-corrected.csv'), csv([
  receiptHeader,
  ['YSE2E001', '2026-10-29', 'POE2E001', 'A010', 'P001', '110', '5.22', '574.20'],
  ['YSE2E001', '2026-10-29', 'POE2E001', 'A010', 'P002', '24', '9.07', '217.68'],
]));
console.log(`fixtures written to ${out}`);
