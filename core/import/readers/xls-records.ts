import { UserError } from '../../errors.js';
import type { ReadLimits } from './read-limits.js';

const BOF = 0x0809;
const EOF = 0x000a;
const BOUNDSHEET = 0x0085;
const DIMENSIONS = 0x0200;
const SST = 0x00fc;
const LABELSST = 0x00fd;
const MAX_RECORD = 8224;
/** Records that hold one cell: row at 0, column at 2. */
const CELL_RECORDS = new Set([0x0203, 0x027e, 0x00fd, 0x0204, 0x0205, 0x0006, 0x0201, 0x00d6]);
/** Records that hold a run of cells in one row: first column at 2, last column in the last two bytes. */
const MULTI_CELL_RECORDS = new Set([0x00bd, 0x00be]);
const BIFF8_ROWS = 65_536;
const BIFF8_COLUMNS = 256;

/**
 * Walks the records of an .xls workbook stream. BIFF has no checksums, so a damaged file is known only by its
 * structure, and that is checked whole before a value is read: every record fits in the stream, BOF and EOF pair
 * up, each sheet the workbook lists starts where the workbook says, no cell lies outside its sheet's dimensions
 * or appears twice, and no cell points at a shared string the workbook does not have. A bit flipped inside a
 * number cannot be seen by any reader of this format; that is the format's limit, said in the README.
 */
export function checkBiffStream(stream: Buffer, file: string, limits: ReadLimits): void {
  const damaged = () => new UserError('import-files.xls-damaged', {}, { file });
  const bofAt = new Set<number>();
  const sheetOffsets: number[] = [];
  let depth = 0;
  let substreams = 0;
  let sstCount: number | undefined;
  let biff8 = true;
  let dims: { r0: number; r1: number; c0: number; c1: number } | undefined;
  let seen = new Uint8Array((BIFF8_ROWS * BIFF8_COLUMNS) / 8);
  let p = 0;
  let ended = 0;
  const cell = (row: number, column: number) => {
    if (dims && (row < dims.r0 || row >= dims.r1 || column < dims.c0 || column >= dims.c1)) throw damaged();
    if (row >= BIFF8_ROWS || column >= BIFF8_COLUMNS) throw damaged();
    const bit = row * BIFF8_COLUMNS + column;
    if (seen[bit >> 3]! & (1 << (bit & 7))) throw damaged();
    seen[bit >> 3]! |= 1 << (bit & 7);
  };
  while (p + 4 <= stream.length) {
    const type = stream.readUInt16LE(p);
    const size = stream.readUInt16LE(p + 2);
    if (depth === 0 && substreams > 0 && type === 0 && size === 0) {
      // Zero padding after the last substream, as some writers leave it.
      if (stream.subarray(p).every((b) => b === 0)) break;
    }
    if (size > MAX_RECORD || p + 4 + size > stream.length) throw damaged();
    const body = stream.subarray(p + 4, p + 4 + size);
    if (depth === 0 && type !== BOF) throw damaged();
    if (type === BOF) {
      if (size < 4) throw damaged();
      const version = body.readUInt16LE(0);
      if (version !== 0x0600 && version !== 0x0500) throw damaged();
      if (substreams === 0) biff8 = version === 0x0600;
      if (depth === 0) {
        bofAt.add(p);
        substreams++;
        dims = undefined;
        if (substreams > 1) seen = new Uint8Array(seen.length);
      }
      depth++;
    } else if (type === EOF) {
      if (depth === 0) throw damaged();
      depth--;
      if (depth === 0) ended = p + 4;
    } else if (depth === 1 && type === BOUNDSHEET && substreams === 1) {
      if (size < 6) throw damaged();
      sheetOffsets.push(body.readUInt32LE(0));
    } else if (depth === 1 && type === SST && size >= 8) {
      sstCount = body.readUInt32LE(4);
    } else if (depth === 1 && type === DIMENSIONS) {
      dims = biff8 && size >= 12
        ? { r0: body.readUInt32LE(0), r1: body.readUInt32LE(4), c0: body.readUInt16LE(8), c1: body.readUInt16LE(10) }
        : size >= 8 ? { r0: body.readUInt16LE(0), r1: body.readUInt16LE(2), c0: body.readUInt16LE(4), c1: body.readUInt16LE(6) } : undefined;
      if (!dims || dims.r1 < dims.r0 || dims.c1 < dims.c0) throw damaged();
      if (dims.r1 > limits.maxRows) throw new UserError('import-files.limit-rows', { limit: limits.maxRows }, { file });
      if (dims.c1 > limits.maxColumns) throw new UserError('import-files.limit-columns', { limit: limits.maxColumns }, { file });
    } else if (depth === 1 && substreams > 1 && CELL_RECORDS.has(type)) {
      if (size < 6) throw damaged();
      cell(body.readUInt16LE(0), body.readUInt16LE(2));
      if (type === LABELSST && (size < 10 || sstCount === undefined || body.readUInt32LE(6) >= sstCount)) throw damaged();
    } else if (depth === 1 && substreams > 1 && MULTI_CELL_RECORDS.has(type)) {
      if (size < 6) throw damaged();
      const row = body.readUInt16LE(0);
      const first = body.readUInt16LE(2);
      const last = body.readUInt16LE(size - 2);
      const width = type === 0x00bd ? 6 : 2;
      if (last < first || size !== 6 + (last - first + 1) * width) throw damaged();
      for (let c = first; c <= last; c++) cell(row, c);
    }
    p += 4 + size;
  }
  if (depth !== 0 || substreams < 2 || ended === 0) throw damaged();
  if (p < stream.length && !stream.subarray(p).every((b) => b === 0)) throw damaged();
  if (sheetOffsets.length === 0 || sheetOffsets.some((o) => !bofAt.has(o))) throw damaged();
}
