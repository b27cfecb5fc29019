import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { UserError } from '../../errors.js';

export type TextEncoding = 'utf8' | 'utf16le' | 'utf16be' | 'gb18030';

const DECODER_LABELS: Record<TextEncoding, string> = { utf8: 'utf-8', utf16le: 'utf-16le', utf16be: 'utf-16be', gb18030: 'gb18030' };

export interface DetectedEncoding {
  encoding: TextEncoding;
  /** the first bytes were all ASCII: UTF-8 or GB18030 is decided at the first byte that is not */
  undecided: boolean;
}

function controlShare(text: string): number {
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0xfffd) control++;
  }
  return text.length ? control / text.length : 0;
}

function decodesAs(head: Buffer, label: string): string | undefined {
  try {
    return new TextDecoder(label, { fatal: true }).decode(head, { stream: true });
  } catch {
    return undefined;
  }
}

/** Characters an export plausibly holds: ASCII, Latin-1 signs (¥ ×), punctuation, CJK and full-width forms. */
function plausibleShare(text: string): number {
  let plausible = 0;
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    n++;
    if ((c >= 0x20 && c < 0x7f) || c === 0x09 || c === 0x0a || c === 0x0d || (c >= 0xa0 && c <= 0xff) || (c >= 0x2000 && c <= 0x206f)
      || (c >= 0x3000 && c <= 0x303f) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xffef)
      || c === 0xfeff || c >= 0x20000) plausible++;
  }
  return n ? plausible / n : 1;
}

/**
 * UTF-8 or GB18030, for bytes that are not all ASCII. Text valid as UTF-8 is UTF-8, unless it then reads as
 * characters no export holds (short GBK text can happen to be valid UTF-8: 藔 in GBK reads "ˀ") while GB18030
 * reads it as plausible text.
 */
function utf8OrGb18030(bytes: Buffer): TextEncoding {
  const utf8 = decodesAs(bytes, 'utf-8');
  if (utf8 === undefined) return 'gb18030';
  const share = plausibleShare(utf8);
  if (share === 1) return 'utf8';
  const gb = decodesAs(bytes, 'gb18030');
  return gb !== undefined && plausibleShare(gb) > share ? 'gb18030' : 'utf8';
}

/**
 * UTF-16 without a byte-order mark, as some exporters write it: text in UTF-16 has a zero byte in every ASCII
 * character (tabs, digits, line breaks), at odd offsets in little-endian and even ones in big-endian, which
 * neither UTF-8 nor GB18030 text ever has. The guess is kept only if the text then decodes cleanly.
 */
function utf16WithoutBom(head: Buffer): TextEncoding | undefined {
  let even = 0;
  let odd = 0;
  for (let i = 0; i < head.length; i++) if (head[i] === 0) (i % 2 === 0 ? even++ : odd++);
  const guess = odd >= 2 && odd >= 4 * even ? 'utf16le' : even >= 2 && even >= 4 * odd ? 'utf16be' : undefined;
  if (!guess) return undefined;
  const text = decodesAs(head.subarray(0, head.length - (head.length % 2)), DECODER_LABELS[guess]);
  return text !== undefined && controlShare(text) < 0.01 ? guess : undefined;
}

/**
 * Which encoding a text file is in: a byte-order mark decides (UTF-8, UTF-16 LE/BE); then UTF-16 without one;
 * then text that is valid UTF-8 is UTF-8 and anything else GB18030 (a superset of GBK and GB2312, which Chinese
 * Excel and most portals write). A file that is none of these is refused.
 */
export function detectEncoding(head: Buffer, file: string): DetectedEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf8', undecided: false };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf16le', undecided: false };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf16be', undecided: false };
  if (head.includes(0)) {
    const utf16 = utf16WithoutBom(head);
    if (utf16) return { encoding: utf16, undecided: false };
    throw new UserError('import-files.not-a-table', {}, { file });
  }
  let control = 0;
  let high = false;
  for (const byte of head) {
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b)) control++;
    else if (byte >= 0x80) high = true;
  }
  if (head.length > 0 && control > head.length / 100) throw new UserError('import-files.not-a-table', {}, { file });
  if (!high) return { encoding: 'utf8', undecided: true };
  return { encoding: utf8OrGb18030(head), undecided: false };
}

export function decodeSample(head: Buffer, encoding: TextEncoding): string {
  return new TextDecoder(DECODER_LABELS[encoding]).decode(head, { stream: true }).replace(/^\ufeff/, '');
}

export interface DecodedText {
  /** the encoding in the end (an undecided file is decided on its first byte that is not ASCII) */
  encoding: TextEncoding;
  /** the text ended with a line break */
  endedWithNewline: boolean;
}

/**
 * How many bytes from a file's first byte that is not ASCII the choice of UTF-8 or GB18030 is made on (or the rest of
 * the file, if shorter): enough for whole characters and for the plausibility of a few dozen of them.
 */
const DECIDE_ON_BYTES = 1024;

