// Writes the export corpus into test/fixtures/corpus: the master data of one distributor's book, and files as eight
// KA portals and eight distributor ERPs export them (receiving, deductions, statements, remittances, returns,
// deliveries), each beside the documents it must give (<file>.expected.json), computed here from the generator's own
// source data. Run: node scripts/make-export-corpus.mjs   (the same files every run)
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cloud, gjp, jdy, sd } from './corpus/erp-others.mjs';
import { k3, kis, tplus, u8 } from './corpus/erp-yonyou-kingdee.mjs';
import { oddFiles } from './corpus/odd-files.mjs';
import { crf, rtm, wmt, yh } from './corpus/portals-east.mjs';
import { crv, lh, met, wm } from './corpus/portals-west.mjs';
import { CUSTOMERS, customerCode, DISTRIBUTOR, KAS, MANUFACTURER, PRODUCTS } from './corpus/world.mjs';
import { writeText } from './corpus/writers.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const base = join(root, 'test/fixtures/corpus');
const master = join(base, 'master');
const exports = join(base, 'exports');
const odd = join(base, 'odd');
for (const d of [master, exports, odd]) {
  rmSync(d, { recursive: true, force: true });
  mkdirSync(d, { recursive: true });
}

// The book's master data, as the distributor keeps it (stores carry the U8 customer codes; the other ERPs' codes
// were confirmed once and are in the customers file).
writeText(join(master, '01-manufacturers.csv'), [['厂家编码', '厂家名称'], [MANUFACTURER.code, MANUFACTURER.name]]);
writeText(join(master, '02-distributors.csv'), [['经销商编码', '经销商名称', '所属厂家', '区域'], [DISTRIBUTOR.code, DISTRIBUTOR.name, MANUFACTURER.code, DISTRIBUTOR.region]]);
writeText(join(master, '03-ka-accounts.csv'), [['系统编码', '系统名称', '账期(天)'], ...KAS.map((k) => [k.code, k.name, k.terms])]);
const u8Code = (ka, code) => (CUSTOMERS.u8.stores.some(([k, c]) => k === ka && c === code) ? customerCode('u8', ka, code) : '');
writeText(join(master, '04-stores.csv'), [
  ['门店编号', '门店名称', '所属系统', '区域', '配送经销商', 'ERP客户编码'],
  ...KAS.flatMap((k) => k.stores.map(([code, name]) => [code, name, k.code, '华东', DISTRIBUTOR.code, u8Code(k.code, code)])),
]);
writeText(join(master, '05-products.csv'), [['商品编码', '条码', '商品名称', '规格', '箱规', '税率'], ...PRODUCTS.map((p) => [p.sku, p.barcode, p.name, p.spec, p.pack, '13%'])]);
writeText(join(master, '06-customers.csv'), [
  ['客户编码', '系统', '门店编号'],
  ...Object.entries(CUSTOMERS).filter(([erp]) => erp !== 'u8').flatMap(([erp, c]) => c.stores.map(([ka, code]) => [customerCode(erp, ka, code), ka, code])),
]);

/**
 * How each file writes its store cells and its dates, as the generator wrote them: the import must read every store
 * cell that way (the preview shows the reading) and decide each date column's style so.
 */
