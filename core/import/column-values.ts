import { cellScaled, cellText, isBlank, isErrorCell, type Cell } from './cell-values.js';
import { dateShape } from './date-styles.js';

/** What the values of one column look like, over the first rows under the header. */
export interface ColumnProfile {
  filled: number;
  numbers: number;
  dates: number;
  /** 13-digit EAN codes starting 69 (China's GS1 prefix), or any valid EAN-13/UPC-A */
  barcodes: number;
  /** values the book knows as a store (code, code and name, customer code, unique name) */
  stores: number;
  /** values the book knows as a product SKU */
  skus: number;
}

/** What the book knows, for recognising a column by its values. */
export interface KnownValues {
  isStore(text: string): boolean;
  isSku(text: string): boolean;
}

function validEan(digits: string): boolean {
  if (!/^\d{12,13}$/.test(digits)) return false;
  const d = digits.padStart(13, '0').split('').map(Number);
  const sum = d.slice(0, 12).reduce((s, x, i) => s + x * (i % 2 ? 3 : 1), 0);
  return (10 - (sum % 10)) % 10 === d[12];
}

export function isBarcode(cell: Cell): boolean {
  const t = cellText(cell);
  return /^69\d{11}$/.test(t) || validEan(t);
}

/**
 * Whether a cell could be a number as exports write them (1,234.50, ¥12, 12.5元, (12.00), 1.5万, full-width digits):
 * a quick look that never throws, for profiling columns; the value itself is read by cellScaled.
 */
const NUMBER_LIKE = /^[(+-]?(?:rmb|cny)?[¥￥]?[+-]?\d[\d,]*(?:\.\d+)?(?:元|万|rmb|cny)?[)-]?$/i;
export function looksNumeric(cell: Cell): boolean {
  if (typeof cell === 'number') return Number.isFinite(cell);
  if (typeof cell !== 'string') return false;
  const t = cell.normalize('NFKC').replace(/\s+/g, '');
  return t.length > 0 && t.length < 40 && NUMBER_LIKE.test(t);
}

export function isNumber(cell: Cell): boolean {
  if (!looksNumeric(cell)) return false;
  if (typeof cell === 'number') return true;
  try {
    cellScaled(cell, 6, 'number', {});
    return true;
  } catch {
    return false;
  }
}

/** Reads every column of the sample rows once; known stores and SKUs are asked of the book for distinct values only. */
export function profileColumns(rows: Cell[][], width: number, known: KnownValues | undefined): ColumnProfile[] {
  const profiles: ColumnProfile[] = Array.from({ length: width }, () => ({ filled: 0, numbers: 0, dates: 0, barcodes: 0, stores: 0, skus: 0 }));
  const storeMemo = new Map<string, boolean>();
  const skuMemo = new Map<string, boolean>();
  for (const cells of rows) {
    for (let i = 0; i < width; i++) {
      const cell = cells[i] ?? null;
      // An error value (#REF!, a formula without its result) says nothing of what the column holds.
      if (isBlank(cell) || isErrorCell(cell)) continue;
      const p = profiles[i]!;
      p.filled++;
      if (isNumber(cell)) p.numbers++;
      if (dateShape(cell)) p.dates++;
      if (isBarcode(cell)) p.barcodes++;
      if (!known) continue;
      const text = cellText(cell);
      if (text.length > 60) continue;
      let s = storeMemo.get(text);
      if (s === undefined) storeMemo.set(text, (s = known.isStore(text)));
      if (s) p.stores++;
      let k = skuMemo.get(text);
      if (k === undefined) skuMemo.set(text, (k = known.isSku(text)));
      if (k) p.skus++;
    }
  }
  return profiles;
}

/** Share of a column's filled cells with a property (0 when the column is empty). */
export function share(p: ColumnProfile, n: number): number {
  return p.filled ? n / p.filled : 0;
}
