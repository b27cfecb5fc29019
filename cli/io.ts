import { formatFen, formatPrice, formatQuantity, formatRate } from '../core/money/index.js';
import { commandLanguage } from '../core/errors.js';
import { hasMessage, renderMessage, type Language, type MessageCode } from '../locale/index.js';
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

/** A table's heading for a row key in the command's language: its catalog word (cli.col-doc_no → 单号), else the key. */
export function columnHeading(lang: Language, key: string): string {
  const code = `cli.col-${key}`;
  return hasMessage(code) ? renderMessage(lang, { code: code as MessageCode }) : key;
}

export function printRows(io: Io, rows: Record<string, unknown>[], json: boolean, emptyText?: string): void {
  if (json) {
    io.out(JSON.stringify(rows));
    return;
  }
  const lang = commandLanguage(io.env);
  io.out(rows.length
    ? renderTable(rows, autoColumns(rows, displayValue).map((c) => ({ ...c, header: columnHeading(lang, c.header) })))
    : emptyText ?? renderMessage(lang, { code: 'cli.none' }));
}

export function printJson(io: Io, value: unknown): void {
  io.out(JSON.stringify(value));
}
