import { cellText, isBlank, type Cell } from './cell-values.js';
import type { HeaderMatch } from './detect-header.js';
import type { KindSpec } from './import-kinds.js';
import type { RawRow } from './read-rows.js';

/** A data row with its cells by field name, and the columns they came from (for messages). */
export interface RowRecord {
  row: number;
  values: Record<string, Cell>;
  columnOf: Record<string, string>;
}

export interface SkippedRows {
  blank: number;
  totals: number;
  headings: number;
  repeatedHeader: number;
}

const TOTALS = /^(合计|总计|小计|本页合计|累计|汇总|total|grand total|subtotal|sum)\s*[:：]?/i;
/** A group heading row carrying a store for the rows below it: 大润发上海杨浦店(A021). */
const STORE_HEADING = /[（(]\s*([A-Za-z0-9][A-Za-z0-9_-]*)\s*[)）]\s*$/;

/**
 * Turns the rows under the header into records: blank rows, totals rows (合计), repeated header rows and store
 * heading rows are passed over (a heading's store applies to the rows below it), and document-level fields
 * left blank take the value above, as merged cells and grouped exports leave them.
 */
export class RecordReader {
  readonly skipped: SkippedRows = { blank: 0, totals: 0, headings: 0, repeatedHeader: 0 };
  private readonly last: Record<string, Cell> = {};
  private headingStore: string | null = null;
  private readonly fillDown: Set<string>;
  private readonly headerTexts: string[];

  constructor(private readonly header: HeaderMatch, spec: KindSpec, headerCells: Cell[]) {
    this.fillDown = new Set(spec.fields.filter((f) => f.fillDown).map((f) => f.field));
    this.headerTexts = headerCells.map(cellText);
  }

  read(raw: RawRow): RowRecord | undefined {
    const filled = raw.cells.map((c, i) => ({ c, i })).filter((x) => !isBlank(x.c));
    if (filled.length === 0) {
      this.skipped.blank++;
      return undefined;
    }
    const leading = filled.slice(0, 3).map((x) => cellText(x.c));
    if (leading.some((t) => TOTALS.test(t))) {
      this.skipped.totals++;
      return undefined;
    }
    if (filled.length === 1 && typeof filled[0]!.c === 'string') {
      const m = STORE_HEADING.exec(filled[0]!.c.trim());
      if (m) {
        this.headingStore = m[1]!;
        this.skipped.headings++;
        return undefined;
      }
    }
    const texts = raw.cells.map(cellText);
    if (this.header.columns.every((c) => texts[c.column] === this.headerTexts[c.column])) {
      this.skipped.repeatedHeader++;
      return undefined;
    }
    const values: Record<string, Cell> = {};
    const columnOf: Record<string, string> = {};
    for (const col of this.header.columns) {
      let cell = raw.cells[col.column] ?? null;
      if (isBlank(cell) && this.fillDown.has(col.field) && this.last[col.field] !== undefined) cell = this.last[col.field]!;
      values[col.field] = cell;
      columnOf[col.field] = `${col.heading} (column ${col.letter})`;
      if (!isBlank(cell)) this.last[col.field] = cell;
    }
    if (this.headingStore && isBlank(values.storeCode ?? null)) {
      values.storeCode = this.headingStore;
      columnOf.storeCode = 'store heading row';
    }
    return { row: raw.row, values, columnOf };
  }
}
