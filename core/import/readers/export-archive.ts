import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { once } from 'node:events';
import { UserError } from '../../errors.js';
import { DEFAULT_READ_LIMITS, type ReadLimits } from './read-limits.js';
import { sniffFile } from '../sniff-file.js';
import { isWorkbookZip } from './xlsx-reader.js';
import { ZipArchive, type ZipEntry } from './zip-archive.js';

/** What a bundle may hold: the files ka-settle imports. */
export const MEMBER_EXTENSIONS = ['.xlsx', '.xlsm', '.xls', '.csv', '.tsv', '.txt', '.htm', '.html', '.json'];

/** Left out of a bundle without a word: what archivers and file browsers add by themselves. */
function isClutter(name: string): boolean {
  const base = posix.basename(name);
  return name.endsWith('/') || name.startsWith('__MACOSX/') || base === '.DS_Store' || base === 'Thumbs.db' || base === 'desktop.ini';
}

export interface ExportFile {
  /** the file as messages and the report name it: `bundle.zip/家乐福/验收.xlsx` for a member */
  file: string;
  /** where its bytes are to be read */
  path: string;
}

/** A zip that is not a workbook: a bundle of export files. (A file that cannot be opened is left to the importer.) */
export async function isExportBundle(path: string, file: string, limits: ReadLimits): Promise<boolean> {
  let kind: string;
  try {
    kind = sniffFile(path, file).kind;
  } catch {
    return false;
  }
  if (kind !== 'zip') return false;
  const archive = await ZipArchive.open(path, file, limits);
  try {
    return !isWorkbookZip(archive);
  } finally {
    await archive.close();
  }
}

/**
 * The export files in a bundle (.zip), each extracted, verified against the zip's checksums and sizes, into a
 * temporary folder so it is imported as a file of its own (all or nothing per file). Members are given in the
 * zip's order; one that ka-settle cannot import (a nested zip, a picture) refuses the bundle before anything is
 * imported. The temporary folder is removed when the caller calls `cleanup`.
 */
export async function extractExportBundle(path: string, file: string, limits: ReadLimits = DEFAULT_READ_LIMITS): Promise<{ files: ExportFile[]; cleanup: () => Promise<void> }> {
  const archive = await ZipArchive.open(path, file, limits);
  const dir = await mkdtemp(join(tmpdir(), 'ka-settle-bundle-'));
  const cleanup = () => rm(dir, { recursive: true, force: true });
  try {
    const members = archive.entries.filter((e) => !isClutter(e.name));
    if (members.length === 0) throw new UserError('import-files.bundle-empty', {}, { file });
    for (const m of members) {
      const ext = posix.extname(m.name).toLowerCase();
      if (!MEMBER_EXTENSIONS.includes(ext)) throw new UserError('import-files.bundle-member-kind', { member: m.name, accepted: MEMBER_EXTENSIONS.join(' ') }, { file });
    }
    const files: ExportFile[] = [];
    for (const [i, m] of members.entries()) {
      const target = join(dir, `${i + 1}${posix.extname(m.name).toLowerCase()}`);
      await extract(archive, m, target);
      files.push({ file: `${file}/${m.name}`, path: target });
    }
    return { files, cleanup };
  } catch (e) {
    await cleanup();
    throw e;
  } finally {
    await archive.close();
  }
}

async function extract(archive: ZipArchive, entry: ZipEntry, target: string): Promise<void> {
  const out = createWriteStream(target);
  try {
    for await (const chunk of archive.bytes(entry)) {
      if (!out.write(chunk)) await once(out, 'drain');
    }
  } finally {
    out.end();
    await once(out, 'close');
  }
}

/** The files a bundle holds, by their names in it; `bundle: false` for anything that is not a bundle. */
export async function bundleMembers(path: string, limits: ReadLimits = DEFAULT_READ_LIMITS): Promise<{ bundle: boolean; members: string[] }> {
  if (!(await isExportBundle(path, path, limits))) return { bundle: false, members: [] };
  const archive = await ZipArchive.open(path, path, limits);
  try {
    return { bundle: true, members: archive.entries.filter((e) => !isClutter(e.name)).map((e) => e.name) };
  } finally {
    await archive.close();
  }
}

/** Runs `work` on one member of a bundle, extracted and verified; the temporary copy is removed afterwards. */
export async function withBundleMember<T>(path: string, member: string, limits: ReadLimits, work: (file: string, readFrom: string) => Promise<T>): Promise<T> {
  const bundle = await extractExportBundle(path, path, limits);
  try {
    const found = bundle.files.find((f) => f.file === `${path}/${member}`);
    if (!found) throw new UserError('import-files.bundle-member-missing', { member }, { file: path });
    return await work(found.file, found.path);
  } finally {
    await bundle.cleanup();
  }
}
