// Writes the import test fixtures into test/fixtures/: copies of ../shared/fixtures/sep (hand-checked samples)
// and one generated file per quirk the importer must survive. Run: node scripts/make-import-fixtures.mjs
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'test/fixtures/import');
const sep = join(root, 'test/fixtures/sep');
mkdirSync(out, { recursive: true });
mkdirSync(sep, { recursive: true });

const shared = join(root, '../shared/fixtures/sep');
if (existsSync(shared)) for (const f of readdirSync(shared)) copyFileSync(join(shared, f), join(sep, f));

const csv = (rows) => rows.map((r) => r.map((c) => (/[",\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c))).join(',')).join('\r\n') + '\r\n';

// 大润发 receiving export: GB18030, two title rows, synonyms for every heading, thousands separators, a totals row.
writeFileSync(join(out, 'receipts-gb18030-title-totals.csv'), iconv.encode(csv([
  ['大润发供应商平台  验收明细查询'],
  ['导出时间：2026-10-02 09:15', '', '供应商：上海华东商贸有限公司'],
  ['门店代码', '验收单号', '收货日期', 'PO号', '商品条码', '品名', '收货数量', '进价', '含税金额'],
  ['A021', 'YS0915A021', '2026/09/15', 'RT0914201', '6901234500017', '示例原味饼干200g', '1,200', '6.40', '7,680.00'],
  ['A021', 'YS0915A021', '2026/09/15', 'RT0914201', '6901234500031', '示例蛋卷礼盒450g', '40', '39.90', '1,596.00'],
  ['A035', 'YS0916A035', '2026/09/16', 'RT0915302', '6901234500024', '示例巧克力饼干200g', '96', '7.20', '691.20'],
  ['合计', '', '', '', '', '', '1,336', '', '9,967.20'],
]), 'gb18030'));

// An ERP's delivery export: UTF-8 with a BOM, dates as 20260902 and 2026年9月2日, amounts with ¥ and 元.
writeFileSync(join(out, 'deliveries-utf8-bom.csv'), '\ufeff' + csv([
  ['发货单号', '发货日期', '采购单号', '门店', '货号', '发货数量', '单价', '金额'],
  ['XS2609101', '20260902', 'RT0902115', 'A021', 'P001', '120', '¥6.40', '768.00元'],
  ['XS2609101', '20260902', 'RT0902115', 'A021', 'P003', '16', '39.90', '¥638.40'],
  ['XS2609102', '2026年9月5日', 'RT0905301', 'A035', 'P002', '96', '7.2', '691.2'],
]));

// A UTF-16 (with BOM) tab-separated export, as Excel's "Unicode text" writes.
writeFileSync(join(out, 'returns-utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from([
  ['退货单号', '退货日期', '门店编号', '商品编码', '退货数量', '单价', '退货金额'].join('\t'),
  ['TH0920A021', '2026-09-20', 'A021', 'P003', '-1', '39.90', '-39.90'].join('\t'),
  ['TH0920A021', '2026-09-20', 'A021', 'P001', '-24', '6.40', '-153.60'].join('\t'),
].join('\r\n') + '\r\n', 'utf16le')]));

// A portal's .xlsx: a merged title, real numbers and dates (one as a serial number), store cells merged down the
// rows of each receipt, and a totals row.
{
  const wb = new ExcelJS.Workbook();
  wb.created = new Date('2026-10-01T00:00:00Z');
  wb.modified = new Date('2026-10-01T00:00:00Z');
  const ws = wb.addWorksheet('验收单');
  ws.addRow(['大润发 9月验收汇总']);
  ws.mergeCells('A1:H1');
  ws.addRow(['门店编号', '验收单号', '验收日期', '订单号', '商品编码', '实收数量', '单价', '验收金额']);
  ws.addRow(['A021', 'YS0922A021', new Date(Date.UTC(2026, 8, 22)), 'RT0921001', 'P001', 240, 6.4, 1536]);
  ws.addRow([null, null, null, null, 'P002', 48, 7.2, 345.6]);
  ws.addRow(['A035', 'YS0923A035', 46288, 'RT0922002', 'P003', 8, 39.9, 319.2]);
  ws.mergeCells('A3:A4');
  ws.mergeCells('B3:B4');
  ws.mergeCells('C3:C4');
  ws.mergeCells('D3:D4');
  ws.addRow(['合计', null, null, null, null, 296, null, 2200.8]);
  await wb.xlsx.writeFile(join(out, 'receipts-portal.xlsx'));
}

// A ".xls" that is really an HTML table (a common portal export), in GB18030 with a charset meta tag.
writeFileSync(join(out, 'deductions-portal.xls'), iconv.encode(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head>
<body><table border="1">
<tr><td colspan="6">永辉超市 供应商扣款明细 2026年9月</td></tr>
<tr><th>扣款单号</th><th>扣款日期</th><th>门店编号</th><th>扣款项目</th><th>扣款金额</th><th>扣款方式</th></tr>
<tr><td>YHK2609-001</td><td>2026-09-30</td><td>A021</td><td>海报费</td><td>1,200.00</td><td>账扣</td></tr>
<tr><td>YHK2609-002</td><td>2026-09-30</td><td>A035</td><td>店庆费</td><td>800.00</td><td>票扣</td></tr>
<tr><td>合计</td><td></td><td></td><td></td><td>2,000.00</td><td></td></tr>
</table></body></html>`, 'gb18030'));

// A true binary Excel 97 file (its OLE header is enough to be recognised).
writeFileSync(join(out, 'old-binary.xls'), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504, 0)]));

// Deliveries with one fault per row (rows 3 to 9), and two good rows that must not be imported either.
writeFileSync(join(out, 'deliveries-bad-rows.csv'), csv([
  ['送货单号', '送货日期', '订单号', '门店编号', '商品编码', '数量', '单价', '金额'],
  ['XS2609201', '2026-09-02', 'RT1', 'A021', 'P001', '10', '6.40', '64.00'],
  ['XS2609202', '2026-09-02', 'RT2', 'Z999', 'P001', '10', '6.40', '64.00'],
  ['XS2609203', '2026-13-02', 'RT3', 'A021', 'P001', '10', '6.40', '64.00'],
  ['XS2609204', '2026-09-02', 'RT4', 'A021', 'P001', '10', '6.40', '6,40.00'],
  ['XS2609205', '2026-09-02', 'RT5', 'A021', 'P001', '10', '6.40', '65.00'],
  ['XS2609206', '2026-09-02', 'RT6', 'A021', 'P999', '10', '6.40', '64.00'],
  ['XS2609207', '2026-09-02', 'RT7', 'A021', 'P001', 'ten', '6.40', '64.00'],
  ['XS2609201', '2026-09-02', 'RT1', 'A021', 'P001', '10', '6.40', '64.00'],
  ['XS2609208', '2026-09-02', 'RT8', 'A035', 'P002', '12', '7.20', '86.40'],
]));

// KA statement, remittance and manufacturer credits, for the document kinds without a sample.
writeFileSync(join(out, 'statements-rtm.csv'), csv([
  ['对账单号', '日期', '门店编号', '单据号', '单据类型', '金额'],
  ['DZ202609D01', '2026-09-30', 'A021', 'YS0903A021', '验收', '1,366.50'],
  ['DZ202609D01', '2026-09-30', 'A035', 'YS0906A035', '验收', '691.20'],
  ['DZ202609D01', '2026-09-30', 'A021', 'KF2609-01', '扣款', '-1,600.00'],
]));
writeFileSync(join(out, 'remittances-rtm.csv'), csv([
  ['付款单号', '付款日期', '参考单号', '付款金额', '结算方式'],
  ['FK261102D01', '2026-11-02', 'YS0903A021', '1,366.50', '直营'],
  ['FK261102D01', '2026-11-02', 'KF2609-01', '-1,600.00', '直营'],
  ['FK261102D01', '2026-11-02', 'YS0906A035', '691.20', '直营'],
]));
writeFileSync(join(out, 'manufacturer-credits.csv'), csv([
  ['核销单号', '日期', '经销商编码', '兑付方式', '参考单号', '金额', '备注'],
  ['HX2610-001', '2026-10-15', 'D01', '现金', 'KF2609-01', '1,600.00', '条码费核销'],
  ['HX2610-002', '2026-10-15', 'D01', '货补', '', '500.00', '店庆费支持'],
]));
writeFileSync(join(out, 'promotions.csv'), csv([
  ['促销编号', '系统编码', '促销名称', '促销类型', '促销开始', '促销结束', '商品编码', '正常供价', '促销供价', '参加门店'],
  ['CX-RTM-2609', 'RTM', '大润发中秋档期', 'DM', '2026-09-10', '2026-09-23', 'P001', '6.40', '5.60', 'A021;A035'],
  ['CX-RTM-2609', 'RTM', '大润发中秋档期', 'DM', '2026-09-10', '2026-09-23', 'P003', '39.90', '33.90', 'A021;A035'],
]));
writeFileSync(join(out, 'contracts.json'), JSON.stringify({
  contracts: [{
    code: 'HT-RTM-2026', manufacturerCode: 'M01', kaCode: 'RTM', validFrom: '2026-01-01', validTo: '2026-12-31',
    feePoints: 70000, paymentTermsDays: 60, settlementMode: 'direct',
    rebate: { tierMode: 'whole', basis: 'annual', direction: 'to_ka', excludesPromotions: true,
      tiers: [{ threshold: 800000000, rate: 20000 }, { threshold: 900000000, rate: 25000 }], excludedProducts: ['P003'] },
    feeTerms: [{ feeType: 'barcode', manufacturerShare: 1000000, maxAmount: 200000 }, { feeType: 'anniversary', manufacturerShare: 500000 },
      { feeType: 'end_cap', manufacturerShare: 500000 }, { feeType: 'other', allowed: false, manufacturerShare: 0 }],
    deliveryCost: [{ method: 'percent', rate: 30000, monthlyFloor: 50000, monthlyCap: 3000000 }],
  }],
}, null, 2) + '\n');
console.log(`fixtures written to ${out} and ${sep}`);

// End-to-end fixtures for the demo book (seed 1): 大润发 stores A010/A011, products P001–P003 at their contract
// prices. One delivery is received short, one not at all; the bad-rows file names an unknown store and a bad amount.
const e2e = join(root, 'test/fixtures/e2e');
mkdirSync(e2e, { recursive: true });
const deliveryHeader = ['送货单号', '送货日期', '订单号', '门店编号', '商品编码', '数量', '单价', '金额', '备注'];
writeFileSync(join(e2e, 'rtm-deliveries.csv'), iconv.encode(csv([
  ['大润发 送货明细（经销商导出）'],
  deliveryHeader,
  ['XSE2E001', '2026-10-28', 'POE2E001', 'A010', 'P001', '120', '5.22', '626.40', '早班'],
  ['XSE2E001', '2026-10-28', 'POE2E001', 'A010', 'P002', '24', '9.07', '217.68', ''],
  ['XSE2E002', '2026-10-29', 'POE2E002', 'A011', 'P003', '60', '9.40', '564.00', '晚班'],
]), 'gb18030'));
writeFileSync(join(e2e, 'rtm-receipts.csv'), '\ufeff' + csv([
  ['验收单号', '验收日期', '订单号', '门店编号', '商品编码', '验收数量', '单价', '金额'],
  ['YSE2E001', '2026-10-29', 'POE2E001', 'A010', 'P001', '100', '5.22', '522.00'],
  ['YSE2E001', '2026-10-29', 'POE2E001', 'A010', 'P002', '24', '9.07', '217.68'],
]));
writeFileSync(join(e2e, 'rtm-deliveries-bad-rows.csv'), '\ufeff' + csv([
  deliveryHeader,
  ['XSE2E101', '2026-10-28', 'POE2E101', 'A010', 'P001', '10', '5.22', '52.20', ''],
  ['XSE2E102', '2026-10-28', 'POE2E102', 'Z999', 'P001', '10', '5.22', '52.20', ''],
  ['XSE2E103', '2026-10-28', 'POE2E103', 'A010', 'P002', '10', '9.07', '12x.00', ''],
]));
