import { stringify } from 'csv-stringify/sync';
import iconv from 'iconv-lite';
import type { VoucherLayout } from './layout-schema.js';
import type { OutCell } from './layout-rows.js';
import { cellText } from './cell-text.js';

type TextFile = Extract<VoucherLayout['file'], { type: 'text' }>;

/** A delimiter or line break inside a value of an unquoted format would break the line: it becomes its full-width form or a space. */
const FULL_WIDTH: Record<string, string> = { ',': '，', ';': '；', '|': '｜', '\t': ' ' };
function unquotable(text: string, delimiter: string): string {
  return text.replace(/[\r\n]+/g, ' ').split(delimiter).join(FULL_WIDTH[delimiter] ?? ' ');
}

/** A text layout's file as bytes: its first line, a heading line if it has one, one line per 分录, in its encoding. */
export function textBytes(layout: VoucherLayout, rows: readonly OutCell[][]): Buffer {
  const file = layout.file as TextFile;
  const eol = file.lineEnding === 'crlf' ? '\r\n' : '\n';
  const records = [...(file.header ? [layout.columns.map((c) => c.heading)] : []), ...rows.map((r) => r.map((c) => cellText(layout, c)))];
  const body = file.quote === 'csv'
    ? stringify(records, { delimiter: file.delimiter, record_delimiter: file.lineEnding === 'crlf' ? 'windows' : 'unix' })
    : records.map((r) => r.map((v) => unquotable(v, file.delimiter)).join(file.delimiter) + eol).join('');
  const text = (file.firstLine !== undefined ? file.firstLine + eol : '') + body;
  if (file.encoding === 'gb18030') return iconv.encode(text, 'gb18030');
  return Buffer.from(file.encoding === 'utf8-bom' ? `\uFEFF${text}` : text, 'utf8');
}
