import { cellText, isBlank, type Cell } from './cell-values.js';
import { headingGroup, normaliseHeading, synonymsOf } from './header-match.js';
import type { FieldSpec, KindSpec } from './import-kinds.js';

/** How far down a sheet the header is looked for: portals put one or two title rows above it, rarely more. */
export const HEADER_SCAN_ROWS = 30;

export interface MappedColumn {
  column: number;
  letter: string;
  heading: string;
  field: string;
}

export interface HeaderMatch {
  /** index into the rows given, and the sheet row number */
  index: number;
  row: number;
  columns: MappedColumn[];
  ignored: { column: number; letter: string; heading: string }[];
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

/** An explicit mapping: file heading → field. It beats detection for the headings it names. */
export type ExplicitMapping = Record<string, string>;

/**
 * Maps one row's headings to fields. A heading may fit several fields (单据号 is the document number of a
 * receipt file but the reference of a statement line); the most specific fits are given out first, so each
 * field takes its best heading and each heading serves one field.
 */
function candidate(cells: Cell[], spec: KindSpec, explicit: Map<string, string>): { fields: Map<string, { column: number; priority: number }>; headings: string[] } {
  const headings = cells.map((c) => cellText(c));
  const byName = new Map(spec.fields.map((f) => [f.field, f]));
  const options: { column: number; field: string; priority: number }[] = [];
  headings.forEach((heading, column) => {
    if (!heading) return;
    const named = explicit.get(normaliseHeading(heading));
    // An explicit mapping to "" (or to no field of this kind) leaves the column unread.
    if (named !== undefined) {
      // An explicit mapping outranks any synonym.
      if (byName.has(named)) options.push({ column, field: named, priority: -1 });
      return;
    }
    const group = headingGroup(heading);
    if (!group) return;
    for (const f of spec.fields) {
      const priority = f.groups.indexOf(group);
      if (priority >= 0) options.push({ column, field: f.field, priority });
    }
  });
  options.sort((a, b) => a.priority - b.priority || a.column - b.column);
  const fields = new Map<string, { column: number; priority: number }>();
  const takenColumns = new Set<number>();
  for (const o of options) {
    if (fields.has(o.field) || takenColumns.has(o.column)) continue;
    fields.set(o.field, { column: o.column, priority: o.priority });
    takenColumns.add(o.column);
  }
  return { fields, headings };
}

/**
 * Finds the header row among the first rows: the row whose headings map to the most fields of the kind (the
 * earliest on a tie). Title rows, blank rows and notes above it are passed over.
 */
export function detectHeader(rows: { row: number; cells: Cell[] }[], spec: KindSpec, explicitMapping: ExplicitMapping = {}): HeaderMatch | undefined {
  const explicit = new Map(Object.entries(explicitMapping).map(([h, f]) => [normaliseHeading(h), f]));
  let best: { index: number; fields: Map<string, { column: number; priority: number }>; headings: string[] } | undefined;
  rows.slice(0, HEADER_SCAN_ROWS).forEach((r, index) => {
    if (r.cells.filter((c) => !isBlank(c)).length < 2) return;
    const c = candidate(r.cells, spec, explicit);
    if (c.fields.size >= 2 && (!best || c.fields.size > best.fields.size)) best = { index, ...c };
  });
  if (!best) return undefined;
  const chosen = best;
  const used = new Set([...chosen.fields.values()].map((v) => v.column));
  const columns = [...chosen.fields.entries()]
    .map(([field, { column }]) => ({ column, letter: columnLetter(column), heading: chosen.headings[column]!, field }))
    .sort((a, b) => a.column - b.column);
  const ignored = chosen.headings
    .map((heading, column) => ({ column, letter: columnLetter(column), heading }))
    .filter((h) => h.heading && !used.has(h.column));
  return { index: chosen.index, row: rows[chosen.index]!.row, columns, ignored };
}

/** What a missing field is called in files, for messages: its first few synonyms. */
export function expectedHeadings(field: FieldSpec): string {
  return field.groups.flatMap((g) => synonymsOf(g)).slice(0, 4).join('/');
}
