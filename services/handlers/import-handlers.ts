import type { importMethods } from '../../contract/import-methods.js';
import { importFile, type ImportOptions } from '../../core/import/import-file.js';
import { KIND_SPECS } from '../../core/import/import-kinds.js';
import { bookReadLimits } from '../../core/import/readers/book-read-limits.js';
import { bundleMembers, withBundleMember } from '../../core/import/readers/export-archive.js';
import type { Book } from '../../db/connection.js';
import { confirmCustomers } from '../../core/import/learn-customers.js';
import { dropMapping, savedMappings } from '../../core/import/saved-mappings.js';
import type { HandlersOf } from './handler-types.js';

/** How many rows under the header the preview grid shows. */
const PREVIEW_ROWS = 20;

/** A file, or one file of a .zip of export files (extracted and verified, then read as a file of its own). */
function importPathOrMember(book: Book, path: string, member: string | undefined, options: ImportOptions) {
  if (!member) return importFile(book, path, options);
  return withBundleMember(path, member, bookReadLimits(book), (file, readFrom) => importFile(book, file, { ...options, readFrom }));
}

export const importHandlers: HandlersOf<typeof importMethods> = {
  'import.preview': async ({ session, control }, a) => {
    const report = await importPathOrMember(session.requireBook(), a.path, a.member, {
      kind: a.kind, actor: session.actor, kaCode: a.ka, date: a.date, mapping: a.mapping, map: a.map, dryRun: true, sampleRows: PREVIEW_ROWS, control,
      allowDates: a.allowDates,
      replace: a.replace, reason: a.reason,
      ignoreSavedMapping: a.ignoreSavedMapping, dateOrder: a.dateOrder,
    });
    const fields = a.kind === 'contracts' ? [] : KIND_SPECS[a.kind].fields.map((f) => ({ field: f.field, required: f.required ?? false, type: f.type }));
    return { ...report, fields };
  },
  // The gate (services/method-access.ts) has proven the actor and checked import, and corrections for a replace.
  'import.commit': ({ session, control, actor }, a) => importPathOrMember(session.requireBook(), a.path, a.member, {
    kind: a.kind, actor, kaCode: a.ka, date: a.date, mapping: a.mapping, map: a.map,
    saveMappingAs: a.saveMappingAs, control, allowDates: a.allowDates, replace: a.replace, reason: a.reason,
    ignoreSavedMapping: a.ignoreSavedMapping, dateOrder: a.dateOrder,
  }),
  'import.bundle': async ({ session }, a) => bundleMembers(a.path, bookReadLimits(session.requireBook())),
  'import.mappings': ({ session }, a) => ({ mappings: savedMappings(session.requireBook(), a.kind, a.ka) }),
  'import.dropMapping': ({ session, actor }, a) => {
    dropMapping(session.requireBook(), a.name, a.kind, a.ka, actor);
    return { dropped: true as const };
  },
  'import.confirmCustomers': ({ session }, a) => {
    const book = session.requireBook();
    return { confirmed: book.write(() => confirmCustomers(book, a.pairs, session.actor)) };
  },
};
