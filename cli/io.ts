import { formatFen, formatPrice, formatQuantity, formatRate } from '../core/money/index.js';
import { autoColumns, renderTable } from './text-table.js';

/** Where a command writes; tests pass their own. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  env: process.env,
};

/** Integers in the book's units shown as people read them. */
export function displayValue(key: string, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (key.endsWith('_fen')) return formatFen(value);
    if (key.endsWith('_e4')) return formatPrice(value);
    if (key.endsWith('_milli')) return formatQuantity(value);
    if (key.endsWith('_ppm')) return formatRate(value);
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

export function printRows(io: Io, rows: Record<string, unknown>[], json: boolean, emptyText = '(none)'): void {
  if (json) {
    io.out(JSON.stringify(rows));
    return;
  }
  io.out(rows.length ? renderTable(rows, autoColumns(rows, displayValue)) : emptyText);
}

export function printJson(io: Io, value: unknown): void {
  io.out(JSON.stringify(value));
}