/** How much of `bytes` ends on a whole UTF-8 character (a character cut by the chunk's end waits for the next). */
function wholeUtf8Length(bytes: Buffer): number {
  for (let i = bytes.length - 1, seen = 0; i >= 0 && seen < 4; i--, seen++) {
    const b = bytes[i]!;
    if (b < 0x80) return bytes.length;
    if (b >= 0xc0) {
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return i + need > bytes.length ? i : bytes.length;
    }
  }
  return bytes.length;
}

/**
 * A text file as a stream of text, decoded strictly: a byte sequence that is not valid in the file's encoding
 * (a file cut inside a character, a GBK file with UTF-8 pasted in) is refused with the line it is on, never
 * turned into replacement characters. With `utf8AsBytes`, UTF-8 comes as validated bytes (a parser that works on
 * bytes, such as csv-parse, is a third faster so); everything else as strings without the byte-order mark.
 * With `gb18030AsBytes` too, GB18030 comes as bytes checked by the strict decoder (fast-records.ts splits them).
 */
export async function* decodeTextFile(path: string, file: string, detected: DetectedEncoding, state: DecodedText, options: { utf8AsBytes?: boolean; gb18030AsBytes?: boolean } = {}): AsyncGenerator<string | Buffer> {
  const asBytes = options.utf8AsBytes ?? false;
  const gbAsBytes = asBytes && (options.gb18030AsBytes ?? false);
  let decoder: InstanceType<typeof TextDecoder> | undefined;
  let utf8Bytes = false;
  state.encoding = detected.encoding;
  if (!detected.undecided) {
    if (asBytes && detected.encoding === 'utf8') utf8Bytes = true;
    else decoder = new TextDecoder(DECODER_LABELS[detected.encoding], { fatal: true });
  }
  let lines = 1;
  let newlineLast = false;
  const text = (t: string) => {
    for (let i = t.indexOf('\n'); i >= 0; i = t.indexOf('\n', i + 1)) lines++;
    if (t) newlineLast = /[\r\n]$/.test(t);
    return t;
  };
  const bytes = (b: Buffer) => {
    for (let i = b.indexOf(0x0a); i >= 0; i = b.indexOf(0x0a, i + 1)) lines++;
    if (b.length) newlineLast = b[b.length - 1] === 0x0a || b[b.length - 1] === 0x0d;
    return b;
  };
  const refuse = () => new UserError('import-files.text-not-in-encoding', { encoding: state.encoding, line: lines }, { file });
  let carry: Buffer = Buffer.alloc(0);
  /** A chunk once the encoding is known. */
  function* decodedChunk(chunk: Buffer): Generator<string | Buffer> {
    if (utf8Bytes) {
      const all = carry.length ? Buffer.concat([carry, chunk]) : chunk;
      const whole = wholeUtf8Length(all);
      if (!isUtf8(all.subarray(0, whole))) throw refuse();
      carry = Buffer.from(all.subarray(whole));
      yield bytes(all.subarray(0, whole));
      return;
    }
    let decoded: string;
    try {
      decoded = decoder!.decode(chunk, { stream: true });
    } catch {
      throw refuse();
    }
    if (gbAsBytes && state.encoding === 'gb18030') {
      text(decoded);
      yield chunk;
      return;
    }
    yield text(decoded);
  }
  const decide = (from: Buffer) => {
    state.encoding = utf8OrGb18030(from);
    if (asBytes && state.encoding === 'utf8') utf8Bytes = true;
    else decoder = new TextDecoder(DECODER_LABELS[state.encoding], { fatal: true });
  };
  // An undecided file's bytes from its first that is not ASCII, while too few to decide on (a GBK character cut by the
  // chunk's end has a first byte that also starts UTF-8): decided with the next chunk, or at the file's end.
  let undecided: Buffer = Buffer.alloc(0);
  for await (const read of createReadStream(path, { highWaterMark: 256 * 1024 }) as AsyncIterable<Buffer>) {
    let chunk = read;
    if (!decoder && !utf8Bytes) {
      if (undecided.length) {
        chunk = Buffer.concat([undecided, read]);
        undecided = Buffer.alloc(0);
      }
      const at = chunk.findIndex((b) => b >= 0x80);
      if (at < 0) {
        yield asBytes ? bytes(chunk) : text(chunk.toString('latin1'));
        continue;
      }
      if (chunk.length - at < DECIDE_ON_BYTES) {
        if (at > 0) yield asBytes ? bytes(chunk.subarray(0, at)) : text(chunk.subarray(0, at).toString('latin1'));
        undecided = Buffer.from(chunk.subarray(at));
        continue;
      }
      decide(chunk.subarray(at));
    }
    yield* decodedChunk(chunk);
  }
  if (undecided.length) {
    decide(undecided);
    yield* decodedChunk(undecided);
  }
  if (carry.length) throw refuse();
  let rest = '';
  try {
    rest = decoder?.decode() ?? '';
  } catch {
    throw refuse();
  }
  if (rest) yield text(rest);
  state.endedWithNewline = newlineLast;
}
