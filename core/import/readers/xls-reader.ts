import { readFile } from 'node:fs/promises';
import { UserError } from '../../errors.js';
import { ErrorCell, errorCellOf, textCell, type Cell } from '../cell-values.js';
import { serialToDate } from './date-cells.js';
import type { RawRow } from './raw-row.js';
import type { ReadLimits } from './read-limits.js';
import { checkBiffStream } from './xls-records.js';

type SheetJs = typeof import('@e965/xlsx');
let loaded: Promise<SheetJs> | undefined;

/** SheetJS with its code pages (BIFF5 stores text in the workbook's code page, 936 for Chinese Excel 95). */
function sheetJs(): Promise<SheetJs> {
  loaded ??= (async () => {
    const xlsx = await import('@e965/xlsx');
    const cptable = await import('@e965/xlsx/dist/cpexcel.full.mjs');
    xlsx.set_cptable(cptable);
    return xlsx;
  })();
  return loaded;
}

/** BIFF error codes, as the file stores them. */
const BIFF_ERRORS: Record<number, string> = { 0x00: '#NULL!', 0x07: '#DIV/0!', 0x0f: '#VALUE!', 0x17: '#REF!', 0x1d: '#NAME?', 0x24: '#NUM!', 0x2a: '#N/A', 0x2b: '#GETTING_DATA' };

interface SheetJsCell {
  t: string;
  v?: unknown;
  w?: string;
  z?: string | number;
}

/**
 * True binary Excel (.xls: BIFF8 from Excel 97–2003, BIFF5 from Excel 5/95) through SheetJS. The file is read
 * whole (an .xls can hold at most 65,536 rows, and the size limit bounds it). Its records are walked first
 * (xls-records.ts): an .xls has no checksums, so structure is all a damaged file can be known by. The first
 * visible sheet is read: numbers with a date format become dates, error values stay error values.
 */
export async function* xlsRows(path: string, file: string, limits: ReadLimits): AsyncGenerator<RawRow> {
  const bytes = await readFile(path);
  if (bytes.length > limits.maxUncompressedBytes) throw new UserError('import-files.limit-uncompressed', { limit: Math.floor(limits.maxUncompressedBytes / 1_048_576) }, { file });
  const xlsx = await sheetJs();
  let container;
  try {
    container = xlsx.CFB.read(bytes, { type: 'buffer' });
  } catch {
    throw new UserError('import-files.xls-damaged', {}, { file });
  }
  if (xlsx.CFB.find(container, 'EncryptionInfo') || xlsx.CFB.find(container, 'EncryptedPackage')) throw new UserError('import-files.file-encrypted', {}, { file });
  const stream = xlsx.CFB.find(container, 'Workbook') ?? xlsx.CFB.find(container, 'Book');
  if (!stream?.content) throw new UserError('import-files.xls-damaged', {}, { file });
  checkBiffStream(Buffer.from(stream.content as Uint8Array), file, limits);

  let workbook;
  try {
    workbook = xlsx.read(bytes, { type: 'buffer', dense: true, cellNF: true, cellDates: false, cellFormula: false, sheetRows: limits.maxRows + 1 });
  } catch (e) {
    if (e instanceof Error && /password|encrypt/i.test(e.message)) throw new UserError('import-files.file-encrypted', {}, { file });
    throw new UserError('import-files.xls-damaged', {}, { file });
  }
  const names = workbook.SheetNames;
  const meta = workbook.Workbook?.Sheets ?? [];
  const index = names.findIndex((_, i) => !meta[i]?.Hidden);
  const sheet = workbook.Sheets[names[index < 0 ? 0 : index] ?? ''];
  if (!sheet) throw new UserError('import-files.xlsx-no-sheet', {}, { file });
  const date1904 = Boolean(workbook.Workbook?.WBProps?.date1904);
  const full = (sheet['!fullref'] ?? sheet['!ref']) as string | undefined;
  if (full) {
    const range = xlsx.utils.decode_range(full);
    if (range.e.r + 1 > limits.maxRows) throw new UserError('import-files.limit-rows', { limit: limits.maxRows }, { file });
    if (range.e.c + 1 > limits.maxColumns) throw new UserError('import-files.limit-columns', { limit: limits.maxColumns }, { file });
  }
  const data = (sheet['!data'] ?? []) as (SheetJsCell[] | undefined)[];
  for (let r = 0; r < data.length; r++) {
    const source = data[r];
    if (!source) continue;
    const cells: Cell[] = [];
    for (let c = 0; c < source.length; c++) cells.push(xlsCell(source[c], xlsx, date1904, limits, file, r + 1));
    yield { row: r + 1, cells };
  }
}

function xlsCell(cell: SheetJsCell | undefined, xlsx: SheetJs, date1904: boolean, limits: ReadLimits, file: string, row: number): Cell {
  if (!cell) return null;
  switch (cell.t) {
    case 'n': {
      const n = cell.v as number;
      const format = typeof cell.z === 'string' ? cell.z : undefined;
      if (format && format !== 'General' && xlsx.SSF.is_date(format)) return serialToDate(n, date1904) ?? n;
      return n;
    }
    case 's': {
      const text = String(cell.v ?? '');
      if (text.length > limits.maxCellChars) throw new UserError('import-files.limit-cell-chars', { limit: limits.maxCellChars }, { file, row });
      return textCell(text);
    }
    case 'b':
      return cell.v ? 'TRUE' : 'FALSE';
    case 'e': {
      const text = BIFF_ERRORS[cell.v as number] ?? cell.w ?? '#?';
      return errorCellOf(text) ?? new ErrorCell('other', text);
    }
    case 'd':
      return cell.v instanceof Date ? cell.v : null;
    default:
      return null;
  }
}
