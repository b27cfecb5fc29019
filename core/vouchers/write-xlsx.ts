import type ExcelJS from 'exceljs';
import { excelJs } from '../files/exceljs-on-use.js';
import JSZip from 'jszip';
import { PassThrough } from 'node:stream';
import type { VoucherLayout } from './layout-schema.js';
import type { OutCell } from './layout-rows.js';
import { formatDate, yuanText } from './cell-text.js';

type XlsxFile = Extract<VoucherLayout['file'], { type: 'xlsx' }>;

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** The day number Excel keeps for a date (2026-10-03 → 46298): an integer, so the cell is exactly that day anywhere. */
export function excelDay(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return (Date.UTC(y, m - 1, d) - EXCEL_EPOCH) / 86_400_000;
}

/**
 * Yuan as the number an xlsx cell holds. The cell's text in the file is what JavaScript prints for the number, the
 * shortest that reads back as the same double, so 1234.56 is written "1234.56" — exactly the decimal of the fen.
 * That holds for every amount a book can hold (under 10¹³ yuan); the check makes sure of it.
 */
export function yuanNumber(fen: number): number {
  const text = yuanText(fen);
  const value = Number(text);
  const canonical = text.replace(/\.?0+$/, '') || '0';
  if (String(value) !== (canonical === '-0' ? '0' : canonical)) throw new Error(`amount ${fen} fen cannot be written exactly as a number`);
  return value;
}

function put(cell: ExcelJS.Cell, value: OutCell, layout: VoucherLayout, file: XlsxFile): void {
  if ('text' in value) cell.value = value.text;
  else if ('int' in value) cell.value = value.int;
  else if ('raw' in value) cell.value = value.raw;
  else if ('fen' in value) {
    cell.value = yuanNumber(value.fen);
    cell.numFmt = '0.00';
  } else if (file.dates === 'excel') {
    cell.value = excelDay(value.date);
    cell.numFmt = 'yyyy-mm-dd';
  } else cell.value = formatDate(value.date, layout.dateFormat);
}

/**
 * A zip is only byte-stable when its entries carry a fixed time: exceljs's archiver stamps each with the moment of
 * writing (docProps/core.xml gets `created`, set below). exceljs writes the parts uncompressed; they are packed once
 * more, every entry dated `at`, in the same order and compressed, so the same vouchers always give the same bytes.
 */
async function stableZip(bytes: Buffer, at: Date): Promise<Buffer> {
  const source = await JSZip.loadAsync(bytes);
  const out = new JSZip();
  for (const entry of Object.values(source.files)) {
    if (entry.dir) continue;
    out.file(entry.name, await entry.async('uint8array'), { date: at, createFolders: false });
  }
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'DOS' });
}

/** An xlsx layout's workbook as bytes: the vouchers' sheet (headings, then one row per 分录) and the layout's further sheets. */
export async function xlsxBytes(layout: VoucherLayout, rows: readonly OutCell[][], at: Date): Promise<Buffer> {
  const file = layout.file as XlsxFile;
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (c: Buffer) => chunks.push(c));
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  // Stored, not compressed: stableZip compresses the parts once.
  const options = { stream, useStyles: true, useSharedStrings: true, zip: { store: true } };
  const wb = new (await excelJs()).stream.xlsx.WorkbookWriter(options as ConstructorParameters<typeof ExcelJS.stream.xlsx.WorkbookWriter>[0]);
  wb.creator = 'ka-settle';
  wb.created = at;
  wb.modified = at;
  const ws = wb.addWorksheet(file.sheet, { views: file.header ? [{ state: 'frozen', ySplit: 1 }] : [] });
  ws.columns = layout.columns.map((c) => ({ width: c.width ?? Math.max(8, Math.min(30, [...c.heading].length * 2 + 2)) }));
  if (file.header) {
    const head = ws.addRow(layout.columns.map((c) => c.heading));
    head.font = { bold: true };
    head.commit();
  }
  for (const cells of rows) {
    const row = ws.addRow([]);
    cells.forEach((c, i) => put(row.getCell(i + 1), c, layout, file));
    row.commit();
  }
  ws.commit();
  for (const extra of file.extraSheets) {
    const sheet = wb.addWorksheet(extra.name);
    for (const r of extra.rows) sheet.addRow(r).commit();
    sheet.commit();
  }
  await wb.commit();
  await finished;
  return stableZip(Buffer.concat(chunks), at);
}
