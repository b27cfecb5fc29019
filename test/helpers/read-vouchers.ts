import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { readFileSync } from 'node:fs';

/** A voucher file read back the way a GL would: rows of heading → text, amounts turned into fen exactly. */
export type ReadRow = Record<string, string>;

function cellString(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'result' in v) return String(v.result);
  return String(v);
}

/** An xlsx sheet: the first row is the headings. */
export async function readXlsxSheet(file: string, sheet: string): Promise<ReadRow[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`${file} has no sheet ${sheet}`);
  const rows: ReadRow[] = [];
  let headings: string[] = [];
  ws.eachRow((row, n) => {
    const values = (row.values as ExcelJS.CellValue[]).slice(1).map(cellString);
    if (n === 1) headings = values;
    else rows.push(Object.fromEntries(headings.map((h, i) => [h, values[i] ?? ''])));
  });
  return rows;
}

/** A text file: decoded, an optional first line taken off, parsed as CSV; headings given when the file has none. */
export function readTextFile(file: string, o: { encoding: 'utf8' | 'gb18030'; firstLine?: string; headings?: string[] }): ReadRow[] {
  let text = o.encoding === 'gb18030' ? iconv.decode(readFileSync(file), 'gb18030') : readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  if (o.firstLine !== undefined) {
    const [first, ...rest] = text.split('\r\n');
    if (first !== o.firstLine) throw new Error(`${file}: first line is ${first}`);
    text = rest.join('\r\n');
  }
  const records = parse(text, { relax_column_count: true }) as string[][];
  const headings = o.headings ?? records.shift()!;
  return records.map((r) => Object.fromEntries(headings.map((h, i) => [h, r[i] ?? ''])));
}

/** "1234.56" (or the number an xlsx cell held) as fen, refusing anything that is not exactly two decimals or fewer. */
export function fenOf(text: string): number {
  if (text === '') return 0;
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) throw new Error(`"${text}" is not an amount in yuan`);
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -fen : fen;
}

/** Debit minus credit per code, and per voucher (which must be zero), from rows read back. */
export function sums(rows: ReadRow[], c: { voucher: string[]; code: string; debit: string; credit: string }) {
  const byCode = new Map<string, number>();
  const byVoucher = new Map<string, number>();
  for (const r of rows) {
    const net = fenOf(r[c.debit]!) - fenOf(r[c.credit]!);
    byCode.set(r[c.code]!, (byCode.get(r[c.code]!) ?? 0) + net);
    const key = c.voucher.map((k) => r[k]).join('-');
    byVoucher.set(key, (byVoucher.get(key) ?? 0) + net);
  }
  return { byCode, byVoucher };
}
