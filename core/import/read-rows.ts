import { parse as parseCsv } from 'csv-parse';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { Parser as HtmlParser } from 'htmlparser2';
import { createReadStream, readFileSync } from 'node:fs';
import { UserError } from '../errors.js';
import type { Cell } from './cell-values.js';
import { detectDelimiter, sniffFile, type FileFormat, type TextEncoding } from './sniff-file.js';

/** One row of a sheet or CSV file, numbered as Excel or WPS would show it. */
export interface RawRow {
  row: number;
  cells: Cell[];
}

export interface OpenedTable {
  format: FileFormat;
  encoding?: TextEncoding;
  rows: AsyncIterable<RawRow>;
}

const ICONV_NAMES: Record<TextEncoding, string> = { utf8: 'utf8', utf16le: 'utf16le', utf16be: 'utf16be', gb18030: 'gb18030' };

async function* csvRows(path: string, encoding: TextEncoding, delimiter: string): AsyncGenerator<RawRow> {
  const parser = createReadStream(path)
    .pipe(iconv.decodeStream(ICONV_NAMES[encoding], { stripBOM: true }))
    .pipe(parseCsv({ delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: true }));
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row++;
      yield { row, cells: record };
    }
  } catch (e) {
    throw new UserError('unreadable-csv', `cannot be read as CSV after row ${row}: ${e instanceof Error ? e.message : String(e)}`, { file: path, row: row + 1 });
  }
}

function xlsxCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string };
    if (v.richText) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return xlsxCell(v.result);
    if (typeof v.text === 'string') return v.text;
    if (v.error) return null;
  }
  return String(value);
}

/** xlsx through exceljs' streaming reader: memory stays flat however long the sheet. First sheet only. */
async function* xlsxRows(path: string): AsyncGenerator<RawRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { sharedStrings: 'cache', hyperlinks: 'ignore', worksheets: 'emit', styles: 'cache', entries: 'emit' });
  try {
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as unknown[];
        const cells: Cell[] = [];
        for (let i = 1; i < values.length; i++) cells.push(xlsxCell(values[i]));
        yield { row: row.number, cells };
      }
      return;
    }
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError('unreadable-xlsx', `cannot be read as an .xlsx workbook: ${e instanceof Error ? e.message : String(e)}`, { file: path });
  }
}

/** Portal exports named .xls that are really HTML tables: every <tr> in order, colspans kept aligned. */
async function* htmlRows(path: string, encoding: TextEncoding): AsyncGenerator<RawRow> {
  const text = iconv.decode(readFileSync(path), ICONV_NAMES[encoding]);
  const rows: Cell[][] = [];
  let current: Cell[] | null = null;
  let cell: string | null = null;
  let span = 1;
  const parser = new HtmlParser({
    onopentag(name, attrs) {
      if (name === 'tr') current = [];
      else if ((name === 'td' || name === 'th') && current) {
        cell = '';
        span = Math.max(1, Math.min(100, Number(attrs.colspan) || 1));
      } else if (name === 'br' && cell !== null) cell += ' ';
    },
    ontext(t) {
      if (cell !== null) cell += t;
    },
    onclosetag(name) {
      if ((name === 'td' || name === 'th') && current && cell !== null) {
        current.push(cell.replace(/\s+/g, ' ').trim());
        for (let i = 1; i < span; i++) current.push(null);
        cell = null;
      } else if (name === 'tr' && current) {
        rows.push(current);
        current = null;
      }
    },
  }, { decodeEntities: true, lowerCaseTags: true });
  parser.write(text);
  parser.end();
  let n = 0;
  for (const cells of rows) yield { row: ++n, cells };
}

export function openTable(path: string): OpenedTable {
  const sniffed = sniffFile(path);
  switch (sniffed.format) {
    case 'xlsx':
      return { format: 'xlsx', rows: xlsxRows(path) };
    case 'html':
      return { format: 'html', encoding: sniffed.encoding!, rows: htmlRows(path, sniffed.encoding!) };
    case 'csv':
      return { format: 'csv', encoding: sniffed.encoding!, rows: csvRows(path, sniffed.encoding!, detectDelimiter(sniffed.sample ?? '')) };
  }
}
