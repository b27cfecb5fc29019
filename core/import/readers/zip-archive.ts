import { createReadStream, readFileSync, statSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { pipeline } from 'node:stream';
import { createInflateRaw, crc32, inflateRawSync } from 'node:zlib';
import { UserError } from '../../errors.js';
import { MEBIBYTE, type ReadLimits } from './read-limits.js';
import { readZipDirectory, type ReadAt, type ZipEntry } from './zip-directory.js';

export type { ZipEntry } from './zip-directory.js';

const CHUNK = 256 * 1024;
/** Parts up to this many compressed bytes are read and inflated in one step. */
const SMALL_PART = 64 * 1024;
/** Files up to this size are read into memory whole when opened. */
const IN_MEMORY = 8 * 1024 * 1024;

/**
 * A zip (an .xlsx, or a bundle of export files) opened for verified reading. Its directory is read and
 * cross-checked when opened; each part's bytes are inflated as a stream and checked against the directory as they
 * come: never more bytes than declared (a lying zip bomb stops at once), and at the end exactly the declared
 * size and CRC-32. A part that fails is refused with its name, and so the whole file. Nothing is trusted until
 * its part has been read to the end, which is why importers only commit after the last row.
 */
export class ZipArchive {
  private expanded = 0;

  private constructor(
    private readonly handle: FileHandle | undefined,
    private readonly readAt: ReadAt,
    readonly path: string,
    /** the file as messages name it */
    readonly file: string,
    readonly entries: readonly ZipEntry[],
    private readonly limits: ReadLimits,
  ) {}

  static async open(path: string, file: string, limits: ReadLimits): Promise<ZipArchive> {
    // A small file is read once into memory: its directory and parts are then slices, not dozens of reads.
    const size = statSync(path).size;
    if (size <= IN_MEMORY) {
      const whole = readFileSync(path);
      return ZipArchive.make(undefined, async (position, length) => whole.subarray(position, position + length), size, path, file, limits);
    }
    const handle = await open(path, 'r');
    try {
      return await ZipArchive.make(handle, async (position, length) => {
        const buffer = Buffer.alloc(length);
        const { bytesRead } = await handle.read(buffer, 0, length, position);
        return buffer.subarray(0, bytesRead);
      }, size, path, file, limits);
    } catch (e) {
      await handle.close();
      throw e;
    }
  }

  private static async make(handle: FileHandle | undefined, readAt: ReadAt, size: number, path: string, file: string, limits: ReadLimits): Promise<ZipArchive> {
    const entries = await readZipDirectory(readAt, size, file);
    const declared = entries.reduce((n, e) => n + e.size, 0);
    if (declared > limits.maxUncompressedBytes) throw ZipArchive.tooBig(file, limits);
    return new ZipArchive(handle, readAt, path, file, entries, limits);
  }

  static tooBig(file: string, limits: ReadLimits): UserError {
    return new UserError('import-files.limit-uncompressed', { limit: Math.floor(limits.maxUncompressedBytes / MEBIBYTE) }, { file });
  }

  entry(name: string): ZipEntry | undefined {
    return this.entries.find((e) => e.name === name);
  }

  async close(): Promise<void> {
    await this.handle?.close();
  }

  /** The part's bytes, verified; a generator stopped early leaves the part unverified, so only stop when refusing. */
  async *bytes(entry: ZipEntry): AsyncGenerator<Buffer> {
    const part = entry.name;
    const refuse = (code: 'import-files.zip-part-crc' | 'import-files.zip-part-size' | 'import-files.zip-part-damaged') =>
      new UserError(code, { part }, { file: this.file });
    if (entry.compressedSize === 0) {
      if (entry.size !== 0) throw refuse('import-files.zip-part-size');
      if (entry.crc32 !== 0) throw refuse('import-files.zip-part-crc');
      return;
    }
    if (entry.compressedSize <= SMALL_PART && entry.size <= SMALL_PART * 64) {
      yield this.smallPart(entry, refuse);
      return;
    }
    const source = createReadStream(this.path, { start: entry.dataOffset, end: entry.dataOffset + entry.compressedSize - 1, highWaterMark: CHUNK });
    const inflater = entry.method === 8 ? createInflateRaw({ chunkSize: CHUNK }) : undefined;
    let failure: Error | undefined;
    const stream = inflater ? pipeline(source, inflater, (e) => { if (e) failure = e; }) : source;
    let produced = 0;
    let crc = 0;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        produced += chunk.length;
        this.expanded += chunk.length;
        if (produced > entry.size) throw refuse('import-files.zip-part-size');
        if (this.expanded > this.limits.maxUncompressedBytes) throw ZipArchive.tooBig(this.file, this.limits);
        if (chunk.length === 0) continue;
        crc = crc32(chunk, crc);
        yield chunk;
      }
    } catch (e) {
      if (e instanceof UserError) throw e;
      throw refuse('import-files.zip-part-damaged');
    } finally {
      source.destroy();
      inflater?.destroy();
    }
    if (failure) throw refuse('import-files.zip-part-damaged');
    // The deflate stream must end exactly where the directory says the part's compressed bytes end.
    if (inflater && inflater.bytesWritten !== entry.compressedSize) throw refuse('import-files.zip-part-damaged');
    if (produced !== entry.size) throw refuse('import-files.zip-part-size');
    if (crc !== entry.crc32) throw refuse('import-files.zip-part-crc');
  }

  /** A small part (most of a workbook's) in one read and one inflate: the same checks, without streams. */
  private async smallPart(entry: ZipEntry, refuse: (code: 'import-files.zip-part-crc' | 'import-files.zip-part-size' | 'import-files.zip-part-damaged') => UserError): Promise<Buffer> {
    const compressed = await this.readAt(entry.dataOffset, entry.compressedSize);
    if (compressed.length !== entry.compressedSize) throw refuse('import-files.zip-part-damaged');
    let data: Buffer = compressed;
    if (entry.method === 8) {
      let result: { buffer: Buffer; engine: { bytesWritten: number } };
      try {
        result = inflateRawSync(compressed, { info: true, maxOutputLength: entry.size + 1 }) as unknown as typeof result;
      } catch (e) {
        throw refuse(e instanceof RangeError ? 'import-files.zip-part-size' : 'import-files.zip-part-damaged');
      }
      if (result.engine.bytesWritten !== entry.compressedSize) throw refuse('import-files.zip-part-damaged');
      data = result.buffer;
    }
    if (data.length !== entry.size) throw refuse('import-files.zip-part-size');
    this.expanded += data.length;
    if (this.expanded > this.limits.maxUncompressedBytes) throw ZipArchive.tooBig(this.file, this.limits);
    if (crc32(data) !== entry.crc32) throw refuse('import-files.zip-part-crc');
    return data;
  }

  /** Reads a part to its end only to verify it (parts that hold no rows still belong to the file). */
  async verify(entry: ZipEntry): Promise<void> {
    for await (const chunk of this.bytes(entry)) void chunk;
  }
}
