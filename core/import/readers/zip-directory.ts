import { UserError } from '../../errors.js';
import { MAX_ZIP_ENTRIES } from './read-limits.js';

/** One part of a zip as its central directory (the table of contents at the end of the file) describes it. */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  /** where the part's compressed bytes start, from its local header */
  dataOffset: number;
  /** sizes in 8 bytes (zip64) in the data descriptor */
  zip64: boolean;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const DESCRIPTOR = 0x08074b50;
const FLAG_ENCRYPTED = 0x0001;
const FLAG_DESCRIPTOR = 0x0008;
const FLAG_STRONG_ENCRYPTION = 0x0040;
const FLAG_UTF8 = 0x0800;
const FLAG_MASKED_HEADER = 0x2000;
/** The flag bits that change how a part is read: local header and directory must agree on them. */
const MEANINGFUL_FLAGS = FLAG_ENCRYPTED | FLAG_DESCRIPTOR | FLAG_STRONG_ENCRYPTION | FLAG_UTF8 | FLAG_MASKED_HEADER;
const U32_MAX = 0xffffffff;
const U16_MAX = 0xffff;

/** Reads up to `length` bytes at `position` (fewer at the end of the file). */
export type ReadAt = (position: number, length: number) => Promise<Buffer>;

function u64(b: Buffer, at: number): number {
  const value = b.readBigUInt64LE(at);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) return Number.MAX_SAFE_INTEGER;
  return Number(value);
}

/** Part names: UTF-8 when flagged or valid as UTF-8, else GB18030 (what Chinese Windows' own zip writes). */
function decodeName(bytes: Buffer, flags: number, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    if (flags & FLAG_UTF8) throw new UserError('import-files.zip-directory-damaged', {}, { file });
    return new TextDecoder('gb18030').decode(bytes);
  }
}

interface EndRecord {
  entries: number;
  directorySize: number;
  directoryOffset: number;
  /** where the directory must end: the zip64 end record or the end record */
  directoryEnd: number;
}

/**
 * The end-of-directory record. It must sit exactly at the end of the file (its comment filling the rest): a file
 * with bytes missing or added after it is damaged, not guessed at.
 */
async function endRecord(readAt: ReadAt, fileSize: number, file: string): Promise<EndRecord> {
  const damaged = () => new UserError('import-files.zip-no-directory', {}, { file });
  if (fileSize < 22) throw damaged();
  const tailLength = Math.min(fileSize, 22 + U16_MAX + 20);
  const tail = await readAt(fileSize - tailLength, tailLength);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD && i + 22 + tail.readUInt16LE(i + 20) === tail.length) {
      at = i;
      break;
    }
  }
  if (at < 0) throw damaged();
  const eocdPosition = fileSize - tailLength + at;
  const disk = tail.readUInt16LE(at + 4);
  const directoryDisk = tail.readUInt16LE(at + 6);
  const onDisk = tail.readUInt16LE(at + 8);
  let entries = tail.readUInt16LE(at + 10);
  let directorySize = tail.readUInt32LE(at + 12);
  let directoryOffset = tail.readUInt32LE(at + 16);
  let directoryEnd = eocdPosition;
  if (disk !== 0 || directoryDisk !== 0 || onDisk !== entries) {
    if (!(disk === U16_MAX && directoryDisk === U16_MAX && onDisk === U16_MAX)) throw damaged();
  }
  const wantsZip64 = entries === U16_MAX || directorySize === U32_MAX || directoryOffset === U32_MAX;
  if (at >= 20 && tail.readUInt32LE(at - 20) === ZIP64_LOCATOR) {
    const recordAt = u64(tail, at - 20 + 8);
    const record = await readAt(recordAt, 56);
    if (record.length < 56 || record.readUInt32LE(0) !== ZIP64_EOCD || recordAt + 12 + u64(record, 4) !== eocdPosition - 20) throw damaged();
    if (record.readUInt32LE(16) !== 0 || record.readUInt32LE(20) !== 0 || u64(record, 24) !== u64(record, 32)) throw damaged();
    entries = u64(record, 32);
    directorySize = u64(record, 40);
    directoryOffset = u64(record, 48);
    directoryEnd = recordAt;
  } else if (wantsZip64) {
    throw damaged();
  }
  if (directoryOffset + directorySize !== directoryEnd) throw damaged();
  return { entries, directorySize, directoryOffset, directoryEnd };
}

