import type { MessageCode } from '../../../locale/index.js';
import { UserError } from '../../errors.js';
import { ErrorCell, errorCellOf, textCell, type Cell } from '../cell-values.js';
import { columnLetter } from '../detect-header.js';
import { serialToDate } from './date-cells.js';
import type { ReadLimits } from './read-limits.js';
import type { RawRow } from './raw-row.js';
import { XmlFeed, type XmlHandler } from './xml-feed.js';
import type { ZipArchive, ZipEntry } from './zip-archive.js';

export interface SheetContext {
  strings: readonly string[];
  /** per cell style (the `s` of a cell): does it show a date; undefined when the workbook has no styles part */
  dateStyles: readonly boolean[] | undefined;
  date1904: boolean;
  limits: ReadLimits;
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const MAX_SHEET_COLUMNS = 16_384;

/** "AB12" → column 27 (0-based), row 12; undefined for anything else. Parsed by hand: it runs for every cell. */
function decodeReference(ref: string): { column: number; row: number } | undefined {
  let i = 0;
  let column = 0;
  for (; i < ref.length && i < 3; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    column = column * 26 + (c - 64);
  }
  if (i === 0 || column > MAX_SHEET_COLUMNS || i === ref.length || ref.length - i > 7 || ref.charCodeAt(i) === 48) return undefined;
  let row = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return undefined;
    row = row * 10 + c;
  }
  return { column: column - 1, row };
}

interface Dimension {
  firstRow: number;
  firstColumn: number;
  lastRow: number;
  lastColumn: number;
}

/**
 * Turns a worksheet part into rows as the parser goes. What a sound file never shows is refused, not guessed:
 * rows out of order or twice, cells out of order or twice within a row, a cell whose reference names another row,
 * a cell outside the sheet's declared dimension (except the bare "A1" some streaming writers leave there), a
 * shared string or style that does not exist, a number that is not a number. Limits on rows, columns and cell
 * length are checked on each element, so a hostile sheet stops at the first row past them.
 */
class SheetHandler implements XmlHandler {
  readonly rows: RawRow[] = [];
  private inData = false;
  private dimension: Dimension | undefined;
  private rowNumber = 0;
  private cells: Cell[] | null = null;
  private lastColumn = -1;
  private cell: { column: number; ref: string; type: string; style: number; formula: boolean; value: string | null; inline: string | null } | null = null;
  private capture: 'v' | 'inline' | null = null;
  private phonetic = 0;
  private inInline = false;
  private captured = 0;

  constructor(private readonly context: SheetContext, private readonly file: string) {}

  private refuse(code: MessageCode, params: Record<string, string | number>): never {
    throw new UserError(code, params, { file: this.file, ...(this.rowNumber ? { row: this.rowNumber } : {}) });
  }

  open(name: string, a: Record<string, string>): void {
    const { limits } = this.context;
    if (this.cell) {
      if (name === 'v') this.startCapture('v');
      else if (name === 'f') this.cell.formula = true;
      else if (name === 'is') this.inInline = true;
      else if (name === 'rPh') this.phonetic++;
      else if (name === 't' && this.inInline && this.phonetic === 0) this.startCapture('inline');
      return;
    }
    if (name === 'row' && this.inData) {
      const r = a.r === undefined ? this.rowNumber + 1 : Number(a.r);
      if (!Number.isSafeInteger(r) || r < 1) this.refuse('import-files.xlsx-bad-reference', { ref: a.r ?? '' });
      if (r <= this.rowNumber) this.refuse('import-files.xlsx-row-order', { row: r, previous: this.rowNumber });
      if (r > limits.maxRows) throw new UserError('import-files.limit-rows', { limit: limits.maxRows }, { file: this.file, row: r });
      this.rowNumber = r;
      this.cells = [];
      this.lastColumn = -1;
    } else if (name === 'c' && this.cells) {
      let column = this.lastColumn + 1;
      const ref = a.r ?? `${columnLetter(column)}${this.rowNumber}`;
      if (a.r !== undefined) {
        const decoded = decodeReference(a.r);
        if (!decoded) this.refuse('import-files.xlsx-bad-reference', { ref: a.r });
        if (decoded.row !== this.rowNumber) this.refuse('import-files.xlsx-cell-other-row', { cell: a.r, row: this.rowNumber });
        if (decoded.column <= this.lastColumn) this.refuse('import-files.xlsx-cell-order', { cell: a.r, previous: `${columnLetter(this.lastColumn)}${this.rowNumber}` });
        column = decoded.column;
      }
      if (column >= limits.maxColumns) throw new UserError('import-files.limit-columns', { limit: limits.maxColumns }, { file: this.file, row: this.rowNumber });
      const d = this.dimension;
      if (d && (this.rowNumber > d.lastRow || column > d.lastColumn || this.rowNumber < d.firstRow || column < d.firstColumn)) {
        this.refuse('import-files.xlsx-outside-dimension', { cell: ref, dimension: `${columnLetter(d.firstColumn)}${d.firstRow}:${columnLetter(d.lastColumn)}${d.lastRow}` });
      }
      const style = a.s === undefined ? 0 : Number(a.s);
      const styles = this.context.dateStyles;
      if (!Number.isSafeInteger(style) || style < 0 || (styles ? style >= Math.max(1, styles.length) : style > 0)) {
        this.refuse('import-files.xlsx-unknown-style', { cell: ref, style: a.s ?? '' });
      }
      this.cell = { column, ref, type: a.t ?? 'n', style, formula: false, value: null, inline: null };
    } else if (name === 'sheetData') {
      this.inData = true;
    } else if (name === 'dimension' && a.ref) {
      this.readDimension(a.ref);
    }
  }

