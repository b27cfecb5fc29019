import type { Cell } from '../cell-values.js';

/** One row of a sheet or text file, numbered as Excel or WPS would show it. */
export interface RawRow {
  row: number;
  cells: Cell[];
}
