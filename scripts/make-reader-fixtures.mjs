// Writes test/fixtures/readers/: the same 大润发 receiving records (for the September sample's stores and products)
// in every format the readers accept — binary .xls (BIFF8 and BIFF5), tab-separated text in UTF-8, GB18030 and
// UTF-16 LE/BE without a byte-order mark, a .zip of several export files — plus files whose cells hold error values,
// and the small workbook the flip test damages. expected.json holds this generator's own figures for each file.
// Each .xls is read back by LibreOffice (soffice --headless --convert-to csv) when it is installed, and compared.
// Run: node scripts/make-reader-fixtures.mjs
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import * as XLSX from '@e965/xlsx';
import * as cptable from '@e965/xlsx/dist/cpexcel.full.mjs';

XLSX.set_cptable(cptable);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'test/fixtures/readers');
mkdirSync(out, { recursive: true });

const HEADINGS = ['门店编号', '验收单号', '验收日期', '订单号', '商品编码', '实收数量', '单价', '验收金额'];
/** store, receipt, date, order, sku, quantity, price (yuan, 2 decimals), amount (yuan) */
const ROWS = [
  ['A021', 'YS1101A021', '2026-11-01', 'RT1031001', 'P001', 240, 6.4, 1536],
  ['A021', 'YS1101A021', '2026-11-01', 'RT1031001', 'P002', 48, 7.2, 345.6],
  ['A035', 'YS1102A035', '2026-11-02', 'RT1101002', 'P003', 8, 39.9, 319.2],
  ['A035', 'YS1102A035', '2026-11-02', 'RT1101002', 'P001', 96, 6.4, 614.4],
];
/** The figures a file of these rows must import as: documents, lines, total in fen (from the integers, not floats). */
function figures(rows) {
  const fen = (yuan) => Math.round(yuan * 100);
  const documents = [...new Set(rows.map((r) => r[1]))].map((doc) => ({
    docNo: doc, lines: rows.filter((r) => r[1] === doc).length, totalFen: rows.filter((r) => r[1] === doc).reduce((n, r) => n + fen(r[7]), 0),
  }));
  return { documents, lines: rows.length, totalFen: documents.reduce((n, d) => n + d.totalFen, 0) };
}
const expected = {};

/** Days since 1899-12-30, as spreadsheets store dates. */
const serial = (iso) => Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000);
const text = (rows, sep) => [HEADINGS, ...rows].map((r) => r.map((c) => (typeof c === 'number' ? (Number.isInteger(c) ? String(c) : c.toFixed(2)) : c)).join(sep)).join('\r\n') + '\r\n';

// Binary Excel 97–2003 (BIFF8), as SheetJS writes it: a title row, real numbers, dates as date-formatted numbers.
function sheetOf(rows, title) {
  const aoa = [[title], HEADINGS, ...rows.map((r) => [r[0], r[1], serial(r[2]), r[3], r[4], r[5], r[6], r[7]])];
  const ws = XLSX.utils.aoa_to_sheet(aoa);
  for (let i = 0; i < rows.length; i++) ws[XLSX.utils.encode_cell({ r: i + 2, c: 2 })].z = 'yyyy-mm-dd';
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'Sheet1');
  return wb;
}
writeFileSync(join(out, 'receipts-biff8.xls'), XLSX.write(sheetOf(ROWS, '大润发验收明细'), { type: 'buffer', bookType: 'biff8' }));
expected['receipts-biff8.xls'] = { format: 'xls', headerRow: 2, ...figures(ROWS) };

