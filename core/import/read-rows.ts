import { UserError } from '../errors.js';
import { delimitedBatches } from './readers/delimited-reader.js';
import { htmlRows } from './readers/html-reader.js';
import type { RawRow } from './readers/raw-row.js';
import { DEFAULT_READ_LIMITS, MEBIBYTE, type ReadLimits } from './readers/read-limits.js';
import type { DecodedText, TextEncoding } from './readers/text-decoding.js';
import { xlsRows } from './readers/xls-reader.js';
import { isWorkbookZip, xlsxRows } from './readers/xlsx-reader.js';
import { ZipArchive } from './readers/zip-archive.js';
import { detectDelimiter, sniffFile, type FileFormat } from './sniff-file.js';

export type { RawRow } from './readers/raw-row.js';

export interface OpenedTable {
  format: FileFormat;
  /** for text and html: the encoding, final once the rows have been read (an ASCII start is decided later) */
  readonly encoding?: TextEncoding;
  rows: AsyncIterable<RawRow>;
  /**
   * The same rows a batch at a time: a file of a million rows is then a few thousand waits, not a million (each
   * await of an async iterator costs more than reading a CSV row). Read either `rows` or `batches`, once.
   */
  batches: AsyncIterable<RawRow[]>;
}

/** What a reader hands over: its rows one by one, or in batches. */
type ReaderTable = Omit<OpenedTable, 'rows' | 'batches'> & ({ rows: AsyncIterable<RawRow> } | { batches: AsyncIterable<RawRow[]> });

export interface OpenOptions {
  /** the name messages give the file, when it is read from elsewhere (a member of a bundle) */
  file?: string;
  limits?: ReadLimits;
}

/**
 * Opens a file as rows of cells, whatever it is: .xlsx (verified zip, streaming), binary .xls (BIFF8/BIFF5),
 * HTML tables saved as .xls, CSV and tab-separated text in UTF-8, UTF-16 (with or without a byte-order mark) or
 * GB18030. Every reader refuses what it cannot read exactly, with the file named; a bundle of export files
 * (.zip) is refused here because each of its files is imported on its own (readers/export-archive.ts).
 */
export async function openTable(path: string, options: OpenOptions = {}): Promise<OpenedTable> {
  const file = options.file ?? path;
  const table = await open(path, file, options.limits ?? DEFAULT_READ_LIMITS);
  const batches = guarded('batches' in table ? table.batches : batchesOf(table.rows), file, table.format);
  return {
    format: table.format,
    get encoding() {
      return table.encoding;
    },
    batches,
    rows: rowsOf(batches),
  };
}

const ROWS_PER_BATCH = 256;

async function* batchesOf(rows: AsyncIterable<RawRow>): AsyncGenerator<RawRow[]> {
  let batch: RawRow[] = [];
  for await (const row of rows) {
    batch.push(row);
    if (batch.length >= ROWS_PER_BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

async function* rowsOf(batches: AsyncIterable<RawRow[]>): AsyncGenerator<RawRow> {
  for await (const batch of batches) yield* batch;
}

/**
 * A reader that fails in a way of its own (a library's exception on a file it chokes on) still ends in a clear
 * message naming the file, never a crash or a silent stop.
 */
async function* guarded(batches: AsyncIterable<RawRow[]>, file: string, format: FileFormat): AsyncGenerator<RawRow[]> {
  try {
    yield* batches;
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError('import-files.unreadable', { format }, { file });
  }
}

async function open(path: string, file: string, limits: ReadLimits): Promise<ReaderTable> {
  const sniffed = sniffFile(path, file);
  switch (sniffed.kind) {
    case 'zip': {
      const archive = await ZipArchive.open(path, file, limits);
      if (!isWorkbookZip(archive)) {
        const members = archive.entries.length;
        await archive.close();
        throw new UserError('import-files.bundle-not-here', { members }, { file });
      }
      return { format: 'xlsx', rows: xlsxRows(archive, limits) };
    }
    case 'xls':
      return { format: 'xls', rows: xlsRows(path, file, limits) };
    case 'html':
    case 'text': {
      if (sniffed.size > limits.maxUncompressedBytes) throw new UserError('import-files.limit-uncompressed', { limit: Math.floor(limits.maxUncompressedBytes / MEBIBYTE) }, { file });
      const state: DecodedText = { encoding: sniffed.encoding!, endedWithNewline: false };
      if (sniffed.kind === 'html') return { format: 'html', get encoding() { return state.encoding; }, rows: htmlRows(path, file, sniffed.detected!, limits, state) };
      const delimiter = detectDelimiter(sniffed.sample ?? '', path);
      return { format: delimiter === '\t' ? 'tsv' : 'csv', get encoding() { return state.encoding; }, batches: delimitedBatches(path, file, sniffed.detected!, delimiter, limits, state) };
    }
  }
}
