import type { DateOrder, DateStyle } from '../../vocabulary/index.js';
import { isIsoDate } from '../calendar/dates.js';
import { UserError, type ErrorPlace } from '../errors.js';
import { cellDate, cellText, isBlank, type Cell } from './cell-values.js';

/**
 * Date styles decided per column, never per row. 2026-10-03, 2026/10/3, 20261003, 2026年10月3日, serial numbers and
 * date cells say what they are; 10/03/2026 does not: it is October in a month-first column and March in a day-first
 * one. The whole column decides — one 25/10/2026 makes it day-first, one 10/25/2026 month-first — and a column with
 * no such value (every day ≤ 12) is not guessed at: the user says which (--date-order, the wizard, a saved mapping).
 */
const SLASHED = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;
const TIME_TAIL = /(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$/;

/** What one value can be: its style, or for 03/04/2026 the orders that fit. */
export interface DateShape {
  style: DateStyle | 'slashed';
  /** for slashed values: which orders give a calendar date */
  orders?: DateOrder[];
}

function validYmd(y: number, m: number, d: number): boolean {
  return isIsoDate(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
}

/** The shape of one date value, or undefined when it is no date at all. */
export function dateShape(cell: Cell): DateShape | undefined {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? undefined : { style: 'date-cell' };
  if (typeof cell === 'number') {
    if (Number.isInteger(cell) && cell >= 19_000_101 && cell <= 20_991_231) {
      const t = String(cell);
      return validYmd(Number(t.slice(0, 4)), Number(t.slice(4, 6)), Number(t.slice(6))) ? { style: 'compact' } : undefined;
    }
    return cell >= 32_874 && cell < 73_051 ? { style: 'serial' } : undefined;
  }
  const text = cellText(cell).replace(TIME_TAIL, '').trim();
  if (!text) return undefined;
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  if (m) return validYmd(+m[1]!, +m[2]!, +m[3]!) ? { style: 'ymd' } : undefined;
  m = /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/.exec(text);
  if (m) return validYmd(+m[1]!, +m[2]!, +m[3]!) ? { style: 'cjk' } : undefined;
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m) return validYmd(+m[1]!, +m[2]!, +m[3]!) ? { style: 'compact' } : undefined;
  m = SLASHED.exec(text);
  if (m) {
    const [a, b, y] = [+m[1]!, +m[2]!, +m[3]!];
    const orders: DateOrder[] = [];
    if (validYmd(y, b, a)) orders.push('dmy');
    if (validYmd(y, a, b)) orders.push('mdy');
    return orders.length ? { style: 'slashed', orders } : undefined;
  }
  if (/^\d{5}(\.\d+)?$/.test(text)) return { style: 'serial' };
  return undefined;
}

/** A column's dates as read so far: how many of each style, and the slashed values that settle the order. */
export class DateColumn {
  readonly counts = new Map<DateStyle | 'slashed', number>();
  /** a value only day-first reads (25/10/2026), and one only month-first reads (10/25/2026) */
  readonly decisive: Partial<Record<DateOrder, string>> = {};
  example: string | undefined;
  slashedExample: string | undefined;

  add(cell: Cell): void {
    if (isBlank(cell)) return;
    const shape = dateShape(cell);
    if (!shape) return;
    this.counts.set(shape.style, (this.counts.get(shape.style) ?? 0) + 1);
    this.example ??= cellText(cell);
    if (shape.style === 'slashed') {
      this.slashedExample ??= cellText(cell);
      if (shape.orders!.length === 1) this.decisive[shape.orders![0]!] ??= cellText(cell);
    }
  }

  get hasSlashed(): boolean {
    return (this.counts.get('slashed') ?? 0) > 0;
  }

  /** dmy or mdy when the values settle it; 'both' when they contradict each other; undefined when none tells */
  order(): DateOrder | 'both' | undefined {
    if (this.decisive.dmy && this.decisive.mdy) return 'both';
    return this.decisive.dmy ? 'dmy' : this.decisive.mdy ? 'mdy' : undefined;
  }

  /** The style most values have (what the preview shows). */
  style(order: DateOrder | undefined): DateStyle | undefined {
    let best: DateStyle | 'slashed' | undefined;
    let n = 0;
    for (const [s, c] of this.counts) if (c > n) [best, n] = [s, c];
    if (best === 'slashed') return order;
    return best;
  }
}

/**
 * Each distinct text of a date column read once per order: a file repeats the same few hundred dates on a million
 * rows. Only what was read is kept (a refusal is thrown again each time, naming its own row).
 */
const readMemo: Record<DateOrder | 'none', Map<string, string>> = { none: new Map(), dmy: new Map(), mdy: new Map() };
const READ_MEMO_SIZE = 10_000;

/** Reads a date of a column whose order is decided (or not needed: every other style says what it is). */
export function readDate(cell: Cell, order: DateOrder | undefined, place: ErrorPlace): string {
  if (typeof cell !== 'string' || cell.length > 40) return readDateOnce(cell, order, place);
  const memo = readMemo[order ?? 'none'];
  let iso = memo.get(cell);
  if (iso === undefined) {
    iso = readDateOnce(cell, order, place);
    if (memo.size >= READ_MEMO_SIZE) memo.clear();
    memo.set(cell, iso);
  }
  return iso;
}

function readDateOnce(cell: Cell, order: DateOrder | undefined, place: ErrorPlace): string {
  if (typeof cell === 'number' && Number.isInteger(cell) && cell >= 19_000_101 && cell <= 20_991_231) return readDate(String(cell), order, place);
  if (typeof cell === 'string') {
    const text = cellText(cell).replace(TIME_TAIL, '').trim();
    const m = SLASHED.exec(text);
    if (m) {
      if (!order) throw new UserError('import.date-order-unknown', { value: text }, place);
      const [a, b, y] = [+m[1]!, +m[2]!, +m[3]!];
      const [month, day] = order === 'mdy' ? [a, b] : [b, a];
      if (!validYmd(y, month, day)) throw new UserError('import.date-not-in-order', { value: text, order }, place);
      return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    }
    if (text !== cellText(cell)) return cellDate(text, place);
  }
  return cellDate(cell, place);
}

/** The two readings of an undecidable value, for the question put to the user. */
export function bothReadings(value: string): { dmy: string; mdy: string } | undefined {
  const m = SLASHED.exec(value.replace(TIME_TAIL, '').trim());
  if (!m) return undefined;
  const pad = (n: string) => n.padStart(2, '0');
  return { dmy: `${m[3]}-${pad(m[2]!)}-${pad(m[1]!)}`, mdy: `${m[3]}-${pad(m[1]!)}-${pad(m[2]!)}` };
}
