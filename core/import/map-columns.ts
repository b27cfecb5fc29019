import type { MappingBasis } from '../../vocabulary/index.js';
import { lineAmount } from '../money/rounding.js';
import { cellScaled, isBlank, type Cell } from './cell-values.js';
import { looksNumeric, share, type ColumnProfile } from './column-values.js';
import { headingFit } from './header-match.js';
import { meaningOf } from './heading-meaning.js';
import type { FieldSpec, KindSpec } from './import-kinds.js';

/** One column read as a field, with how sure the reading is (0..1) and why. */
export interface ColumnChoice {
  column: number;
  field: string;
  score: number;
  basis: MappingBasis;
  /** the little the table of known headings added: two columns compete on what their parts and values say */
  known?: number;
}

/** Two (or more) columns that fit one field equally well: the user must say which. */
export interface Competition {
  field: string;
  columns: { column: number; score: number }[];
}

export interface ColumnMapping {
  chosen: ColumnChoice[];
  competing: Competition[];
  /** how good a header this row is: the fields it gives, weighted by how sure each is */
  rowScore: number;
}

/** A column named by hand (--map), or by a saved mapping; '' leaves it unread. */
export type ForcedColumns = Map<number, { field: string; basis: 'explicit' | 'saved' }>;

export interface MappingContext {
  profiles?: ColumnProfile[];
  /** the rows under the header, for the amount ≈ quantity × price check */
  sample?: Cell[][];
  /** a KA's own file (receipts, returns): a product code column that holds no SKU of ours is the KA's item code */
  kaFile?: boolean;
  /** let the table of known headings add confidence (default); without it the parts and values alone decide */
  useSynonyms?: boolean;
}

/** Columns closer than this in fit compete; fits below the floor are not offered as rivals. */
const TIE = 0.04;
const RIVAL_FLOOR = 0.6;
/** A date heading this sure is not overruled by its values. */
const PLAIN_DATE_FIT = 0.75;
const NUMERIC_TYPES = new Set(['qty', 'price', 'amount', 'int', 'rate']);

function fitOf(field: FieldSpec, heading: string, useSynonyms: boolean): number {
  let best = 0;
  field.groups.forEach((g, k) => {
    const fit = headingFit(g, heading, useSynonyms) - 0.03 * k;
    if (fit > best) best = fit;
  });
  return best;
}

/** What a column's values say of a field: a bonus, a malus, or that it cannot be (null). */
function valueAdjustment(field: FieldSpec, p: ColumnProfile | undefined): number | null {
  if (!p || p.filled === 0) return 0;
  if (field.type === 'date') {
    const s = share(p, p.dates);
    return s >= 0.8 ? 0.05 : s <= 0.3 ? null : 0;
  }
  if (NUMERIC_TYPES.has(field.type)) {
    const s = share(p, p.numbers);
    if (s <= 0.3) return null;
    if (field.field === 'qty' || field.field === 'price' || field.field === 'amount') return s >= 0.8 ? 0.03 : 0;
    return 0;
  }
  switch (field.field) {
    case 'barcode': return share(p, p.barcodes) >= 0.7 ? 0.1 : share(p, p.barcodes) < 0.2 ? -0.4 : 0;
    case 'sku': return share(p, p.skus) >= 0.5 ? 0.1 : 0;
    case 'storeCode': return share(p, p.stores) >= 0.5 ? 0.1 : 0;
    default: return 0;
  }
}

/**
 * Columns recognised by their values alone: a column of 69-barcodes, of store codes the book knows, of its SKUs —
 * whatever the heading — and, under a heading that says nothing at all ("When", "Col7"), a column of dates.
 */
function valueOnly(field: FieldSpec, p: ColumnProfile | undefined, headingSaysNothing: boolean): number {
  if (!p || p.filled < 2) return 0;
  if (field.field === 'barcode' && share(p, p.barcodes) >= 0.9) return 0.6;
  if (field.field === 'storeCode' && share(p, p.stores) >= 0.8) return 0.55;
  if (field.field === 'sku' && share(p, p.skus) >= 0.8) return 0.55;
  if (headingSaysNothing && field.type === 'date' && field.required && share(p, p.dates) >= 0.9) return 0.5;
  return 0;
}

/** Share of a column's numbers that are whole: quantities usually are, prices usually are not. */
function wholeShare(sample: Cell[][], column: number): number {
  let n = 0;
  let whole = 0;
  for (const cells of sample) {
    const v = scaled(cells[column] ?? null, 3);
    if (v === undefined) continue;
    n++;
    if (v % 1000 === 0) whole++;
  }
  return n ? whole / n : 0;
}

