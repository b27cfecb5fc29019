import { UserError } from '../../errors.js';
import type { RawRow } from './raw-row.js';
import type { ReadLimits } from './read-limits.js';
import { readDateStyles, readRelationships, readSharedStrings, readWorkbook, relType, requirePart } from './xlsx-parts.js';
import { sheetRows } from './xlsx-sheet.js';
import type { ZipArchive, ZipEntry } from './zip-archive.js';

/** Is this zip a workbook (it names an office document), rather than a bundle of export files? */
export function isWorkbookZip(archive: ZipArchive): boolean {
  return archive.entry('[Content_Types].xml') !== undefined || archive.entry('xl/workbook.xml') !== undefined;
}

/**
 * The rows of a workbook's first sheet (in the workbook's own order, hidden sheets passed over), read with our own
 * verified zip layer and a streaming XML parser: the workbook, its relationships, styles and shared strings first
 * (whatever their order in the zip, so nothing is spooled to disk), then the sheet as it inflates, then every
 * other part of the file, only to verify its checksum. The archive is closed however the reading ends.
 */
export async function* xlsxRows(archive: ZipArchive, limits: ReadLimits): AsyncGenerator<RawRow> {
  const file = archive.file;
  try {
    if (archive.entry('xl/workbook.bin')) throw new UserError('import-files.xlsb', {}, { file });
    const rootRels = await readRelationships(archive, '_rels/.rels');
    const workbookName = relType(rootRels, 'officeDocument')?.target ?? 'xl/workbook.xml';
    const workbookEntry = requirePart(archive, workbookName);
    const slash = workbookName.lastIndexOf('/');
    const relsName = `${workbookName.slice(0, slash + 1)}_rels/${workbookName.slice(slash + 1)}.rels`;
    const rels = await readRelationships(archive, relsName);
    const workbook = await readWorkbook(archive, workbookEntry);
    const sheet = workbook.sheets.find((s) => !s.hidden) ?? workbook.sheets[0];
    if (!sheet) throw new UserError('import-files.xlsx-no-sheet', {}, { file });
    const target = rels.find((r) => r.id === sheet.relId)?.target;
    if (!target) throw new UserError('import-files.xlsx-missing-part', { part: `${relsName}#${sheet.relId}` }, { file });
    const sheetEntry = requirePart(archive, target);
    const stylesEntry = optionalPart(archive, relType(rels, 'styles')?.target);
    const stringsEntry = optionalPart(archive, relType(rels, 'sharedStrings')?.target);

    const read = new Set<ZipEntry>([workbookEntry]);
    const styles = stylesEntry ? await readDateStyles(archive, stylesEntry) : undefined;
    const strings = await readSharedStrings(archive, stringsEntry, limits);
    for (const e of [stylesEntry, stringsEntry, archive.entry('_rels/.rels'), archive.entry(relsName)]) if (e) read.add(e);

    yield* sheetRows(archive, sheetEntry, { strings, dateStyles: styles?.isDate, date1904: workbook.date1904, limits });
    read.add(sheetEntry);
    for (const entry of archive.entries) if (!read.has(entry)) await archive.verify(entry);
  } finally {
    await archive.close();
  }
}

function optionalPart(archive: ZipArchive, name: string | undefined): ZipEntry | undefined {
  if (name === undefined) return undefined;
  return requirePart(archive, name);
}
