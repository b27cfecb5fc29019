import type { CellErrorKind } from '../../vocabulary/index.js';
import { isIsoDate } from '../calendar/dates.js';
import type { NumberKind } from '../../vocabulary/index.js';
import { UserError, type ErrorPlace } from '../errors.js';
import { parseDecimal } from '../money/parse-decimal.js';

/**
 * An error value where a value should be: #REF!, #N/A, #DIV/0! … (a formula's result, or the same text pasted
 * as a value), or a formula saved without its result. Readers hand it over as this type, never as text or a
 * number, so a field that reads one is refused by row and column (`refuseErrorCell`) and a column nobody reads
 * is not troubled by it.
 */
export class ErrorCell {
  constructor(readonly kind: CellErrorKind, readonly text: string) {}

  toString(): string {
    return this.text;
  }
}

/** A cell as a reader hands it over: text from CSV and HTML; numbers, dates, text and error values from workbooks. */
export type Cell = string | number | Date | ErrorCell | null;

const ERROR_TEXTS: Record<string, CellErrorKind> = {
  '#REF!': 'ref', '#N/A': 'na', '#VALUE!': 'value', '#DIV/0!': 'div0', '#NAME?': 'name', '#NUM!': 'num', '#NULL!': 'null',
  '#SPILL!': 'spill', '#CALC!': 'calc', '#GETTING_DATA': 'getting-data', '#FIELD!': 'other', '#BLOCKED!': 'other',
  '#CONNECT!': 'other', '#BUSY!': 'other', '#UNKNOWN!': 'other', '#EXTERNAL!': 'other', '#PYTHON!': 'other',
};

/** The error value a text shows, if it is one: "#N/A" pasted as text reads as the error it is. */
export function errorCellOf(text: string): ErrorCell | undefined {
  const t = text.trim().toUpperCase();
  if (t.length > 14 || !t.startsWith('#')) return undefined;
  const kind = ERROR_TEXTS[t];
  return kind ? new ErrorCell(kind, t) : undefined;
}

/** A text cell as readers hand it over: the text, or the error value it spells. */
export function textCell(text: string): string | ErrorCell {
  return text.length <= 16 && text.includes('#') ? errorCellOf(text) ?? text : text;
}

export function isErrorCell(cell: Cell | undefined): cell is ErrorCell {
  return cell instanceof ErrorCell;
}

/** A field that reads an error value is refused, saying what the error means. */
export function refuseErrorCell<T extends Cell | undefined>(cell: T, place: ErrorPlace): asserts cell is Exclude<T, ErrorCell> {
  if (cell instanceof ErrorCell) {
    throw new UserError(cell.kind === 'uncalculated' ? 'import-files.formula-without-result' : 'import-files.cell-error', { value: cell.text, kind: cell.kind }, place);
  }
}

export function isBlank(cell: Cell): boolean {
  return cell === null || (typeof cell === 'string' && cell.trim() === '');
}

/** Codes and text. A numeric xlsx cell holding a code (店号 11, EAN 6901234500017) is written without decimals. */
export function cellText(cell: Cell): string {
  // Text first and without a regular expression: it is asked of every cell of every row, nearly always plain text.
  if (typeof cell === 'string') return (cell.includes('\u00a0') ? cell.replace(/\u00a0/g, ' ') : cell).trim();
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isInteger(cell) ? String(cell) : String(cell);
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return cell.text;
}

const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function ymd(y: number, m: number, d: number, raw: string, place: ErrorPlace): string {
  const iso = `${y}-${pad(m)}-${pad(d)}`;
  if (!isIsoDate(iso)) throw new UserError('import.not-a-date', { raw }, place);
  return iso;
}

/**
 * Dates as exports write them: 2026-10-03, 2026/10/03, 2026.10.03, 2026-9-11, 20261003, 2026年10月3日, an Excel
 * serial number (46298), or an xlsx date cell. Anything else is refused, never guessed (03/10/2026 could be
 * March or October).
 */
/** Files repeat the same few dates on thousands of rows: each distinct text is read once. */
const dateMemo = new Map<string, string>();

export function cellDate(cell: Cell, place: ErrorPlace): string {
  if (typeof cell === 'string' && cell.length < 40) {
    const known = dateMemo.get(cell);
    if (known !== undefined) return known;
    const iso = readDate(cell, place);
    if (dateMemo.size > 10_000) dateMemo.clear();
    dateMemo.set(cell, iso);
    return iso;
  }
  return readDate(cell, place);
}

function readDate(cell: Cell, place: ErrorPlace): string {
  refuseErrorCell(cell, place);
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) throw new UserError('import.date-cell-invalid', {}, place);
    return cell.toISOString().slice(0, 10);
  }
  if (typeof cell === 'number') return serialDate(cell, String(cell), place);
  const raw = cellText(cell);
  if (!raw) throw new UserError('import.date-empty', {}, place);
  const text = raw.replace(/\s+\d{1,2}:\d{2}(:\d{2})?$/, '');
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]), raw, place);
  m = /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/.exec(text);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]), raw, place);
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]), raw, place);
  if (/^\d{5}(\.\d+)?$/.test(text)) return serialDate(Number(text), raw, place);
  throw new UserError('import.date-form', { raw }, place);
}

function serialDate(serial: number, raw: string, place: ErrorPlace): string {
  // Serial numbers between 1990 and 2099 only: anything else is a number in the wrong column.
  if (!(serial >= 32_874 && serial < 73_051)) throw new UserError('import.not-a-date', { raw }, place);
  return new Date(EXCEL_EPOCH_UTC + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A number at a fixed scale. Text goes through the money parser (thousands separators, ¥, 元, full-width …). A
 * numeric xlsx cell is a binary float: it is accepted when it lies within a millionth of a unit of the scale
 * (768 or 598.5 are exact; 0.1 + 0.2 is 0.30000000000000004 and reads as 0.30), and refused when it really has
 * more decimals than the scale holds.
 */
export function cellScaled(cell: Cell, scale: number, what: NumberKind, place: ErrorPlace): number {
  if (cell === null || (typeof cell === 'string' && cell.trim() === '')) {
    throw new UserError('import.number-empty', { what }, place);
  }
  if (cell instanceof Date) throw new UserError('import.number-is-date', { what }, place);
  refuseErrorCell(cell, place);
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) throw new UserError('import.not-a-number', { what, raw: String(cell) }, place);
    const scaled = cell * 10 ** scale;
    const rounded = Math.round(scaled);
    if (Math.abs(scaled - rounded) > 1e-6 * Math.max(1, Math.abs(scaled) / 1e9)) {
      throw new UserError('import.too-many-decimals', { what, raw: String(cell), scale }, place);
    }
    if (!Number.isSafeInteger(rounded)) throw new UserError('import.too-large', { what, raw: String(cell) }, place);
    return rounded === 0 ? 0 : rounded;
  }
  return parseDecimal(cell, { scale, what, place });
}