  /** The declared used range. "A1" alone is what streaming writers (POI's SXSSF, EasyExcel) leave: no claim. */
  private readDimension(ref: string): void {
    if (ref === 'A1') return;
    const colon = ref.indexOf(':');
    const first = decodeReference(colon < 0 ? ref : ref.slice(0, colon));
    const decoded = decodeReference(colon < 0 ? ref : ref.slice(colon + 1));
    if (!first || !decoded || decoded.row < first.row || decoded.column < first.column) this.refuse('import-files.xlsx-bad-reference', { ref });
    if (decoded.row > this.context.limits.maxRows) throw new UserError('import-files.limit-rows', { limit: this.context.limits.maxRows }, { file: this.file });
    if (decoded.column >= this.context.limits.maxColumns) throw new UserError('import-files.limit-columns', { limit: this.context.limits.maxColumns }, { file: this.file });
    this.dimension = { firstRow: first.row, firstColumn: first.column, lastRow: decoded.row, lastColumn: decoded.column };
  }

  private startCapture(what: 'v' | 'inline'): void {
    this.capture = what;
    this.captured = 0;
    if (what === 'v') this.cell!.value = '';
    else this.cell!.inline ??= '';
  }

  text(t: string): void {
    if (!this.capture || !this.cell) return;
    this.captured += t.length;
    if (this.captured > this.context.limits.maxCellChars) {
      throw new UserError('import-files.limit-cell-chars', { limit: this.context.limits.maxCellChars }, { file: this.file, row: this.rowNumber, field: this.cell.ref });
    }
    if (this.capture === 'v') this.cell.value += t;
    else this.cell.inline += t;
  }

  close(name: string): void {
    if (this.cell) {
      if (name === 'v' || name === 't') this.capture = null;
      else if (name === 'rPh') this.phonetic--;
      else if (name === 'is') this.inInline = false;
      else if (name === 'c') {
        this.cells![this.cell.column] = this.value(this.cell);
        this.lastColumn = this.cell.column;
        this.cell = null;
      }
      return;
    }
    if (name === 'row' && this.cells) {
      const cells = this.cells;
      for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
      this.rows.push({ row: this.rowNumber, cells });
      this.cells = null;
    } else if (name === 'sheetData') {
      this.inData = false;
    }
  }

  private value(c: NonNullable<SheetHandler['cell']>): Cell {
    const v = c.value;
    switch (c.type) {
      case 's': {
        const index = v !== null && /^\d+$/.test(v.trim()) ? Number(v.trim()) : -1;
        const text = this.context.strings[index];
        if (text === undefined) this.refuse('import-files.xlsx-unknown-shared-string', { cell: c.ref, index: v ?? '', count: this.context.strings.length });
        return textCell(text);
      }
      case 'inlineStr':
        return textCell(c.inline ?? v ?? '');
      case 'str':
        if (v === null) return c.formula ? new ErrorCell('uncalculated', '') : null;
        return textCell(v);
      case 'b':
        if (v === '1' || v === 'true') return 'TRUE';
        if (v === '0' || v === 'false') return 'FALSE';
        if (v === null) return c.formula ? new ErrorCell('uncalculated', '') : null;
        return this.refuse('import-files.xlsx-bad-value', { cell: c.ref, value: v });
      case 'e':
        return errorCellOf(v ?? '') ?? new ErrorCell('other', (v ?? '').trim() || '#?');
      case 'd': {
        if (v === null) return null;
        const d = new Date(/[zZ]|[+-]\d\d:\d\d$/.test(v) || !v.includes('T') ? v : `${v}Z`);
        if (Number.isNaN(d.getTime())) this.refuse('import-files.xlsx-bad-value', { cell: c.ref, value: v });
        return d;
      }
      case 'n': {
        if (v === null) return c.formula ? new ErrorCell('uncalculated', '') : null;
        const t = v.trim();
        if (!NUMBER.test(t)) return this.refuse('import-files.xlsx-bad-value', { cell: c.ref, value: v.slice(0, 40) });
        const n = Number(t);
        if (this.context.dateStyles?.[c.style]) return serialToDate(n, this.context.date1904) ?? n;
        return n;
      }
      default:
        return this.refuse('import-files.xlsx-bad-value', { cell: c.ref, value: c.type });
    }
  }
}

/** The rows of one worksheet part, as the part is inflated and verified. */
export async function* sheetRows(archive: ZipArchive, entry: ZipEntry, context: SheetContext): AsyncGenerator<RawRow> {
  const handler = new SheetHandler(context, archive.file);
  const feed = new XmlFeed(handler, archive.file, entry.name);
  for await (const chunk of archive.bytes(entry)) {
    feed.write(chunk);
    if (handler.rows.length) yield* handler.rows.splice(0);
  }
  feed.end();
  yield* handler.rows.splice(0);
}
