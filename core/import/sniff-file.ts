import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { UserError } from '../errors.js';

export type FileFormat = 'xlsx' | 'html' | 'csv';
export type TextEncoding = 'utf8' | 'utf16le' | 'utf16be' | 'gb18030';

export interface Sniffed {
  format: FileFormat;
  /** for csv and html */
  encoding?: TextEncoding;
  /** the first bytes, decoded, for delimiter detection */
  sample?: string;
}

const SAMPLE_BYTES = 64 * 1024;

function readHead(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    const n = readSync(fd, buffer, 0, SAMPLE_BYTES, 0);
    return buffer.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/**
 * Which encoding a text file is in: a byte-order mark decides (UTF-8, UTF-16 LE/BE); otherwise text that is valid
 * UTF-8 is UTF-8 and anything else is GB18030 (a superset of GBK and GB2312, which Chinese Excel and most
 * portals write). A file that is neither text nor a spreadsheet is refused.
 */
export function detectEncoding(head: Buffer, file: string): TextEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf16be';
  let control = 0;
  for (const byte of head) if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b)) control++;
  if (head.length > 0 && control > head.length / 100) {
    throw new UserError('not-a-table', 'is not a spreadsheet or a text file (binary content); export it as .xlsx or .csv', { file });
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf8';
  } catch {
    return 'gb18030';
  }
}

export function sniffFile(path: string): Sniffed {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new UserError('file-not-found', 'no such file', { file: path });
  }
  if (size === 0) throw new UserError('empty-file', 'the file is empty', { file: path });
  const head = readHead(path);
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return { format: 'xlsx' };
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) {
    throw new UserError('binary-xls', 'is an old binary Excel file (.xls): open it in Excel or WPS and save it as .xlsx, then import that', { file: path });
  }
  const encoding = detectEncoding(head, path);
  const sample = new TextDecoder(encoding === 'utf8' ? 'utf-8' : encoding === 'utf16le' ? 'utf-16le' : encoding === 'utf16be' ? 'utf-16be' : 'gb18030')
    .decode(head, { stream: true }).replace(/^\ufeff/, '');
  if (/^\s*</.test(sample) && /<table/i.test(sample)) return { format: 'html', encoding, sample };
  return { format: 'csv', encoding, sample };
}

/** Comma, tab or semicolon: the one that splits the sample's first lines most consistently. */
export function detectDelimiter(sample: string): string {
  const lines = sample.split(/\r?\n/).filter((l) => l.trim()).slice(0, 20);
  let best = ',';
  let bestScore = 0;
  for (const d of [',', '\t', ';', '|']) {
    const counts = lines.map((l) => l.split(d).length - 1);
    const max = Math.max(0, ...counts);
    const consistent = counts.filter((c) => c === max).length;
    const score = max > 0 ? consistent * 10 + max : 0;
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}