function assign(cands: ColumnChoice[], fieldOrder: Map<string, number>, forced: ColumnChoice[]): ColumnChoice[] {
  const sorted = [...cands].sort((a, b) => b.score - a.score || fieldOrder.get(a.field)! - fieldOrder.get(b.field)! || a.column - b.column);
  const chosen = [...forced];
  const fields = new Set(forced.map((c) => c.field));
  const columns = new Set(forced.map((c) => c.column));
  for (const c of sorted) {
    if (fields.has(c.field) || columns.has(c.column)) continue;
    chosen.push(c);
    fields.add(c.field);
    columns.add(c.column);
  }
  return chosen;
}

function scaled(cell: Cell, scale: number): number | undefined {
  if (isBlank(cell) || !looksNumeric(cell)) return undefined;
  try {
    return cellScaled(cell, scale, 'number', {});
  } catch {
    return undefined;
  }
}

/** Share of rows where amount = quantity × price within a fen, and how many rows could be checked. */
function productFit(sample: Cell[][], q: number, p: number, a: number): { fit: number; checked: number } {
  let checked = 0;
  let fits = 0;
  for (const cells of sample) {
    const qty = scaled(cells[q] ?? null, 3);
    const price = scaled(cells[p] ?? null, 4);
    const amount = scaled(cells[a] ?? null, 2);
    if (qty === undefined || price === undefined || amount === undefined) continue;
    checked++;
    if (Math.abs(lineAmount(qty, price) - amount) <= 1) fits++;
  }
  return { fit: checked ? fits / checked : 0, checked };
}

/**
 * Reads one row's headings as fields. Each heading is scored for every field of the kind by its parts; the values
 * below it raise or lower the score (a column of 69-barcodes is a barcode, of dates a date, of known store codes the
 * store); the column that is quantity × price is the amount. Fields then take their best columns, the surest first,
 * each column serving one field. Two columns fitting one field equally well compete, and are reported.
 */
