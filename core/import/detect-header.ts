import type { MappingBasis } from '../../vocabulary/index.js';
import { cellText, isBlank, type Cell } from './cell-values.js';
import { isNumber, profileColumns, type KnownValues } from './column-values.js';
import { dateShape } from './date-styles.js';
import { normaliseHeading, synonymsOf } from './header-match.js';
import type { FieldSpec, KindSpec } from './import-kinds.js';
import { mapColumns, type ForcedColumns } from './map-columns.js';

/** How far down a sheet the header is looked for: portals put title rows and query conditions above it. */
export const HEADER_SCAN_ROWS = 30;
/** How many rows under the header are looked at to check what the headings say against the values. */
export const VALUE_SAMPLE_ROWS = 200;

export interface MappedColumn {
  column: number;
  letter: string;
  heading: string;
  field: string;
  /** how sure the reading is, 0..100 */
  confidence: number;
  basis: MappingBasis;
}

export interface HeaderMatch {
  /** index into the rows given, and the sheet row number */
  index: number;
  row: number;
  columns: MappedColumn[];
  ignored: { column: number; letter: string; heading: string }[];
  /** fields two columns fit equally well: the user says which */
  competing: { field: string; columns: { column: number; letter: string; heading: string; confidence: number }[] }[];
}

/** A, B, … Z, AA: how spreadsheet users name a column. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** An explicit mapping: file heading (or column letter) → field. It beats detection for the headings it names. */
export type ExplicitMapping = Record<string, string>;

export interface HeaderOptions {
  /** --map: named by hand */
  explicit?: ExplicitMapping;
  /** a saved mapping found for this file */
  saved?: ExplicitMapping;
  /** the row the saved mapping was made for (its header signature matched there) */
  savedRowIndex?: number;
  known?: KnownValues;
  kaFile?: boolean;
  /** false: read headings by their parts alone, without the table of known headings (to test that parts suffice) */
  useSynonyms?: boolean;
}

function forcedFor(headings: string[], o: HeaderOptions): ForcedColumns {
  const forced: ForcedColumns = new Map();
  const explicit = new Map(Object.entries(o.explicit ?? {}).map(([h, f]) => [normaliseHeading(h), f]));
  const saved = new Map(Object.entries(o.saved ?? {}).map(([h, f]) => [normaliseHeading(h), f]));
  headings.forEach((heading, column) => {
    const key = normaliseHeading(heading);
    const letter = columnLetter(column).toLowerCase();
    const byHand = (heading ? explicit.get(key) : undefined) ?? explicit.get(letter);
    if (byHand !== undefined) forced.set(column, { field: byHand, basis: 'explicit' });
    else if (heading && saved.has(key)) forced.set(column, { field: saved.get(key)!, basis: 'saved' });
  });
  return forced;
}

/**
 * Finds the header row among the first rows — the row whose headings make the best header for the kind (title rows,
 * export conditions and notes above it are passed over) — then reads each heading as a field by its parts and checks
 * the reading against the values under it.
 */
export function detectHeader(rows: { row: number; cells: Cell[] }[], spec: KindSpec, o: HeaderOptions = {}): HeaderMatch | undefined {
  let best: { index: number; score: number } | undefined;
  if (o.savedRowIndex !== undefined) best = { index: o.savedRowIndex, score: Infinity };
  else {
    rows.slice(0, HEADER_SCAN_ROWS).forEach((r, index) => {
      if (r.cells.filter((c) => !isBlank(c)).length < 2) return;
      const headings = r.cells.map((c) => cellText(c));
      const m = mapColumns(headings, spec, forcedFor(headings, o), { useSynonyms: o.useSynonyms });
      if (m.chosen.length >= 2 && (!best || m.rowScore > best.score)) best = { index, score: m.rowScore };
    });
  }
  const readAt = (index: number, sampleRows = VALUE_SAMPLE_ROWS) => {
    const headings = rows[index]!.cells.map((c) => cellText(c));
    const sample = rows.slice(index + 1, index + 1 + sampleRows).map((r) => r.cells);
    const width = Math.max(headings.length, ...sample.map((c) => c.length));
    const profiles = profileColumns(sample, width, o.known);
    return { headings, m: mapColumns(headings, spec, forcedFor(headings, o), { profiles, sample, kaFile: o.kaFile, useSynonyms: o.useSynonyms }) };
  };
  // Headings no one has used: the row whose columns the values below it explain best (a row of data is no header).
  if (!best) {
    rows.slice(0, HEADER_SCAN_ROWS).forEach((r, index) => {
      const filled = r.cells.filter((c) => !isBlank(c));
      if (filled.length < 2 || filled.filter((c) => isNumber(c) || dateShape(c)).length * 2 >= filled.length) return;
      const { m } = readAt(index, 50);
      if (m.chosen.length >= 2 && (!best || m.rowScore > best.score)) best = { index, score: m.rowScore };
    });
  }
  if (!best) return undefined;
  const index = best.index;
  const { headings, m } = readAt(index);
  const used = new Set(m.chosen.map((c) => c.column));
  const describe = (column: number) => ({ column, letter: columnLetter(column), heading: headings[column] ?? '' });
  return {
    index,
    row: rows[index]!.row,
    columns: m.chosen.map((c) => ({ ...describe(c.column), field: c.field, confidence: Math.min(100, Math.round(c.score * 100)), basis: c.basis })),
    ignored: headings.map((_, column) => describe(column)).filter((h) => h.heading && !used.has(h.column)),
    competing: m.competing.map((c) => ({ field: c.field, columns: c.columns.map((x) => ({ ...describe(x.column), confidence: Math.min(100, Math.round(x.score * 100)) })) })),
  };
}

/** What a missing field is called in files, for messages: its first few synonyms. */
export function expectedHeadings(field: FieldSpec): string {
  return field.groups.flatMap((g) => synonymsOf(g)).slice(0, 4).join('/');
}