const WRITTEN_AS = {
  'rtm-receiving-2026-10.csv': { stores: ['heading-row'], dates: ['ymd'] },
  'rtm-deductions-2026-10.xls': { stores: ['code', 'chain'], dates: ['ymd'] },
  'rtm-statement-2026-10.csv': { stores: ['code'], dates: ['ymd'] },
  'rtm-remittance-2026-11.csv': { stores: [], dates: ['ymd'] },
  'rtm-returns-2026-10.csv': { stores: ['code-and-name'], dates: ['ymd'] },
  'crf-receiving-2026-10.xlsx': { stores: ['code-and-name'], dates: ['dmy'] },
  'crf-deductions-2026-10.xlsx': { stores: ['code-and-name', 'chain'], dates: ['dmy'] },
  'crf-statement-2026-10.csv': { stores: ['code-and-name'], dates: ['dmy'] },
  'crf-remittance-2026-11.txt': { stores: [], dates: ['dmy'] },
  'wmt-receiving-2026-10.csv': { stores: ['code'], dates: ['mdy'] },
  'wmt-deductions-2026-10.csv': { stores: ['code'], dates: ['mdy'] },
  'wmt-statement-2026-10.csv': { stores: ['code'], dates: ['mdy'] },
  'wmt-remittance-2026-11.csv': { stores: ['code'], dates: ['mdy'] },
  'wmt-returns-2026-10.csv': { stores: ['code'], dates: ['mdy'] },
  'yh-receiving-2026-10.xlsx': { stores: ['code'], dates: ['compact'] },
  'yh-deductions-2026-10.xls': { stores: ['code'], dates: ['ymd'] },
  'yh-statement-2026-10.csv': { stores: ['code'], dates: ['cjk'] },
  'yh-remittance-2026-11.csv': { stores: [], dates: ['compact'] },
  'met-goodsrecview-2026-10.xlsx': { stores: ['code'], dates: ['dmy'] },
  'met-deductions-2026-10.csv': { stores: ['code'], dates: ['dmy'] },
  'met-statement-2026-10.xlsx': { stores: ['code'], dates: ['dmy'] },
  'met-remittance-2026-11.csv': { stores: [], dates: ['dmy'] },
  'crv-receiving-2026-10.csv': { stores: ['code-and-name'], dates: ['ymd'] },
  'crv-deductions-2026-10.xlsx': { stores: ['code-and-name', 'chain'], dates: ['date-cell'] },
  'crv-statement-2026-10.xls': { stores: ['code-and-name'], dates: ['ymd'] },
  'crv-remittance-2026-11.csv': { stores: [], dates: ['ymd'] },
  'wm-receiving-2026-10.csv': { stores: ['code-without-zeros'], dates: ['ymd'] },
  'wm-deductions-2026-10.csv': { stores: ['name'], dates: ['ymd'] },
  'wm-statement-2026-10.csv': { stores: ['code-without-zeros'], dates: ['ymd'] },
  'wm-remittance-2026-11.csv': { stores: [], dates: ['ymd'] },
  'lh-receiving-2026-10.xls': { stores: ['code-without-prefix'], dates: ['cjk'] },
  'lh-deductions-2026-10.csv': { stores: ['code-without-prefix', 'chain'], dates: ['ymd'] },
  'lh-statement-2026-10.csv': { stores: ['code-without-prefix'], dates: ['cjk'] },
  'lh-remittance-2026-11.csv': { stores: [], dates: ['cjk'] },
  'u8-sales-out-2026-10.xlsx': { stores: ['customer-code'], dates: ['ymd'] },
  'tplus-sales-2026-10.csv': { stores: ['customer-code'], dates: ['ymd'] },
  'k3-sales-out-2026-10.xlsx': { stores: ['customer-code'], dates: ['date-cell'] },
  'kis-sales-out-2026-10.csv': { stores: ['customer-code'], dates: ['ymd'] },
  'jdy-sales-out-2026-10.xlsx': { stores: ['customer-code'], dates: ['date-cell'] },
  'cloud-sales-out-2026-10.xlsx': { stores: ['customer-code'], dates: ['ymd'] },
  'gjp-sales-2026-10.xls': { stores: ['customer-code'], dates: ['ymd'] },
  'sd-sales-2026-10.txt': { stores: ['customer-code'], dates: ['ymd'] },
};

const written = [];
for (const make of [rtm, crf, wmt, yh, met, crv, wm, lh, u8, tplus, k3, kis, jdy, cloud, gjp, sd]) written.push(...(await make(exports)));
for (const { file, expected } of written) {
  if (!WRITTEN_AS[file]) throw new Error(`say how ${file} writes its stores and dates`);
  writeFileSync(join(exports, `${file}.expected.json`), `${JSON.stringify({ ...expected, storeReadings: WRITTEN_AS[file].stores, dateStyles: WRITTEN_AS[file].dates }, null, 1)}\n`);
}
const oddWritten = await oddFiles(odd);

// A guide to what the corpus holds, for a person reviewing it.
const lines = ['# The export corpus', '', 'Written by `node scripts/make-export-corpus.mjs`; do not edit by hand. Each file in `exports/` is imported',
  'with no `--map` into one book holding `master/`, and must give exactly the documents of its `.expected.json`.', '',
  '| file | system | kind | shapes |', '|---|---|---|---|',
  ...written.map(({ file, expected }) => `| ${file} | ${expected.system} | ${expected.kind} | ${expected.shapes.join('; ')} |`), '',
  '`odd/` holds files unlike any portal: their preview proposes a mapping with confidences, and the mapping made once is reused.', '',
  ...oddWritten.map((f) => `- ${f}`), ''];
writeFileSync(join(base, 'README.md'), lines.join('\n'));
console.log(`${written.length} exports, ${readdirSync(master).length} master files and ${oddWritten.length} odd files written to ${base}`);
