import { Parser as HtmlParser } from 'htmlparser2';
import { UserError } from '../../errors.js';
import { textCell, type Cell } from '../cell-values.js';
import type { RawRow } from './raw-row.js';
import type { ReadLimits } from './read-limits.js';
import { decodeTextFile, type DecodedText, type DetectedEncoding } from './text-decoding.js';

/**
 * Portal exports named .xls that are really HTML tables: every <tr> in order, colspans kept aligned. A table that
 * the file never closes is a file cut short, and refused.
 */
export async function* htmlRows(path: string, file: string, detected: DetectedEncoding, limits: ReadLimits, state: DecodedText): AsyncGenerator<RawRow> {
  const rows: RawRow[] = [];
  let current: Cell[] | null = null;
  let cell: string | null = null;
  let span = 1;
  let n = 0;
  let tables = 0;
  let cutShort = false;
  let failure: UserError | undefined;
  const fail = (e: UserError) => {
    failure ??= e;
  };
  const parser = new HtmlParser({
    onopentag(name, attrs) {
      if (name === 'table') tables++;
      else if (name === 'tr') current = [];
      else if ((name === 'td' || name === 'th') && current) {
        cell = '';
        span = Math.max(1, Math.min(100, Number(attrs.colspan) || 1));
      } else if (name === 'br' && cell !== null) cell += ' ';
    },
    ontext(t) {
      if (cell === null) return;
      cell += t;
      if (cell.length > limits.maxCellChars) fail(new UserError('import-files.limit-cell-chars', { limit: limits.maxCellChars }, { file, row: n + 1 }));
    },
    onclosetag(name, implied) {
      if (name === 'table' && implied) cutShort = true;
      if ((name === 'td' || name === 'th') && current && cell !== null) {
        current.push(textCell(cell.replace(/\s+/g, ' ').trim()));
        for (let i = 1; i < span; i++) current.push(null);
        if (current.length > limits.maxColumns) fail(new UserError('import-files.limit-columns', { limit: limits.maxColumns }, { file, row: n + 1 }));
        cell = null;
      } else if (name === 'tr' && current) {
        n++;
        if (n > limits.maxRows) fail(new UserError('import-files.limit-rows', { limit: limits.maxRows }, { file, row: n }));
        rows.push({ row: n, cells: current });
        current = null;
      }
    },
  }, { decodeEntities: true, lowerCaseTags: true });
  for await (const text of decodeTextFile(path, file, detected, state)) {
    parser.write(text as string);
    if (failure) throw failure;
    if (rows.length) yield* rows.splice(0);
  }
  parser.end();
  if (failure) throw failure;
  if (cutShort || tables === 0) throw new UserError('import-files.html-cut-short', {}, { file });
  yield* rows.splice(0);
}
