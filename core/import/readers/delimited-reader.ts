import { CsvError, parse as parseCsv } from 'csv-parse';
import { Readable, pipeline } from 'node:stream';
import { UserError } from '../../errors.js';
import { textCell, type Cell } from '../cell-values.js';
import type { RawRow } from './raw-row.js';
import type { ReadLimits } from './read-limits.js';
import { decodeTextFile, type DecodedText, type DetectedEncoding } from './text-decoding.js';

/** How many rows at the top show how wide the table is (title rows, then the header). */
const WIDTH_ROWS = 30;

/**
 * CSV and tab-separated text (.csv, .tsv, .txt) as rows: quotes and embedded line breaks by csv-parse, text
 * decoded strictly, limits checked on every record. A file cut short is refused, never imported in part: a quote
 * left open at the end, or a last line that has fewer fields than the table's width and no line break after it
 * (the export or the download stopped in the middle of a line). The last record is therefore held back until
 * the file has ended.
 */
export async function* delimitedRows(path: string, file: string, detected: DetectedEncoding, delimiter: string, limits: ReadLimits, state: DecodedText): AsyncGenerator<RawRow> {
  let failure: unknown;
  const parser = parseCsv({
    delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: true,
    max_record_size: Math.max(1_048_576, limits.maxCellChars * 16),
  });
  pipeline(Readable.from(decodeTextFile(path, file, detected, state, { utf8AsBytes: true })), parser, (e) => {
    if (e) failure ??= e;
  });
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
    for await (const record of parser as AsyncIterable<string[]>) {
      row++;
      if (row <= WIDTH_ROWS) width = Math.max(width, record.length);
      const current = { row, cells: check(record, row) };
      if (held) yield held;
      held = current;
    }
  } catch (e) {
    throw translate(failure ?? e, file, row + 1, limits);
  }
  if (failure) throw translate(failure, file, row + 1, limits);
  if (held) {
    const filled = held.cells.some((c) => c !== null && !(typeof c === 'string' && c.trim() === ''));
    if (!state.endedWithNewline && filled && held.cells.length < width) {
      throw new UserError('import-files.text-cut-short', { fields: held.cells.length, expected: width }, { file, row: held.row });
    }
    yield held;
  }
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
