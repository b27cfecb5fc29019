import { createHash } from 'node:crypto';
import type { Book } from '../../db/connection.js';
import { deleteMapping, listMappings, mappingRow, mappingsBySignature, saveMapping, type MappingRow } from '../../db/queries/import-mappings.js';
import type { DateOrder } from '../../vocabulary/index.js';
import { AuditWriter } from '../audit/audit-chain.js';
import { canonicalJson } from '../canonical-json.js';
import { UserError } from '../errors.js';
import { cellText, isBlank, type Cell } from './cell-values.js';
import { HEADER_SCAN_ROWS } from './detect-header.js';
import { normaliseHeading } from './header-match.js';

/** A file's header signature: its headings, normalised, in order. The same portal export has the same signature. */
export function headerSignature(cells: Cell[]): string {
  const headings = cells.map((c) => normaliseHeading(cellText(c)));
  while (headings.length && !headings.at(-1)) headings.pop();
  return createHash('sha256').update(headings.join('\u0001')).digest('hex').slice(0, 24);
}

/** A saved mapping as the wizard and the command show it. */
export interface SavedMapping {
  name: string;
  kind: string;
  ka: string;
  mapping: Record<string, string>;
  signature: string | null;
  dateOrder: DateOrder | null;
  savedAt: string;
  savedBy: string;
}

function shown(m: MappingRow): SavedMapping {
  return {
    name: m.name, kind: m.kind, ka: m.ka_code, mapping: JSON.parse(m.mapping_json) as Record<string, string>, signature: m.header_signature,
    dateOrder: (m.date_order as DateOrder | null) ?? null, savedAt: m.created_at, savedBy: m.created_by,
  };
}

/** Mappings saved per KA account and kind (the wizard offers them for the next file of the same portal). */
export function savedMappings(book: Book, kind?: string, kaCode?: string): SavedMapping[] {
  return listMappings(book)
    .filter((m) => (!kind || m.kind === kind) && (!kaCode || m.ka_code === kaCode || m.ka_code === ''))
    .map(shown);
}

/**
 * The saved mapping for this file, found by the signature of one of its first rows: the KA's own first, then one
 * saved for any KA. Without a KA, a mapping saved for exactly one KA is taken with its KA (the 家乐福 file is a
 * 家乐福 file); mappings of several KAs for the same headings are not guessed between.
 */
export function findSavedMapping(book: Book, rows: { cells: Cell[] }[], kind: string, kaCode: string | undefined): { index: number; mapping: SavedMapping } | undefined {
  for (const [index, r] of rows.slice(0, HEADER_SCAN_ROWS).entries()) {
    if (r.cells.filter((c) => !isBlank(c)).length < 2) continue;
    const found = mappingsBySignature(book, headerSignature(r.cells), kind);
    if (!found.length) continue;
    const pick = kaCode
      ? found.find((m) => m.ka_code === kaCode) ?? found.find((m) => m.ka_code === '')
      : new Set(found.map((m) => m.ka_code)).size === 1 ? found[0] : found.find((m) => m.ka_code === '');
    if (pick) return { index, mapping: shown(pick) };
  }
  return undefined;
}

// A saved mapping decides which column of the next file is read as the amount: who saved, replaced or dropped it,
// and what it said, is in the audit log like any other change to how the book reads its input.
const auditKey = (kind: string, ka: string, name: string) => `${kind}:${ka || '*'}:${name}`;
const audited = (r: MappingRow) => ({ columns: JSON.parse(r.mapping_json) as unknown, signature: r.header_signature, dateOrder: r.date_order });

/** Keeps the mapping a file was read with, under its header signature, for the KA's next file. */
export function keepMapping(book: Book, m: { name: string; kind: string; ka: string; headerCells: Cell[]; columns: Record<string, string>; dateOrder?: DateOrder; actor: string }): void {
  book.write(() => {
    const was = mappingRow(book, m.name, m.kind, m.ka);
    saveMapping(book, {
      name: m.name, kind: m.kind, ka_code: m.ka, mapping_json: canonicalJson(m.columns), created_by: m.actor,
      header_signature: headerSignature(m.headerCells), date_order: m.dateOrder ?? null,
    });
    new AuditWriter(book).append({
      actor: m.actor, action: was ? 'update' : 'create', entity: 'import_mapping', entityKey: auditKey(m.kind, m.ka, m.name),
      ...(was ? { before: audited(was) } : {}), after: audited(mappingRow(book, m.name, m.kind, m.ka)!),
    });
  });
}

/** Drops a saved mapping; the next file of that shape is read by its headings again. */
export function dropMapping(book: Book, name: string, kind: string, ka: string, actor: string): void {
  book.write(() => {
    const was = mappingRow(book, name, kind, ka);
    if (!was || deleteMapping(book, name, kind, ka) === 0) throw new UserError('import.unknown-mapping', { name, kind, ka }, { field: 'name' });
    new AuditWriter(book).append({ actor, action: 'drop', entity: 'import_mapping', entityKey: auditKey(kind, ka, name), before: audited(was) });
  });
}
