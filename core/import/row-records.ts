import { cellText, isBlank, type Cell } from './cell-values.js';
import type { HeaderMatch } from './detect-header.js';
import { continuationOf, documentIdentity } from './fill-down.js';
import type { KindSpec } from './import-kinds.js';
import type { RawRow } from './read-rows.js';
import { SubtotalWatch } from './subtotal-rows.js';

/** A data row with its cells by field name, and the columns they came from (for messages). */
export interface RowRecord {
  row: number;
  values: Record<string, Cell>;
  columnOf: Readonly<Record<string, string>>;
  /** fields whose blank cell took the value above (a continued document); the preview marks them */
  filled: string[];
  /** the store came from a heading row above the lines */
  storeFromHeading: boolean;
}

export interface SkippedRows {
  blank: number;
  totals: number;
  headings: number;
  repeatedHeader: number;
}

/** A group heading row carrying a store for the rows below it: 大润发上海杨浦店(A021). */
const STORE_HEADING = /[（(]\s*([A-Za-z0-9][A-Za-z0-9_-]*)\s*[)）]\s*$/;

export interface RecordOptions {
  /** whether a lone cell names a known store (门店：101-上海古北店, 大润发上海杨浦店(A021)) */
  isStoreHeading?: (text: string) => boolean;
}

/**
 * Turns the rows under the header into records: blank rows, totals and subtotal rows (合计, 小计 per customer, day or
 * document, or unlabelled rows that add up the lines above), repeated header rows and store heading rows are passed
 * over (a heading's store applies to the rows below it). Document-level fields left blank take the value above only
 * within the same document — the same document number, or a continuation row whose number is blank — so a
 * chain-level line (no store) is never given the store of the document before it.
 */
export class RecordReader {
  readonly skipped: SkippedRows = { blank: 0, totals: 0, headings: 0, repeatedHeader: 0 };
  private last: Record<string, Cell> = {};
  private headingStore: string | null = null;
  private readonly fillDown: Set<string>;
  /** the mapped fields that take the value above, in column order */
  private readonly fillDownFields: string[];
  private readonly headerTexts: string[];
  private readonly identity: string | undefined;
  private readonly subtotals: SubtotalWatch;
  private readonly columnOf: Readonly<Record<string, string>>;

  constructor(private readonly header: HeaderMatch, spec: KindSpec, headerCells: Cell[], private readonly options: RecordOptions = {}) {
    const mapped = new Set(header.columns.map((c) => c.field));
    this.fillDown = new Set(spec.fields.filter((f) => f.fillDown && mapped.has(f.field)).map((f) => f.field));
    this.fillDownFields = header.columns.map((c) => c.field).filter((f) => this.fillDown.has(f));
    this.headerTexts = headerCells.map(cellText);
    this.identity = documentIdentity(mapped);
    this.subtotals = new SubtotalWatch(header, spec);
    this.columnOf = Object.freeze(Object.fromEntries(header.columns.map((col) => [col.field, `${col.heading} (column ${col.letter})`])));
  }

  /** Whether a row is the header again (a paged export repeats it): asked of every row, and the first cell nearly always answers. */
  private repeatsHeader(cells: Cell[]): boolean {
    for (const c of this.header.columns) if (cellText(cells[c.column] ?? null) !== this.headerTexts[c.column]) return false;
    return true;
  }

  read(raw: RawRow): RowRecord | undefined {
    const cells = raw.cells;
    // The columns of the row's filled cells, by index: no object per cell, as every row of the file passes here.
    const filled: number[] = [];
    for (let i = 0; i < cells.length; i++) if (!isBlank(cells[i]!)) filled.push(i);
    if (filled.length === 0) {
      this.skipped.blank++;
      return undefined;
    }
    if (this.subtotals.isLabelled(cells, filled)) {
      this.skipped.totals++;
      return undefined;
    }
    const lone = cells[filled[0]!];
    if (filled.length === 1 && typeof lone === 'string') {
      const text = lone.trim();
      if (this.options.isStoreHeading?.(text) || STORE_HEADING.test(text)) {
        this.headingStore = text;
        this.last = {};
        this.skipped.headings++;
        return undefined;
      }
    }
    if (this.repeatsHeader(cells)) {
      this.skipped.repeatedHeader++;
      return undefined;
    }
    const own: Record<string, Cell> = {};
    for (const col of this.header.columns) own[col.field] = cells[col.column] ?? null;
    if (this.subtotals.isUnlabelled(own)) {
      this.skipped.totals++;
      return undefined;
    }

    const continued = continuationOf(own, this.last, this.identity, this.fillDown);
    if (!continued) this.last = {};
    // The row's own cells, blanks of a continued document filled from above (the row's object is not needed apart).
    const values = own;
    // The same for every row (a copy only when a heading row gave the store): built once, not per row.
    let columnOf = this.columnOf;
    const fills: string[] = [];
    for (const field of this.fillDownFields) {
      const cell = values[field]!;
      if (!isBlank(cell)) this.last[field] = cell;
      else if (continued && this.last[field] !== undefined) {
        values[field] = this.last[field]!;
        fills.push(field);
      }
    }
    let storeFromHeading = false;
    if (this.headingStore && isBlank(values.storeCode ?? null)) {
      values.storeCode = this.headingStore;
      columnOf = { ...columnOf, storeCode: 'store heading row' };
      storeFromHeading = true;
    }
    this.subtotals.add(values);
    return { row: raw.row, values, columnOf, filled: fills, storeFromHeading };
  }
}
