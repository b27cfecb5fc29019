import type { Book } from '../../db/connection.js';
import { listMappings } from '../../db/queries/import-mappings.js';

/** Mappings saved per KA account and kind (the wizard offers them for the next file of the same portal). */
export function savedMappings(book: Book, kind?: string, kaCode?: string) {
  return listMappings(book)
    .filter((m) => (!kind || m.kind === kind) && (!kaCode || m.ka_code === kaCode || m.ka_code === ''))
    .map((m) => ({ name: m.name, kind: m.kind, ka: m.ka_code, mapping: JSON.parse(m.mapping_json) as Record<string, string> }));
}
