import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { pipeline } from 'node:stream';
import { createInflateRaw, crc32 } from 'node:zlib';
import { UserError } from '../../errors.js';
import { MEBIBYTE, type ReadLimits } from './read-limits.js';
import { readZipDirectory, type ZipEntry } from './zip-directory.js';

export type { ZipEntry } from './zip-directory.js';

const CHUNK = 256 * 1024;

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
    private readonly handle: FileHandle,
    readonly path: string,
    /** the file as messages name it */
    readonly file: string,
    readonly entries: readonly ZipEntry[],
    private readonly limits: ReadLimits,
  ) {}

  static async open(path: string, file: string, limits: ReadLimits): Promise<ZipArchive> {
    const handle = await open(path, 'r');
    try {
      const { size } = await handle.stat();
      const entries = await readZipDirectory(handle, size, file);
      const declared = entries.reduce((n, e) => n + e.size, 0);
      if (declared > limits.maxUncompressedBytes) throw ZipArchive.tooBig(file, limits);
      return new ZipArchive(handle, path, file, entries, limits);
    } catch (e) {
      await handle.close();
      throw e;
    }
  }

  static tooBig(file: string, limits: ReadLimits): UserError {
    return new UserError('import-files.limit-uncompressed', { limit: Math.floor(limits.maxUncompressedBytes / MEBIBYTE) }, { file });
  }

  entry(name: string): ZipEntry | undefined {
    return this.entries.find((e) => e.name === name);
  }

  async close(): Promise<void> {
    await this.handle.close();
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

  /** Reads a part to its end only to verify it (parts that hold no rows still belong to the file). */
  async verify(entry: ZipEntry): Promise<void> {
    for await (const chunk of this.bytes(entry)) void chunk;
  }
}
