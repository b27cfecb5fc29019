/**
 * The common case of delimited text split by hand: records ended by LF or CRLF (the first record decides, as
 * csv-parse does), fields optionally in double quotes with "" for a quote and line breaks inside quotes, a quote
 * anywhere else kept as text (csv-parse's relax_quotes). It works on the bytes of UTF-8 or GB18030 text, where a
 * quote and a line break are never part of a multi-byte character, and decodes each record once. Nor is a delimiter
 * below 0x40 (comma, tab, semicolon); `|` (0x7C) is the second byte of 126 GB18030 characters (東 is 96 7C), so in
 * GB18030 text split by `|` the splitter steps over each multi-byte character whole.
 *
 * Anything else — a lone CR, text after a closing quote, a quote left open, a record longer than the limit, a
 * GB18030 byte-order mark — is `irregular`: the reader then reads the whole file with csv-parse instead, which
 * decides what such text means. test/core/import/readers/fast-records.test.ts holds the two to the same records.
 * It exists for speed: csv-parse builds every field byte by byte, about 5 µs a row of ten fields.
 */

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
/** GB18030: a byte 0x81–0xFE starts a character of two bytes, or of four when the next is a digit 0x30–0x39. */
const GB_LEAD_FIRST = 0x81;
const GB_LEAD_LAST = 0xfe;
const GB_FOUR_FIRST = 0x30;
const GB_FOUR_LAST = 0x39;
/** The lowest byte that can be the second (or fourth) of a GB18030 character. */
const GB_TRAIL_LOWEST = 0x40;
const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;
const GB18030_BOM = [0x84, 0x31, 0x95, 0x33] as const;
const EMPTY = Buffer.alloc(0);

export const IRREGULAR = 'irregular';
type Irregular = typeof IRREGULAR;

/** Where a record's text ends and the next record starts; `more` when the bytes so far do not hold its end. */
type RecordEnd = { contentEnd: number; next: number } | 'more' | Irregular;

export class FastRecords {
  private carry: Buffer = EMPTY;
  private mode: 'lf' | 'crlf' | undefined;
  private started = false;
  private readonly delimiterByte: number;

  /** whether the delimiter's byte can also be the second byte of a GB18030 character (`|`) */
  private readonly delimiterInGb18030: boolean;

  /**
   * @param delimiter one ASCII character
   * @param decode a record's bytes as text (the file's encoding)
   * @param maxRecordBytes a record longer than this is left to csv-parse, which refuses it
   * @param isGb18030 whether the bytes are GB18030 (asked as records are read: a file that begins in ASCII is decided
   *   at its first byte that is not)
   */
  constructor(private readonly delimiter: string, private readonly decode: (bytes: Buffer) => string, private readonly maxRecordBytes: number,
    private readonly isGb18030: () => boolean = () => false) {
    this.delimiterByte = delimiter.charCodeAt(0);
    this.delimiterInGb18030 = this.delimiterByte >= GB_TRAIL_LOWEST;
  }

  /** Whether the fast path can read text with this delimiter at all. */
  static handles(delimiter: string): boolean {
    return delimiter.length === 1 && delimiter.charCodeAt(0) < 0x80 && delimiter !== '"' && delimiter !== '\r' && delimiter !== '\n';
  }

  private buf: Buffer = EMPTY;
  private pos = 0;
  private end = false;
  /** the next quote at or after pos: found once per stretch, not once per record (a file may have none at all) */
  private nextQuote = -2;

  /** The next chunk of bytes (`end`: it is the file's last), once take() has used up the one before. */
  feed(chunk: Buffer, end: boolean): Irregular | undefined {
    let buf = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = EMPTY;
    this.end = end;
    if (!this.started) {
      if (buf.length < GB18030_BOM.length && !end) {
        this.carry = Buffer.from(buf);
        this.buf = EMPTY;
        this.pos = 0;
        return undefined;
      }
      this.started = true;
      if (startsWith(buf, GB18030_BOM)) return IRREGULAR;
      if (startsWith(buf, UTF8_BOM)) buf = buf.subarray(UTF8_BOM.length);
    }
    this.buf = buf;
    this.pos = 0;
    this.nextQuote = -2;
    return undefined;
  }

