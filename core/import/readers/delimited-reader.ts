import { CsvError, parse as parseCsv } from 'csv-parse';
import { Readable, pipeline } from 'node:stream';
import { UserError } from '../../errors.js';
import { textCell, type Cell } from '../cell-values.js';
import type { RawRow } from './raw-row.js';
import type { ReadLimits } from './read-limits.js';
import { FastRecords, IRREGULAR } from './fast-records.js';
import { decodeTextFile, type DecodedText, type DetectedEncoding } from './text-decoding.js';

/** How many rows at the top show how wide the table is (title rows, then the header). */
const WIDTH_ROWS = 30;

/**
 * CSV and tab-separated text (.csv, .tsv, .txt) as rows: quotes and embedded line breaks by csv-parse (or, for the
 * common case, split by hand to the same records: fast-records.ts), text
 * decoded strictly, limits checked on every record. A file cut short is refused, never imported in part: a quote
 * left open at the end, or a last line that has fewer fields than the table's width and no line break after it
 * (the export or the download stopped in the middle of a line). The last record is therefore held back until
 * the file has ended.
 */
export async function* delimitedBatches(path: string, file: string, detected: DetectedEncoding, delimiter: string, limits: ReadLimits, state: DecodedText): AsyncGenerator<RawRow[]> {
  let row = 0;
  let width = 0;
  let held: RawRow | undefined;
  const check = (record: string[], at: number): Cell[] => {
    if (at > limits.maxRows) throw new UserError('import-files.limit-rows', { limit: limits.maxRows }, { file, row: at });
    if (record.length > limits.maxColumns) throw new UserError('import-files.limit-columns', { limit: limits.maxColumns }, { file, row: at });
    const cells: Cell[] = new Array(record.length);
    for (let i = 0; i < record.length; i++) {
      const text = record[i]!;
      if (text.length > limits.maxCellChars) throw new UserError('import-files.limit-cell-chars', { limit: limits.maxCellChars }, { file, row: at });
      cells[i] = textCell(text);
    }
    return cells;
  };
  try {
    for await (const records of recordBatches(path, file, detected, delimiter, state, Math.max(1_048_576, limits.maxCellChars * 16))) {
      const rows: RawRow[] = held ? [held] : [];
      for (const record of records) {
        row++;
        if (row <= WIDTH_ROWS) width = Math.max(width, record.length);
        rows.push({ row, cells: check(record, row) });
      }
      held = rows.pop();
      if (rows.length) yield rows;
    }
  } catch (e) {
    throw translate(e, file, row + 1, limits);
  }
  if (held) {
    const filled = held.cells.some((c) => c !== null && !(typeof c === 'string' && c.trim() === ''));
    if (!state.endedWithNewline && filled && held.cells.length < width) {
      throw new UserError('import-files.text-cut-short', { fields: held.cells.length, expected: width }, { file, row: held.row });
    }
    yield [held];
  }
}

/** Records a batch at a time: few enough that a batch dies young, many enough that waiting for one is rare. */
const BATCH_RECORDS = 256;

/**
 * The file's records: split by hand while the text is the common case (fast-records.ts), and from the first record
 * that is not, the whole file read again by csv-parse, less the records already given (the two agree on those).
 */
async function* recordBatches(path: string, file: string, detected: DetectedEncoding, delimiter: string, state: DecodedText, maxRecordSize: number): AsyncGenerator<string[][]> {
  let given = 0;
  if (FastRecords.handles(delimiter)) {
    const gb18030 = new TextDecoder('gb18030', { fatal: true });
    const decode = (bytes: Buffer) => (state.encoding === 'gb18030' ? gb18030.decode(bytes) : bytes.toString('utf8'));
    const fast = new FastRecords(delimiter, decode, maxRecordSize, () => state.encoding === 'gb18030');
    const chunks = decodeTextFile(path, file, detected, state, { utf8AsBytes: true, gb18030AsBytes: true })[Symbol.asyncIterator]();
    let regular = true;
    try {
      let next = await chunks.next();
      reading: while (!next.done) {
        const chunk = next.value;
        // One chunk ahead, so the splitter knows the file's last.
        next = await chunks.next();
        if (typeof chunk === 'string' || fast.feed(chunk, next.done === true) === IRREGULAR) {
          regular = false;
          break;
        }
        while (!fast.drained) {
          const records = fast.take(BATCH_RECORDS);
          if (records === IRREGULAR) {
            regular = false;
            break reading;
          }
          given += records.length;
          if (records.length) yield records;
        }
      }
    } finally {
      // However the reading stops — the file read, given up for csv-parse, an error, or the import stopping early
      // (the header, the date order, a limit) — the file is closed: a long-running window would otherwise keep
      // every refused export open, and on Windows locked.
      await chunks.return(undefined);
    }
    if (regular) return;
  }
  let batch: string[][] = [];
  for await (const record of parsedRecords(path, file, detected, delimiter, state, maxRecordSize)) {
    if (given > 0) {
      given--;
      continue;
    }
    batch.push(record);
    if (batch.length >= BATCH_RECORDS) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

/** Every record of the file by csv-parse: quotes and embedded line breaks, the record break decided by the first. */
async function* parsedRecords(path: string, file: string, detected: DetectedEncoding, delimiter: string, state: DecodedText, maxRecordSize: number): AsyncGenerator<string[]> {
  let failure: unknown;
  const parser = parseCsv({ delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: true, max_record_size: maxRecordSize });
  pipeline(Readable.from(decodeTextFile(path, file, detected, state, { utf8AsBytes: true })), parser, (e) => {
    if (e) failure ??= e;
  });
  try {
    yield* parser as AsyncIterable<string[]>;
  } catch (e) {
    throw failure ?? e;
  }
  if (failure) throw failure;
}

function translate(e: unknown, file: string, row: number, limits: ReadLimits): unknown {
  if (e instanceof UserError) return e;
  if (e instanceof CsvError) {
    if (e.code === 'CSV_QUOTE_NOT_CLOSED') return new UserError('import-files.text-open-quote', {}, { file, row: Number(e.lines) || row });
    if (e.code === 'CSV_MAX_RECORD_SIZE') return new UserError('import-files.limit-cell-chars', { limit: limits.maxCellChars }, { file, row });
    return new UserError('import-files.text-unreadable', { line: Number(e.lines) || row }, { file, row });
  }
  return new UserError('import-files.text-unreadable', { line: row }, { file, row });
}