/** The zip64 extra field holds, in this order, the values whose 32-bit fields are 0xFFFFFFFF. */
function zip64Values(extra: Buffer, want: { size: boolean; compressed: boolean; offset: boolean }, file: string) {
  for (let p = 0; p + 4 <= extra.length;) {
    const id = extra.readUInt16LE(p);
    const length = extra.readUInt16LE(p + 2);
    if (p + 4 + length > extra.length) break;
    if (id === 0x0001) {
      const out: { size?: number; compressed?: number; offset?: number } = {};
      let q = p + 4;
      const next = () => {
        if (q + 8 > p + 4 + length) throw new UserError('import-files.zip-directory-damaged', {}, { file });
        const v = u64(extra, q);
        q += 8;
        return v;
      };
      if (want.size) out.size = next();
      if (want.compressed) out.compressed = next();
      if (want.offset) out.offset = next();
      return out;
    }
    p += 4 + length;
  }
  if (want.size || want.compressed || want.offset) throw new UserError('import-files.zip-directory-damaged', {}, { file });
  return {};
}

/**
 * Reads and cross-checks a zip's directory: every entry's local header must agree with the directory (name,
 * method, flags, checksum and sizes), parts must not overlap or run into the directory, no name may appear twice,
 * and nothing may be encrypted or compressed in a way this reader does not inflate. The checksums themselves are
 * checked as each part is read (zip-part-stream.ts).
 */
