import type { DateOrder, NumberKind } from '../../vocabulary/index.js';
import { UserError, type ErrorPlace } from '../errors.js';
import { cellScaled, cellText, ErrorCell, isBlank, refuseErrorCell, type Cell } from './cell-values.js';
import { plainDecimal } from '../money/parse-decimal.js';
import { readDate } from './date-styles.js';
import type { RowRecord } from './row-records.js';

/** What a date is read with: the refusal, if any, is given the field's place here. */
const NO_PLACE: ErrorPlace = Object.freeze({});

/**
 * Typed access to one record's fields; every failure names the file, row and column. Every field of every row passes
 * here, so the place a message would name is only built when there is a message to make.
 */
export class FieldReader {
  /**
   * @param dateOrders the day/month order decided for each date field whose column writes 03/10/2026 (the whole
   * column decides it, see date-styles.ts)
   */
  constructor(readonly record: RowRecord, private readonly file: string, private readonly dateOrders: ReadonlyMap<string, DateOrder> = new Map()) {}

  place(field: string): ErrorPlace {
    return { file: this.file, row: this.record.row, field: this.record.columnOf[field] ?? field };
  }

  has(field: string): boolean {
    const v = this.record.values[field];
    return v !== undefined && !isBlank(v);
  }

  text(field: string): string {
    if (!this.has(field)) throw new UserError('import.empty', {}, this.place(field));
    return this.optText(field)!;
  }

  /** An error value (#REF!, #N/A …) is never read as text: the field is refused (the readers' ErrorCell). */
  optText(field: string): string | undefined {
    const cell = this.record.values[field];
    if (cell === undefined || isBlank(cell)) return undefined;
    if (cell instanceof ErrorCell) refuseErrorCell(cell, this.place(field));
    return cellText(cell);
  }

  date(field: string): string {
    if (!this.has(field)) throw new UserError('import.date-empty', {}, this.place(field));
    try {
      return readDate(this.record.values[field]!, this.dateOrders.get(field), NO_PLACE);
    } catch (e) {
      throw e instanceof UserError ? e.withPlace(this.place(field)) : e;
    }
  }

  optDate(field: string): string | undefined {
    return this.has(field) ? this.date(field) : undefined;
  }

  amount(field: string): number {
    return this.scaled(field, 2, 'amount');
  }

  price(field: string): number {
    return this.scaled(field, 4, 'price');
  }

  qty(field: string): number {
    return this.scaled(field, 3, 'quantity');
  }

  int(field: string): number {
    return this.scaled(field, 0, 'number');
  }

  /** A plain decimal text (1234.50, -3) is read at once; anything else, and every refusal, by cellScaled. */
  private scaled(field: string, scale: number, what: NumberKind): number {
    const cell: Cell = this.record.values[field] ?? null;
    if (typeof cell === 'string') {
      const plain = plainDecimal(cell, scale);
      if (plain !== undefined) return plain;
    }
    return cellScaled(cell, scale, what, this.place(field));
  }

  /** "13%", "13", "0.13" → ppm; a bare number above 1 is read as percent (税率 13). */
  rate(field: string): number {
    const cell = this.record.values[field] ?? null;
    refuseErrorCell(cell, this.place(field));
    const text = cellText(cell);
    if (/[%％]\s*$/.test(text)) return cellScaled(text.replace(/[%％]\s*$/, ''), 4, 'rate', this.place(field));
    const fraction = cellScaled(cell, 6, 'rate', this.place(field));
    return fraction > 1_000_000 ? fraction / 100 : fraction;
  }
}
