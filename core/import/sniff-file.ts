import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { UserError } from '../errors.js';
import { decodeSample, detectEncoding, type DetectedEncoding, type TextEncoding } from './readers/text-decoding.js';

export type { TextEncoding } from './readers/text-decoding.js';
export { detectEncoding } from './readers/text-decoding.js';

/** What a file is, from its first bytes: a zip (xlsx or a bundle of exports), binary Excel, HTML or delimited text. */
export type SniffedKind = 'zip' | 'xls' | 'html' | 'text';
/** What the import report says the file was read as. */
export type FileFormat = 'xlsx' | 'xls' | 'html' | 'csv' | 'tsv';

export interface Sniffed {
  kind: SniffedKind;
  /** for text and html */
  encoding?: TextEncoding;
  detected?: DetectedEncoding;
  /** the first bytes, decoded, for delimiter detection */
  sample?: string;
  size: number;
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

/** `file` is the name messages give the file (a member of a bundle is read from a temporary copy). */
export function sniffFile(path: string, file: string = path): Sniffed {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new UserError('import.file-not-found', {}, { file });
  }
  if (size === 0) throw new UserError('import.empty-file', {}, { file });
  const head = readHead(path);
  if (head[0] === 0x50 && head[1] === 0x4b && (head[2] === 0x03 || head[2] === 0x05) && (head[3] === 0x04 || head[3] === 0x06)) return { kind: 'zip', size };
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) return { kind: 'xls', size };
  const detected = detectEncoding(head, file);
  const sample = decodeSample(head, detected.encoding);
  if (/^\s*</.test(sample) && /<table/i.test(sample)) return { kind: 'html', encoding: detected.encoding, detected, sample, size };
  return { kind: 'text', encoding: detected.encoding, detected, sample, size };
}

/** Tab for .tsv; otherwise comma, tab, semicolon or bar: the one that splits the sample's lines most consistently. */
export function detectDelimiter(sample: string, path = ''): string {
  if (extname(path).toLowerCase() === '.tsv') return '\t';
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
