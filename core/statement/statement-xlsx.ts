import type ExcelJS from 'exceljs';
import { excelJs } from '../files/exceljs-on-use.js';
import type { Language } from '../../locale/index.js';
import type { StatementDocument } from './statement-document.js';
import { detailValue, printWords, signerWords, statementDetails, statementSections, type Cell } from './statement-sections.js';
import { verificationMark } from './verification-mark.js';
import { headOfSigner } from './statement-document.js';
import { localDateOf } from '../calendar/dates.js';

const MONEY = '#,##0.00;[Red]-#,##0.00';
const THIN = { style: 'thin' as const, color: { argb: 'FF999999' } };
const BORDER = { top: THIN, bottom: THIN, left: THIN, right: THIN };

function put(cell: ExcelJS.Cell, value: Cell): void {
  if (typeof value === 'string') cell.value = value;
  else if ('fen' in value) {
    // A real number for Excel (yuan), shown with two decimals; the fen integer is the source.
    cell.value = value.fen / 100;
    cell.numFmt = MONEY;
  } else {
    cell.value = value.text;
    if (value.bold) cell.font = { bold: true };
  }
}

/**
 * The statement as an .xlsx workbook written as a stream: a summary sheet laid out like a printed 结算单 (title,
 * parties, period, sections with totals, the amount in capitals, a signature block, the hash), then one detail
 * sheet per kind of line with real numbers, number formats, frozen headers and column widths.
 */
export async function writeStatementXlsx(doc: StatementDocument, path: string, lang: Language = 'zh'): Promise<void> {
  const s = doc.content;
  const words = printWords(lang);
  const { w } = words;
  const wb = new (await excelJs()).stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: true });
  wb.creator = 'ka-settle';
  const ws = wb.addWorksheet(w('print.sheet-summary'), { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.columns = [26, 18, 18, 18, 18, 18, 18, 18].map((width) => ({ width }));
  let r = 1;
  const row = (cells: Cell[], style?: (c: ExcelJS.Cell) => void) => {
    const excelRow = ws.getRow(r++);
    cells.forEach((v, i) => {
      const c = excelRow.getCell(i + 1);
      put(c, v);
      style?.(c);
    });
    excelRow.commit();
  };
  ws.mergeCells(1, 1, 1, 8);
  row([w('print.statement-title', { manufacturer: s.manufacturer.name, distributor: s.distributor.name })], (c) => {
    c.font = { bold: true, size: 16 };
    c.alignment = { horizontal: 'center' };
  });
  if (doc.version === null) row([w('print.draft')], (c) => { c.font = { bold: true, color: { argb: 'FFB00020' } }; });
  row([w('print.distributor', { code: s.distributor.code, name: s.distributor.name }), '', '', '', w('print.manufacturer', { code: s.manufacturer.code, name: s.manufacturer.name })]);
  row([w('print.period', { period: s.period }), '', '', '', doc.version === null ? w('print.version-draft') : w('print.version', { version: doc.version, status: doc.status })]);
  r++;
  for (const section of statementSections(s, lang)) {
    row([section.title], (c) => { c.font = { bold: true, size: 12 }; });
    row(section.header, (c) => {
      c.font = { bold: true };
      c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
      c.border = BORDER;
    });
    for (const cells of section.rows) row(cells, (c) => { c.border = BORDER; });
    if (section.total) row(section.total, (c) => { c.font = { bold: true }; c.border = BORDER; });
    r++;
  }
  row([w('print.due-from-manufacturer'), { fen: s.netDue.fromManufacturer }, '', w('print.in-capitals', { capitals: s.netDue.inCapitals })], (c) => { c.font = { bold: true }; });
  r++;
  row([w('print.sign-off'), w('print.sign-name'), w('print.sign-date'), w('print.sign-chain')], (c) => { c.font = { bold: true }; c.border = BORDER; });
  for (const signer of doc.signers) {
    const x = signerWords(signer, words);
    const head = headOfSigner(doc, signer);
    row([x.role, x.person, x.date, head ? w('print.audit-head', { rows: head.chain.rows, hash: head.chain.hash.slice(0, 16) }) : ''], (c) => { c.border = BORDER; });
  }
  r++;
  row([w('print.seal', { party: w('print.seal-distributor') }), s.distributor.name, '', w('print.seal', { party: w('print.seal-manufacturer') }), s.manufacturer.name], (c) => { c.font = { bold: true }; });
  // Room for the two seals (盖章): blank, bordered cells under each party.
  for (let i = 0; i < 5; i++) {
    row(['', '', '', '', '', ''], (c) => {
      const col = Number(c.col);
      if (col <= 2 || (col >= 4 && col <= 5)) c.border = { left: col === 1 || col === 4 ? THIN : undefined, right: col === 2 || col === 5 ? THIN : undefined, top: i === 0 ? THIN : undefined, bottom: i === 4 ? THIN : undefined } as ExcelJS.Borders;
    });
  }
  r++;
  for (const c of doc.confirmations) {
    row([w('print.confirmation', { party: c.party, ka: c.ka ?? '', result: c.result, reasons: c.reasons ? `— ${c.reasons}` : '',
      by: c.recordedByName && c.recordedByName !== c.recordedBy ? words.say({ code: 'users.person', params: { name: c.recordedByName, login: c.recordedBy } }) : c.recordedBy,
      date: localDateOf(c.recordedAt) })]);
  }
  r++;
  row([`SHA-256: ${doc.sha256}`], (c) => { c.font = { size: 8, color: { argb: 'FF666666' } }; });
  const mark = verificationMark(doc);
  if (mark) row([w('print.verify', { mark })], (c) => { c.font = { size: 7, color: { argb: 'FF666666' } }; });
  ws.commit();

  for (const detail of statementDetails(s, lang)) {
    const sheet = wb.addWorksheet(detail.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = detail.columns.map((c) => ({ header: c.header, key: c.key, width: c.money ? 14 : c.qty ? 10 : c.message ? 36 : Math.max(10, c.header.length * 2 + 4),
      style: c.money ? { numFmt: MONEY } : c.qty ? { numFmt: '#,##0.###' } : {} }));
    sheet.getRow(1).font = { bold: true };
    for (const rowData of detail.rows) {
      const values: Record<string, unknown> = {};
      for (const c of detail.columns) {
        const v = rowData[c.key];
        values[c.key] = typeof v === 'number' && c.money ? v / 100 : typeof v === 'number' && c.qty ? v / 1000 : detailValue(c, v, words) ?? '';
      }
      sheet.addRow(values).commit();
    }
    sheet.commit();
  }
  await wb.commit();
}
