import type { importMethods } from '../../contract/import-methods.js';
import { importFile } from '../../core/import/import-file.js';
import { KIND_SPECS } from '../../core/import/import-kinds.js';
import { savedMappings } from '../../core/import/saved-mappings.js';
import type { HandlersOf } from './handler-types.js';

/** How many rows under the header the preview grid shows. */
const PREVIEW_ROWS = 20;

export const importHandlers: HandlersOf<typeof importMethods> = {
  'import.preview': async ({ session, control }, a) => {
    const report = await importFile(session.requireBook(), a.path, {
      kind: a.kind, actor: session.actor, kaCode: a.ka, date: a.date, mapping: a.mapping, map: a.map, dryRun: true, sampleRows: PREVIEW_ROWS, control,
    });
    const fields = a.kind === 'contracts' ? [] : KIND_SPECS[a.kind].fields.map((f) => ({ field: f.field, required: f.required ?? false, type: f.type }));
    return { ...report, fields };
  },
  'import.commit': ({ session, control }, a) => importFile(session.requireBook(), a.path, {
    kind: a.kind, actor: session.actor, kaCode: a.ka, date: a.date, mapping: a.mapping, map: a.map, saveMappingAs: a.saveMappingAs, control,
  }),
  'import.mappings': ({ session }, a) => ({ mappings: savedMappings(session.requireBook(), a.kind, a.ka) }),
};