export async function readZipDirectory(readAt: ReadAt, fileSize: number, file: string): Promise<ZipEntry[]> {
  const end = await endRecord(readAt, fileSize, file);
  const damaged = (part?: string) => new UserError(part ? 'import-files.zip-part-mismatch' : 'import-files.zip-directory-damaged', part ? { part } : {}, { file });
  if (end.entries > MAX_ZIP_ENTRIES) throw new UserError('import-files.zip-too-many-parts', { count: end.entries, limit: MAX_ZIP_ENTRIES }, { file });
  const directory = await readAt(end.directoryOffset, end.directorySize);
  if (directory.length !== end.directorySize) throw damaged();
  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let p = 0;
  while (p < directory.length) {
    if (p + 46 > directory.length || directory.readUInt32LE(p) !== CENTRAL) throw damaged();
    const flags = directory.readUInt16LE(p + 8);
    const method = directory.readUInt16LE(p + 10);
    const crc32 = directory.readUInt32LE(p + 16);
    let compressedSize = directory.readUInt32LE(p + 20);
    let size = directory.readUInt32LE(p + 24);
    const nameLength = directory.readUInt16LE(p + 28);
    const extraLength = directory.readUInt16LE(p + 30);
    const commentLength = directory.readUInt16LE(p + 32);
    const startDisk = directory.readUInt16LE(p + 34);
    let localOffset = directory.readUInt32LE(p + 42);
    const next = p + 46 + nameLength + extraLength + commentLength;
    if (next > directory.length) throw damaged();
    const nameBytes = directory.subarray(p + 46, p + 46 + nameLength);
    const name = decodeName(nameBytes, flags, file);
    const zip64 = size === U32_MAX || compressedSize === U32_MAX || localOffset === U32_MAX;
    if (zip64) {
      const extra = zip64Values(directory.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength), { size: size === U32_MAX, compressed: compressedSize === U32_MAX, offset: localOffset === U32_MAX }, file);
      size = extra.size ?? size;
      compressedSize = extra.compressed ?? compressedSize;
      localOffset = extra.offset ?? localOffset;
    }
    if (startDisk !== 0 && startDisk !== U16_MAX) throw damaged(name);
    if (names.has(name)) throw new UserError('import-files.zip-duplicate-part', { part: name }, { file });
    names.add(name);
    if (flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION | FLAG_MASKED_HEADER)) throw new UserError('import-files.zip-encrypted', { part: name }, { file });
    if (method !== 0 && method !== 8) throw new UserError('import-files.zip-method', { part: name, method }, { file });
    if (method === 0 && compressedSize !== size) throw damaged(name);

    const local = await readAt(localOffset, 30);
    if (local.length < 30 || local.readUInt32LE(0) !== LOCAL) throw damaged(name);
    const localFlags = local.readUInt16LE(6);
    const localNameLength = local.readUInt16LE(26);
    const localExtraLength = local.readUInt16LE(28);
    if ((localFlags & MEANINGFUL_FLAGS) !== (flags & MEANINGFUL_FLAGS) || local.readUInt16LE(8) !== method) throw damaged(name);
    const localName = await readAt(localOffset + 30, localNameLength);
    if (!localName.equals(nameBytes)) throw damaged(name);
    if (!(flags & FLAG_DESCRIPTOR)) {
      const localCrc = local.readUInt32LE(14);
      let localCompressed = local.readUInt32LE(18);
      let localSize = local.readUInt32LE(22);
      if (localCompressed === U32_MAX || localSize === U32_MAX) {
        const localExtra = await readAt(localOffset + 30 + localNameLength, localExtraLength);
        const values = zip64Values(localExtra, { size: localSize === U32_MAX, compressed: localCompressed === U32_MAX, offset: false }, file);
        localSize = values.size ?? localSize;
        localCompressed = values.compressed ?? localCompressed;
      }
      if (localCrc !== crc32 || localCompressed !== compressedSize || localSize !== size) throw damaged(name);
    }
    entries.push({ name, method, flags, crc32, compressedSize, size, localOffset, dataOffset: localOffset + 30 + localNameLength + localExtraLength, zip64 });
    p = next;
  }
  if (entries.length !== end.entries) throw damaged();
  await checkLayout(readAt, entries, end.directoryOffset, file);
  return entries;
}

/** Parts lie one after another before the directory, never overlapping (overlapping parts are a zip-bomb trick). */
async function checkLayout(readAt: ReadAt, entries: ZipEntry[], directoryOffset: number, file: string): Promise<void> {
  const byOffset = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  let previousEnd = 0;
  for (const entry of byOffset) {
    if (entry.localOffset < previousEnd) throw new UserError('import-files.zip-parts-overlap', { part: entry.name }, { file });
    let end = entry.dataOffset + entry.compressedSize;
    if (entry.flags & FLAG_DESCRIPTOR) end += await descriptorLength(readAt, entry, end, file);
    if (end > directoryOffset) throw new UserError('import-files.zip-parts-overlap', { part: entry.name }, { file });
    previousEnd = end;
  }
}

/** A part written as a stream carries its checksum and sizes after its data; they must match the directory too. */
async function descriptorLength(readAt: ReadAt, entry: ZipEntry, at: number, file: string): Promise<number> {
  const b = await readAt(at, 24);
  const signed = b.length >= 4 && b.readUInt32LE(0) === DESCRIPTOR;
  const o = signed ? 4 : 0;
  const width = entry.zip64 ? 8 : 4;
  if (b.length < o + 4 + 2 * width) throw new UserError('import-files.zip-part-mismatch', { part: entry.name }, { file });
  const crc = b.readUInt32LE(o);
  const compressed = width === 8 ? u64(b, o + 4) : b.readUInt32LE(o + 4);
  const size = width === 8 ? u64(b, o + 12) : b.readUInt32LE(o + 8);
  if (crc !== entry.crc32 || compressed !== entry.compressedSize || size !== entry.size) {
    throw new UserError('import-files.zip-part-mismatch', { part: entry.name }, { file });
  }
  return o + 4 + 2 * width;
}