  /**
   * Up to `max` records of what has been fed; none when the rest waits for the next chunk (kept, so the chunk it
   * came from need not be), or `irregular`.
   */
  take(max: number): string[][] | Irregular {
    const { buf } = this;
    const records: string[][] = [];
    let pos = this.pos;
    while (pos < buf.length && records.length < max) {
      let found: RecordEnd | undefined;
      if (this.mode) {
        // A record with no quote: its end is the next line break (for CRLF, with no lone CR before it).
        if (this.nextQuote !== -1 && this.nextQuote < pos) this.nextQuote = buf.indexOf(QUOTE, pos);
        const nl = buf.indexOf(LF, pos);
        if (nl >= 0 && (this.nextQuote === -1 || this.nextQuote > nl)) {
          if (this.mode === 'lf') found = { contentEnd: nl, next: nl + 1 };
          else if (nl > pos && buf.indexOf(CR, pos) === nl - 1) found = { contentEnd: nl - 1, next: nl + 1 };
        }
      }
      found ??= this.recordEnd(buf, pos, this.end);
      if (found === IRREGULAR) return IRREGULAR;
      if (found === 'more') break;
      if (found.contentEnd - pos > this.maxRecordBytes) return IRREGULAR;
      const cells = this.cells(this.decode(buf.subarray(pos, found.contentEnd)));
      if (cells === IRREGULAR) return IRREGULAR;
      records.push(cells);
      pos = found.next;
    }
    this.pos = pos;
    if (records.length < max || pos >= buf.length) {
      // What is left waits for the next chunk, as a copy: the chunk it came from is not kept alive by a few bytes.
      const rest = buf.subarray(pos);
      if (rest.length > this.maxRecordBytes) return IRREGULAR;
      if (this.end && rest.length) return IRREGULAR;
      this.carry = rest.length ? Buffer.from(rest) : EMPTY;
      this.buf = EMPTY;
      this.pos = 0;
    }
    return records;
  }

  /** Whether take() has used up everything fed so far. */
  get drained(): boolean {
    return this.pos >= this.buf.length;
  }

  /** The end of the record starting at pos, quotes heeded; the first line break decides LF or CRLF. */
  private recordEnd(buf: Buffer, pos: number, end: boolean): RecordEnd {
    let fieldStart = true;
    let p = pos;
    // A record starts on a character's first byte, so stepping over whole characters keeps to their boundaries.
    const wholeCharacters = this.delimiterInGb18030 && this.isGb18030();
    while (p < buf.length) {
      const b = buf[p]!;
      if (wholeCharacters && b >= GB_LEAD_FIRST && b <= GB_LEAD_LAST) {
        // A character cut by the chunk's end is read whole once the next chunk has come (the strict decoder has
        // already refused a file that ends inside one).
        if (p + 1 >= buf.length) return end ? IRREGULAR : 'more';
        const second = buf[p + 1]!;
        p += second >= GB_FOUR_FIRST && second <= GB_FOUR_LAST ? 4 : 2;
        fieldStart = false;
        continue;
      }
      if (b === QUOTE && fieldStart) {
        // A quoted field: up to the quote that is not doubled. What follows it is checked when the cells are read.
        let q = p + 1;
        for (;;) {
          q = buf.indexOf(QUOTE, q);
          if (q < 0) return end ? IRREGULAR : 'more';
          if (q + 1 >= buf.length && !end) return 'more';
          if (buf[q + 1] === QUOTE) {
            q += 2;
            continue;
          }
          break;
        }
        p = q + 1;
        fieldStart = false;
        continue;
      }
      if (b === this.delimiterByte) {
        fieldStart = true;
        p++;
        continue;
      }
      if (b === LF && this.mode !== 'crlf') {
        this.mode = 'lf';
        return { contentEnd: p, next: p + 1 };
      }
      if (b === CR && this.mode !== 'lf') {
        if (p + 1 >= buf.length) return end ? IRREGULAR : 'more';
        if (buf[p + 1] === LF) {
          this.mode = 'crlf';
          return { contentEnd: p, next: p + 2 };
        }
        // A lone CR: a record break in old Mac files, or text in a CRLF file. csv-parse decides.
        return IRREGULAR;
      }
      fieldStart = false;
      p++;
    }
    if (!end) return 'more';
    // The last record, with no line break after it.
    return { contentEnd: buf.length, next: buf.length };
  }

  /** A record's text as its cells. */
  private cells(line: string): string[] | Irregular {
    if (!line.includes('"')) return line.split(this.delimiter);
    const cells: string[] = [];
    let i = 0;
    for (;;) {
      if (line.charCodeAt(i) === QUOTE) {
        let value = '';
        let from = i + 1;
        for (;;) {
          const q = line.indexOf('"', from);
          if (q < 0) return IRREGULAR;
          value += line.slice(from, q);
          if (line.charCodeAt(q + 1) === QUOTE) {
            value += '"';
            from = q + 2;
            continue;
          }
          i = q + 1;
          break;
        }
        cells.push(value);
        if (i === line.length) return cells;
        if (line[i] !== this.delimiter) return IRREGULAR;
        i++;
        continue;
      }
      const d = line.indexOf(this.delimiter, i);
      if (d < 0) {
        cells.push(line.slice(i));
        return cells;
      }
      cells.push(line.slice(i, d));
      i = d + 1;
    }
  }
}

function startsWith(buf: Buffer, bytes: readonly number[]): boolean {
  return buf.length >= bytes.length && bytes.every((b, i) => buf[i] === b);
}
