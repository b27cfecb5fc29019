import type { DateOrder } from '../../vocabulary/index.js';
import { UserError, type ErrorPlace } from '../errors.js';
import { cellScaled, cellText, isBlank, refuseErrorCell } from './cell-values.js';
import { readDate } from './date-styles.js';
import type { RowRecord } from './row-records.js';

/** Typed access to one record's fields; every failure names the file, row and column. */
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
    if (!this.has(field)) return undefined;
    const cell = this.record.values[field]!;
    refuseErrorCell(cell, this.place(field));
    return cellText(cell);
  }

  date(field: string): string {
    if (!this.has(field)) throw new UserError('import.date-empty', {}, this.place(field));
    return readDate(this.record.values[field]!, this.dateOrders.get(field), this.place(field));
  }

  optDate(field: string): string | undefined {
    return this.has(field) ? this.date(field) : undefined;
  }

  amount(field: string): number {
    return cellScaled(this.record.values[field] ?? null, 2, 'amount', this.place(field));
  }

  price(field: string): number {
    return cellScaled(this.record.values[field] ?? null, 4, 'price', this.place(field));
  }

  qty(field: string): number {
    return cellScaled(this.record.values[field] ?? null, 3, 'quantity', this.place(field));
  }

  int(field: string): number {
    return cellScaled(this.record.values[field] ?? null, 0, 'number', this.place(field));
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