// Excel 5/95 (BIFF5) keeps text in the workbook's code page; Chinese Excel 95 wrote code page 936 (GBK). SheetJS
// writes BIFF5 in code page 1252 only, so each text is written as an ASCII placeholder of the same byte length, then
// the placeholders are replaced by the GBK bytes and the CODEPAGE record set to 936: nothing else moves.
{
  const gbk = new Map();
  let n = 0;
  const placeholder = (s) => {
    const bytes = iconv.encode(s, 'gbk');
    if (bytes.length === Buffer.byteLength(s, 'latin1') && /^[\x20-\x7e]*$/.test(s)) return s;
    const key = `Q${(n++).toString(36).toUpperCase()}`.padEnd(bytes.length, 'Z');
    if (key.length !== bytes.length) throw new Error(`placeholder for ${s} does not fit`);
    gbk.set(key, bytes);
    return key;
  };
  const title = '大润发验收明细（Excel 95）';
  const wb = sheetOf(ROWS, placeholder(title));
  const ws = wb.Sheets.Sheet1;
  HEADINGS.forEach((h, c) => { ws[XLSX.utils.encode_cell({ r: 1, c })].v = placeholder(h); });
  const bytes = Buffer.from(XLSX.write(wb, { type: 'buffer', bookType: 'biff5' }));
  for (const [key, value] of gbk) {
    const at = bytes.indexOf(Buffer.from(key, 'latin1'));
    if (at < 0 || bytes.indexOf(Buffer.from(key, 'latin1'), at + 1) >= 0) throw new Error(`placeholder ${key} not found once`);
    value.copy(bytes, at);
  }
  // CODEPAGE record (0x0042, 2 bytes): 1252 (E4 04) → 936 (A8 03).
  const cp = bytes.indexOf(Buffer.from([0x42, 0x00, 0x02, 0x00, 0xe4, 0x04]));
  if (cp < 0) throw new Error('no CODEPAGE record');
  bytes.writeUInt16LE(936, cp + 4);
  writeFileSync(join(out, 'receipts-biff5.xls'), bytes);
  expected['receipts-biff5.xls'] = { format: 'xls', headerRow: 2, ...figures(ROWS) };
}

// Tab-separated text: .tsv in UTF-8; .txt in GB18030 with a title row (as 导出为文本 writes it on Chinese Windows);
// UTF-16 little- and big-endian without a byte-order mark (some portals' "Unicode text").
writeFileSync(join(out, 'receipts.tsv'), text(ROWS, '\t'));
expected['receipts.tsv'] = { format: 'tsv', encoding: 'utf8', headerRow: 1, ...figures(ROWS) };
writeFileSync(join(out, 'receipts-gb18030-tab.txt'), iconv.encode(`大润发验收明细\t\t导出时间：2026-11-03\r\n${text(ROWS, '\t')}`, 'gb18030'));
expected['receipts-gb18030-tab.txt'] = { format: 'tsv', encoding: 'gb18030', headerRow: 2, ...figures(ROWS) };
writeFileSync(join(out, 'receipts-utf16le-nobom.txt'), Buffer.from(text(ROWS, '\t'), 'utf16le'));
expected['receipts-utf16le-nobom.txt'] = { format: 'tsv', encoding: 'utf16le', headerRow: 1, ...figures(ROWS) };
writeFileSync(join(out, 'receipts-utf16be-nobom.txt'), Buffer.from(text(ROWS, '\t'), 'utf16le').swap16());
expected['receipts-utf16be-nobom.txt'] = { format: 'tsv', encoding: 'utf16be', headerRow: 1, ...figures(ROWS) };

