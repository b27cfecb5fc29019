// Files as the systems write them: CSV and tab text in UTF-8 (with or without BOM), GB18030 and UTF-16; HTML
// tables saved as .xls; .xlsx with merged cells, title rows and real number and date cells.
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { writeFileSync } from 'node:fs';

const quote = (c) => {
  const s = c === null || c === undefined ? '' : String(c);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** Rows as CSV text (CRLF, as Windows programs write). */
export const csvText = (rows) => rows.map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
/** Rows as tab-separated text. */
export const tsvText = (rows) => rows.map((r) => r.map((c) => (c === null || c === undefined ? '' : String(c))).join('\t')).join('\r\n') + '\r\n';

/** Text in an encoding: utf8, utf8bom, gb18030, utf16le (with BOM, as Excel's "Unicode text"). */
export function encode(text, encoding) {
  switch (encoding) {
    case 'utf8': return Buffer.from(text, 'utf8');
    case 'utf8bom': return Buffer.from(`\ufeff${text}`, 'utf8');
    case 'gb18030': return iconv.encode(text, 'gb18030');
    case 'utf16le': return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    default: throw new Error(`no encoding ${encoding}`);
  }
}

export function writeText(path, rows, { encoding = 'utf8', separator = ',' } = {}) {
  writeFileSync(path, encode(separator === '\t' ? tsvText(rows) : csvText(rows), encoding));
}

const escapeHtml = (s) => String(s ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * An HTML table saved under an .xls name, as many portals and some ERPs export: a charset meta tag, a title row
 * spanning the table (colspan), th headings, td cells.
 */
export function writeHtmlXls(path, { title, headings, rows, encoding = 'gb18030' }) {
  const charset = encoding === 'gb18030' ? 'gb2312' : 'utf-8';
  const tr = (cells, tag = 'td') => `<tr>${cells.map((c) => `<${tag}>${escapeHtml(c)}</${tag}>`).join('')}</tr>`;
  const html = `<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}"></head>
<body><table border="1">
${title ? `<tr><td colspan="${headings.length}">${escapeHtml(title)}</td></tr>\n` : ''}${tr(headings, 'th')}
${rows.map((r) => tr(r)).join('\n')}
</table></body></html>`;
  writeFileSync(path, encoding === 'gb18030' ? iconv.encode(html, 'gb18030') : Buffer.from(html, 'utf8'));
}

/**
 * An .xlsx: rows above the header (titles merged across), the header, the data; `merges` are [firstRow, lastRow,
 * column] ranges (1-based sheet rows, 1-based columns) whose cells below the first are left empty, as merged cells are.
 */
export async function writeXlsx(path, { sheet = 'Sheet1', top = [], headings, rows, merges = [], numFmt = {} }) {
  const wb = new ExcelJS.Workbook();
  wb.created = new Date('2026-11-01T00:00:00Z');
  wb.modified = new Date('2026-11-01T00:00:00Z');
  const ws = wb.addWorksheet(sheet);
  for (const t of top) {
    const row = ws.addRow(Array.isArray(t) ? t : [t]);
    if (!Array.isArray(t)) ws.mergeCells(row.number, 1, row.number, headings.length);
  }
  ws.addRow(headings);
  const first = ws.rowCount + 1;
  for (const r of rows) ws.addRow(r);
  for (const [col, fmt] of Object.entries(numFmt)) ws.getColumn(Number(col)).numFmt = fmt;
  for (const [a, b, col] of merges) {
    for (let r = a + 1; r <= b; r++) ws.getCell(r, col).value = null;
    ws.mergeCells(a, col, b, col);
  }
  await atFixedTime(() => wb.xlsx.writeFile(path));
  return first;
}

/**
 * Runs a write with the clock stopped at the corpus's export date: the zip inside an .xlsx stamps every entry with
 * the current time, and the corpus must come out byte for byte the same on every run.
 */
async function atFixedTime(write) {
  const RealDate = globalThis.Date;
  const fixed = RealDate.UTC(2026, 10, 1);
  globalThis.Date = class extends RealDate {
    constructor(...args) {
      super(...(args.length ? args : [fixed]));
    }

    static now() {
      return fixed;
    }
  };
  try {
    await write();
  } finally {
    globalThis.Date = RealDate;
  }
}
