import type { Book } from '../connection.js';
import { stmt } from '../statements.js';

export function saveMapping(book: Book, r: { name: string; kind: string; ka_code: string; mapping_json: string; created_by: string }): void {
  stmt(book.db, `INSERT INTO import_mappings (name, kind, ka_code, mapping_json, created_by, created_at)
    VALUES (@name, @kind, @ka_code, @mapping_json, @created_by, @created_at)
    ON CONFLICT (name, kind, ka_code) DO UPDATE SET mapping_json = excluded.mapping_json, created_by = excluded.created_by, created_at = excluded.created_at`)
    .run({ ...r, created_at: new Date().toISOString() });
}

/** The KA's own mapping of that name first, then one saved for any KA. */
export function loadMapping(book: Book, name: string, kind: string, kaCode: string): string | undefined {
  return stmt<[string, string, string], { mapping_json: string }>(book.db, `SELECT mapping_json FROM import_mappings
    WHERE name = ? AND kind = ? AND ka_code IN (?, '') ORDER BY ka_code DESC LIMIT 1`).get(name, kind, kaCode)?.mapping_json;
}

export function listMappings(book: Book): { name: string; kind: string; ka_code: string; mapping_json: string }[] {
  return stmt<[], { name: string; kind: string; ka_code: string; mapping_json: string }>(book.db,
    'SELECT name, kind, ka_code, mapping_json FROM import_mappings ORDER BY kind, name, ka_code').all();
}