// An .xlsx as a portal writes it (exceljs), for the bundle and for the flip test.
async function xlsx(rows, fixDates = true) {
  const wb = new ExcelJS.Workbook();
  wb.created = new Date('2026-11-03T00:00:00Z');
  wb.modified = new Date('2026-11-03T00:00:00Z');
  const ws = wb.addWorksheet('验收单');
  ws.addRow(HEADINGS);
  for (const r of rows) ws.addRow([r[0], r[1], fixDates ? new Date(`${r[2]}T00:00:00Z`) : r[2], r[3], r[4], r[5], r[6], r[7]]);
  ws.getColumn(3).numFmt = 'yyyy-mm-dd';
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const flip = await xlsx(ROWS);
writeFileSync(join(out, 'flip-receipts.xlsx'), flip);
expected['flip-receipts.xlsx'] = { format: 'xlsx', headerRow: 1, ...figures(ROWS) };

// A .zip of three export files, named in GBK without the UTF-8 flag as Windows' own "send to compressed folder" does.
{
  const zip = new JSZip();
  const date = new Date('2026-11-03T08:00:00Z');
  zip.file('大润发验收-1101.csv', '\ufeff' + text(ROWS.slice(0, 2), ','), { date });
  zip.file('苏州/大润发验收-1102.xlsx', await xlsx(ROWS.slice(2)), { date });
  writeFileSync(join(out, 'exports-bundle.zip'), await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', encodeFileName: (name) => iconv.encode(name, 'gbk') }));
  expected['exports-bundle.zip'] = {
    members: {
      '大润发验收-1101.csv': { format: 'csv', ...figures(ROWS.slice(0, 2)) },
      '苏州/大润发验收-1102.xlsx': { format: 'xlsx', ...figures(ROWS.slice(2)) },
    },
  };
}

// Error values where figures should be: the formula results #REF! and #DIV/0!, #N/A pasted as text, and a formula
// saved without its result. Each file must be refused at exactly these rows and columns.
{
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('验收单');
  ws.addRow(HEADINGS);
  ws.addRow(['A021', 'YS1101A021', new Date('2026-11-01T00:00:00Z'), 'RT1031001', 'P001', 240, 6.4, { formula: 'F2*G2', result: { error: '#REF!' } }]);
  ws.addRow(['A021', 'YS1101A021', new Date('2026-11-01T00:00:00Z'), 'RT1031001', 'P002', 48, { formula: 'H3/0', result: { error: '#DIV/0!' } }, 345.6]);
  ws.addRow(['A035', 'YS1102A035', new Date('2026-11-02T00:00:00Z'), 'RT1101002', '#N/A', 8, 39.9, 319.2]);
  ws.addRow(['A035', 'YS1102A035', { formula: 'TODAY()' }, 'RT1101002', 'P001', 96, 6.4, 614.4]);
  ws.getColumn(3).numFmt = 'yyyy-mm-dd';
  await wb.xlsx.writeFile(join(out, 'cell-errors.xlsx'));
  const refused = [{ row: 2, column: 'H', value: '#REF!' }, { row: 3, column: 'G', value: '#DIV/0!' }, { row: 4, column: 'E', value: '#N/A' }, { row: 5, column: 'C', value: 'uncalculated' }];
  expected['cell-errors.xlsx'] = { refused };

  const aoa = [HEADINGS, ...ROWS.map((r) => [r[0], r[1], serial(r[2]), r[3], r[4], r[5], r[6], r[7]])];
  const sheet = XLSX.utils.aoa_to_sheet(aoa);
  sheet.H2 = { t: 'e', v: 0x17, f: 'F2*G2' };
  sheet.G3 = { t: 'e', v: 0x07 };
  sheet.E4 = { t: 's', v: '#N/A' };
  for (let i = 0; i < ROWS.length; i++) sheet[XLSX.utils.encode_cell({ r: i + 1, c: 2 })].z = 'yyyy-mm-dd';
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, 'Sheet1');
  writeFileSync(join(out, 'cell-errors.xls'), XLSX.write(book, { type: 'buffer', bookType: 'biff8' }));
  expected['cell-errors.xls'] = { refused: refused.slice(0, 3) };

  const rows = ROWS.map((r) => [...r]);
  rows[0][7] = '#REF!';
  rows[1][6] = '#DIV/0!';
  rows[2][4] = '#N/A';
  writeFileSync(join(out, 'cell-errors.csv'), text(rows, ','));
  expected['cell-errors.csv'] = { refused: refused.slice(0, 3) };
}

writeFileSync(join(out, 'expected.json'), JSON.stringify(expected, null, 2) + '\n');
console.log(`reader fixtures written to ${out}`);

// LibreOffice reads each .xls back: the cells it shows must be the generator's.
if (process.argv.includes('--no-check')) process.exit(0);
try {
  execFileSync('soffice', ['--version'], { stdio: 'ignore' });
} catch {
  console.log('soffice not installed: .xls files not checked against LibreOffice');
  process.exit(0);
}
const dir = mkdtempSync(join(tmpdir(), 'reader-fixtures-'));
try {
  for (const name of ['receipts-biff8.xls', 'receipts-biff5.xls']) {
    execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false', '--outdir', dir, join(out, name)], { stdio: 'ignore' });
    const csvPath = join(dir, name.replace(/\.xls$/, '.csv'));
    if (!existsSync(csvPath)) throw new Error(`LibreOffice did not convert ${name}`);
    const lines = readFileSync(csvPath, 'utf8').trim().split(/\r?\n/).map((l) => l.split(','));
    const want = [HEADINGS, ...ROWS.map((r) => [r[0], r[1], r[2], r[3], r[4], String(r[5]), String(r[6]), String(r[7])])];
    const got = lines.slice(1);
    if (JSON.stringify(got) !== JSON.stringify(want)) throw new Error(`LibreOffice reads ${name} differently:\n${JSON.stringify(got)}\n${JSON.stringify(want)}`);
    console.log(`LibreOffice reads ${name} as written`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
