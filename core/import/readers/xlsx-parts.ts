import { posix } from 'node:path';
import { UserError } from '../../errors.js';
import { isDateFormat } from './date-cells.js';
import type { ReadLimits } from './read-limits.js';
import { XmlFeed, type XmlHandler } from './xml-feed.js';
import type { ZipArchive, ZipEntry } from './zip-archive.js';

/** Reads a whole (small) part through a handler. */
export async function readPart(archive: ZipArchive, entry: ZipEntry, handler: XmlHandler): Promise<void> {
  const feed = new XmlFeed(handler, archive.file, entry.name);
  for await (const chunk of archive.bytes(entry)) feed.write(chunk);
  feed.end();
}

export function requirePart(archive: ZipArchive, name: string): ZipEntry {
  const entry = archive.entry(name);
  if (!entry) throw new UserError('import-files.xlsx-missing-part', { part: name }, { file: archive.file });
  return entry;
}

export interface Relationship {
  id: string;
  type: string;
  /** the target as a part name inside the zip */
  target: string;
}

/** A .rels part: relationship targets are resolved against the folder of the part they belong to. */
export async function readRelationships(archive: ZipArchive, relsName: string): Promise<Relationship[]> {
  const entry = archive.entry(relsName);
  if (!entry) return [];
  const base = posix.dirname(posix.dirname(relsName));
  const out: Relationship[] = [];
  await readPart(archive, entry, {
    open(name, a) {
      if (name !== 'Relationship' || a.TargetMode === 'External' || !a.Target || !a.Id) return;
      const target = a.Target.startsWith('/') ? a.Target.slice(1) : posix.normalize(posix.join(base === '.' ? '' : base, a.Target));
      out.push({ id: a.Id, type: a.Type ?? '', target });
    },
    text() {},
    close() {},
  });
  return out;
}

export const relType = (rels: Relationship[], suffix: string) => rels.find((r) => r.type.endsWith(`/${suffix}`));

export interface SheetRef {
  name: string;
  relId: string;
  hidden: boolean;
}

export interface WorkbookInfo {
  sheets: SheetRef[];
  date1904: boolean;
}

export async function readWorkbook(archive: ZipArchive, entry: ZipEntry): Promise<WorkbookInfo> {
  const info: WorkbookInfo = { sheets: [], date1904: false };
  await readPart(archive, entry, {
    open(name, a) {
      if (name === 'workbookPr') info.date1904 = a.date1904 === '1' || a.date1904 === 'true';
      else if (name === 'sheet') {
        const relId = a['r:id'] ?? Object.entries(a).find(([k]) => k.endsWith(':id'))?.[1];
        if (relId) info.sheets.push({ name: a.name ?? '', relId, hidden: a.state === 'hidden' || a.state === 'veryHidden' });
      }
    },
    text() {},
    close() {},
  });
  return info;
}

/**
 * From styles.xml, which cell styles (the `s` of a cell, an index into cellXfs) show dates. A cell naming a style
 * the workbook does not have is a part disagreeing with another, and is refused where it is read.
 */
export async function readDateStyles(archive: ZipArchive, entry: ZipEntry | undefined): Promise<{ isDate: boolean[] }> {
  const isDate: boolean[] = [];
  if (!entry) return { isDate };
  const formats = new Map<number, string>();
  let inCellXfs = false;
  await readPart(archive, entry, {
    open(name, a) {
      if (name === 'numFmt' && a.numFmtId !== undefined) formats.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(a.numFmtId ?? 0);
        isDate.push(isDateFormat(id, formats.get(id)));
      }
    },
    text() {},
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return { isDate };
}

/**
 * The shared strings: each <si> is one string, its text the concatenation of its <t> and rich-text runs (phonetic
 * guides, <rPh>, are not part of the text). The count the part declares must match what it holds.
 */
export async function readSharedStrings(archive: ZipArchive, entry: ZipEntry | undefined, limits: ReadLimits): Promise<string[]> {
  const strings: string[] = [];
  if (!entry) return strings;
  let declared: number | undefined;
  let current: string[] | null = null;
  let inText = false;
  let phonetic = 0;
  let length = 0;
  await readPart(archive, entry, {
    open(name, a) {
      if (name === 'sst' && a.uniqueCount !== undefined) declared = Number(a.uniqueCount);
      else if (name === 'si') {
        current = [];
        length = 0;
      } else if (name === 'rPh') phonetic++;
      else if (name === 't' && current && phonetic === 0) inText = true;
    },
    text(t) {
      if (!inText || !current) return;
      length += t.length;
      if (length > limits.maxCellChars) throw new UserError('import-files.limit-cell-chars', { limit: limits.maxCellChars }, { file: archive.file });
      current.push(t);
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si' && current) {
        strings.push(current.join(''));
        current = null;
      }
    },
  });
  if (declared !== undefined && declared !== strings.length) {
    throw new UserError('import-files.xlsx-shared-strings-count', { declared, actual: strings.length }, { file: archive.file });
  }
  return strings;
}