export function mapColumns(headings: string[], spec: KindSpec, forcedColumns: ForcedColumns, ctx: MappingContext = {}): ColumnMapping {
  const fieldOrder = new Map(spec.fields.map((f, i) => [f.field, i]));
  const byField = new Map(spec.fields.map((f) => [f.field, f]));
  const forced: ColumnChoice[] = [];
  const skip = new Set<number>();
  for (const [column, { field, basis }] of forcedColumns) {
    skip.add(column);
    if (field && byField.has(field)) forced.push({ column, field, score: 1, basis });
  }
  const cands: ColumnChoice[] = [];
  headings.forEach((heading, column) => {
    if (!heading || skip.has(column)) return;
    const p = ctx.profiles?.[column];
    for (const f of spec.fields) {
      const fit = fitOf(f, heading, ctx.useSynonyms ?? true);
      if (fit > 0) {
        let adjust = valueAdjustment(f, p);
        // A heading that plainly names a date (验收日期) keeps its column even when the values are broken (1e308, a
        // formula saved without its result): each such row is then refused by row and column, not the whole file
        // for "no date column".
        if (adjust === null && f.type === 'date' && fit >= PLAIN_DATE_FIT) adjust = -0.1;
        if (adjust === null) continue;
        // Scores are not capped here, so two headings that both fit well still keep their order; 1 and above read 100%.
        const score = Math.max(0, fit + adjust);
        const known = Math.max(0, fit - fitOf(f, heading, false));
        if (score > 0.2) cands.push({ column, field: f.field, score, basis: adjust > 0 ? 'heading-and-values' : 'heading', ...(known ? { known } : {}) });
      } else {
        const byValues = valueOnly(f, p, meaningOf(heading).concepts.length === 0);
        if (byValues > 0) cands.push({ column, field: f.field, score: byValues, basis: 'values' });
      }
    }
  });

  // A KA's item code in a "商品编码" column: none of its values is one of our SKUs, and a barcode column identifies the product.
  if (ctx.kaFile && ctx.profiles && byField.has('kaItemCode')) {
    const hasBarcodes = cands.some((c) => c.field === 'barcode' && share(ctx.profiles![c.column]!, ctx.profiles![c.column]!.barcodes) >= 0.7);
    for (const c of cands.filter((x) => x.field === 'sku')) {
      const p = ctx.profiles[c.column]!;
      if (hasBarcodes && p.filled > 0 && p.skus === 0 && share(p, p.barcodes) < 0.2) {
        cands.push({ column: c.column, field: 'kaItemCode', score: c.score + 0.01, basis: 'heading-and-values' });
        c.score -= 0.2;
      }
    }
  }

  let chosen = assign(cands, fieldOrder, forced);

  // No quantity or price by heading, but an amount: the two numeric columns whose product it is, the whole one the quantity.
  const amountCol = chosen.find((c) => c.field === 'amount');
  if (ctx.sample?.length && ctx.profiles && amountCol && byField.has('qty') && byField.has('price') && !chosen.some((c) => c.field === 'qty' || c.field === 'price')) {
    const used = new Set(chosen.map((c) => c.column));
    const free = headings.map((_, i) => i).filter((i) => !used.has(i) && share(ctx.profiles![i]!, ctx.profiles![i]!.numbers) >= 0.8);
    for (const q of free) {
      for (const p of free) {
        if (q === p || wholeShare(ctx.sample, q) <= wholeShare(ctx.sample, p)) continue;
        const { fit, checked } = productFit(ctx.sample, q, p, amountCol.column);
        if (checked >= 2 && fit >= 0.9) {
          cands.push({ column: q, field: 'qty', score: 0.5, basis: 'values' }, { column: p, field: 'price', score: 0.5, basis: 'values' });
        }
      }
    }
    chosen = assign(cands, fieldOrder, forced);
  }

  // The amount is the column that is quantity × price; a price column that makes it so is the price.
  const qty = chosen.find((c) => c.field === 'qty');
  const price = chosen.find((c) => c.field === 'price');
  if (ctx.sample?.length && ctx.profiles && qty && price && byField.has('amount') && !forced.some((c) => c.field === 'amount')) {
    const priceCols = [...new Set([price.column, ...cands.filter((c) => c.field === 'price').map((c) => c.column)])];
    const numeric = headings.map((_, i) => i).filter((i) => i !== qty.column && !priceCols.includes(i) && share(ctx.profiles![i]!, ctx.profiles![i]!.numbers) >= 0.8);
    let best: { p: number; a: number; fit: number } | undefined;
    for (const p of priceCols) {
      for (const a of numeric) {
        const { fit, checked } = productFit(ctx.sample, qty.column, p, a);
        if (checked === 0) continue;
        for (const c of cands.filter((x) => x.column === a && x.field === 'amount')) {
          if (p !== price.column) continue;
          if (fit >= 0.8) [c.score, c.basis] = [c.score + 0.1, c.basis === 'values' ? 'values' : 'heading-and-values'];
          else if (fit < 0.2 && checked >= 2) c.score -= 0.2;
        }
        if (fit >= 0.8 && (!best || fit > best.fit)) best = { p, a, fit };
      }
    }
    if (best) {
      if (!cands.some((c) => c.field === 'amount' && c.column === best!.a)) {
        const taken = chosen.some((c) => c.column === best!.a && c.field !== 'amount');
        if (!taken) cands.push({ column: best.a, field: 'amount', score: 0.6, basis: 'values' });
      }
      if (!forced.some((c) => c.field === 'price')) {
        for (const c of cands.filter((x) => x.field === 'price' && x.column === best!.p)) [c.score, c.basis] = [c.score + 0.05, c.basis === 'values' ? 'values' : 'heading-and-values'];
      }
    }
    chosen = assign(cands, fieldOrder, forced);
  }

  const usedColumns = new Set(chosen.map((c) => c.column));
  const competing: Competition[] = [];
  for (const c of chosen) {
    if (c.basis === 'explicit' || c.basis === 'saved') continue;
    const parts = (x: ColumnChoice) => x.score - (x.known ?? 0);
    const rivals = cands.filter((x) => x.field === c.field && x.column !== c.column && !usedColumns.has(x.column)
      && x.score >= RIVAL_FLOOR && Math.abs(parts(c) - parts(x)) <= TIE);
    if (rivals.length) competing.push({ field: c.field, columns: [c, ...rivals].map((x) => ({ column: x.column, score: x.score })) });
  }
  const required = spec.fields.filter((f) => f.required).map((f) => f.field);
  const rowScore = chosen.reduce((s, c) => s + (c.score >= 0.5 ? c.score : 0), 0) + 0.5 * required.filter((f) => chosen.some((c) => c.field === f)).length;
  return { chosen: chosen.sort((a, b) => a.column - b.column), competing, rowScore };
}
