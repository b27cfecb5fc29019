import ExcelJS from 'exceljs';
import { formatFen } from '../money/format.js';
import type { StatementDocument } from './statement-document.js';
import { verificationMark } from './verification-mark.js';
import { statementDetails, statementSections, type Cell } from './statement-sections.js';
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
export async function writeStatementXlsx(doc: StatementDocument, path: string): Promise<void> {
  const s = doc.content;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: true });
  wb.creator = 'ka-settle';
  const ws = wb.addWorksheet('结算单 Summary', { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
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
  row([`${s.manufacturer.name} · ${s.distributor.name} 结算单`], (c) => {
    c.font = { bold: true, size: 16 };
    c.alignment = { horizontal: 'center' };
  });
  row([`经销商 Distributor: ${s.distributor.code} ${s.distributor.name}`, '', '', '', `厂家 Manufacturer: ${s.manufacturer.code} ${s.manufacturer.name}`]);
  row([`期间 Period: ${s.period}`, '', '', '', `版本 Version: ${doc.version ?? '草稿 draft'} (${doc.status})`]);
  r++;
  for (const section of statementSections(s)) {
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
  row([`大写 In capitals: 人民币${s.netDue.inCapitals}`, '', '', '', `¥${formatFen(s.netDue.fromManufacturer)}`], (c) => { c.font = { bold: true }; });
  r++;
  row(['签字 Sign-off', '姓名 Name', '日期 Date']);
  for (const signer of doc.signers) row([signer.role, signer.name ?? '', signer.at ? localDateOf(signer.at) : ''], (c) => { c.border = BORDER; });
  for (const c of doc.confirmations) row([`回签 ${c.party}${c.ka ? ` ${c.ka}` : ''}`, c.result, c.reasons ?? '', c.recordedBy, localDateOf(c.recordedAt)]);
  r++;
  row([`SHA-256: ${doc.sha256}`], (c) => { c.font = { size: 8, color: { argb: 'FF666666' } }; });
  const mark = verificationMark(doc);
  if (mark) row([`核验 Verification: ${mark}`], (c) => { c.font = { size: 7, color: { argb: 'FF666666' } }; });
  ws.commit();

  for (const detail of statementDetails(s)) {
    const sheet = wb.addWorksheet(detail.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = detail.columns.map((c) => ({ header: c.header, key: c.key, width: c.money ? 14 : c.qty ? 10 : Math.max(10, c.header.length * 2 + 4),
      style: c.money ? { numFmt: MONEY } : c.qty ? { numFmt: '#,##0.###' } : {} }));
    sheet.getRow(1).font = { bold: true };
    for (const rowData of detail.rows) {
      const values: Record<string, unknown> = {};
      for (const c of detail.columns) {
        const v = rowData[c.key];
        values[c.key] = typeof v === 'number' && c.money ? v / 100 : typeof v === 'number' && c.qty ? v / 1000 : v ?? '';
      }
      sheet.addRow(values).commit();
    }
    sheet.commit();
  }
  await wb.commit();
}
