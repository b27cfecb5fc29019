import type { Book } from '../connection.js';
import { stmt } from '../statements.js';

export interface MappingRow {
  name: string; kind: string; ka_code: string; mapping_json: string; header_signature: string | null; date_order: string | null;
  created_by: string; created_at: string;
}

const COLS = 'name, kind, ka_code, mapping_json, header_signature, date_order, created_by, created_at';

export function saveMapping(book: Book, r: { name: string; kind: string; ka_code: string; mapping_json: string; created_by: string; header_signature?: string | null; date_order?: string | null }): void {
  stmt(book.db, `INSERT INTO import_mappings (name, kind, ka_code, mapping_json, header_signature, date_order, created_by, created_at)
    VALUES (@name, @kind, @ka_code, @mapping_json, @header_signature, @date_order, @created_by, @created_at)
    ON CONFLICT (name, kind, ka_code) DO UPDATE SET mapping_json = excluded.mapping_json, header_signature = excluded.header_signature,
      date_order = excluded.date_order, created_by = excluded.created_by, created_at = excluded.created_at`)
    .run({ header_signature: null, date_order: null, ...r, created_at: new Date().toISOString() });
}

/** Exactly the mapping of that name, kind and KA ('' for any KA). */
export function mappingRow(book: Book, name: string, kind: string, kaCode: string): MappingRow | undefined {
  return stmt<[string, string, string], MappingRow>(book.db, `SELECT ${COLS} FROM import_mappings WHERE name = ? AND kind = ? AND ka_code = ?`).get(name, kind, kaCode);
}

/** The KA's own mapping of that name first, then one saved for any KA. */
export function loadMapping(book: Book, name: string, kind: string, kaCode: string): MappingRow | undefined {
  return stmt<[string, string, string], MappingRow>(book.db, `SELECT ${COLS} FROM import_mappings
    WHERE name = ? AND kind = ? AND ka_code IN (?, '') ORDER BY ka_code DESC LIMIT 1`).get(name, kind, kaCode);
}

/** Mappings saved for files with exactly these headings, newest first. */
export function mappingsBySignature(book: Book, signature: string, kind: string): MappingRow[] {
  return stmt<[string, string], MappingRow>(book.db, `SELECT ${COLS} FROM import_mappings
    WHERE header_signature = ? AND kind = ? ORDER BY created_at DESC, ka_code`).all(signature, kind);
}

export function listMappings(book: Book): MappingRow[] {
  return stmt<[], MappingRow>(book.db, `SELECT ${COLS} FROM import_mappings ORDER BY kind, name, ka_code`).all();
}

export function deleteMapping(book: Book, name: string, kind: string, kaCode: string): number {
  return stmt(book.db, 'DELETE FROM import_mappings WHERE name = ? AND kind = ? AND ka_code = ?').run(name, kind, kaCode).changes;
}
