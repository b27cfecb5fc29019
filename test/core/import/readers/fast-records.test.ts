import { existsSync, mkdtempSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { openTable } from '../../../../core/import/read-rows.js';
import { FastRecords, IRREGULAR } from '../../../../core/import/readers/fast-records.js';
import { DEFAULT_READ_LIMITS } from '../../../../core/import/readers/read-limits.js';

// The reference: csv-parse with the options the reader gives it (readers/delimited-reader.ts).
const reference = (text: string, delimiter: string): string[][] =>
  parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: true, max_record_size: 1_048_576 });

/** The fast path's records of bytes cut at the given places; `irregular` once it gives up, with what it gave before. */
function fastRecords(bytes: Buffer, delimiter: string, cuts: number[], take = 7, encoding: 'utf8' | 'gb18030' = 'utf8'): { records: string[][]; irregular: boolean } {
  const gb18030 = new TextDecoder('gb18030', { fatal: true });
  const fast = new FastRecords(delimiter, (b) => (encoding === 'gb18030' ? gb18030.decode(b) : b.toString('utf8')), 1_048_576, () => encoding === 'gb18030');
  const records: string[][] = [];
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b).filter((c) => c > 0 && c < bytes.length);
  const chunks = [0, ...points, bytes.length].slice(1).map((end, i, all) => bytes.subarray(i === 0 ? 0 : all[i - 1]!, end));
  if (bytes.length === 0) return { records, irregular: false };
  for (let i = 0; i < chunks.length; i++) {
    if (fast.feed(chunks[i]!, i === chunks.length - 1) === IRREGULAR) return { records, irregular: true };
    while (!fast.drained) {
      const got = fast.take(take);
      if (got === IRREGULAR) return { records, irregular: true };
      records.push(...got);
    }
  }
  return { records, irregular: false };
}

/**
 * The fast path's records are csv-parse's (or none where csv-parse refuses the text), or, where it gave up, the first
 * of csv-parse's: the reader skips those in csv-parse's reading and goes on from there.
 */
function expectCsvParseOrItsFirst(got: { records: string[][]; irregular: boolean }, text: string, delimiter: string): void {
  let expected: string[][] | undefined;
  try {
    expected = reference(text, delimiter);
  } catch {
    expected = undefined;
  }
  if (!got.irregular) expect(got.records).toEqual(expected);
  else if (expected) expect(got.records).toEqual(expected.slice(0, got.records.length));
}

const plainChar = fc.constantFrom('a', 'b', '7', ' ', '中', '店', '¥', '-', '.', "'", '/');
const anyChar = fc.constantFrom('a', '中', ',', ';', '\t', '"', '""', '\n', '\r\n', '\r', ' ', '\ufeff');

/** A well-formed field: plain, or quoted with the delimiter, quotes and line breaks inside. */
const field = (delimiter: string, lineBreak: string) =>
  fc.oneof(
    fc.array(plainChar, { maxLength: 6 }).map((cs) => cs.join('')),
    fc.array(fc.oneof(plainChar, fc.constant(delimiter), fc.constant('""'), fc.constant(lineBreak)), { maxLength: 6 }).map((cs) => `"${cs.join('')}"`),
  );

/** A well-formed file: records of fields, LF or CRLF throughout, perhaps a byte-order mark and a last line break. */
const wellFormed = fc
  .record({ delimiter: fc.constantFrom(',', '\t', ';', '|'), lineBreak: fc.constantFrom('\n', '\r\n'), bom: fc.boolean(), last: fc.boolean() })
  .chain(({ delimiter, lineBreak, bom, last }) =>
    fc.array(fc.array(field(delimiter, lineBreak), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 12 }).map((records) => ({
      delimiter,
      text: (bom ? '\ufeff' : '') + records.map((r) => r.join(delimiter)).join(lineBreak) + (last ? lineBreak : ''),
    })),
  );

describe('the fast path of delimited text', () => {
  it('reads every well-formed file to the records csv-parse reads, however the bytes are cut', () => {
    fc.assert(
      fc.property(wellFormed, fc.array(fc.nat(400), { maxLength: 6 }), fc.integer({ min: 1, max: 9 }), ({ delimiter, text }, cuts, take) => {
        const got = fastRecords(Buffer.from(text, 'utf8'), delimiter, cuts, take);
        expect(got.irregular).toBe(false);
        expect(got.records).toEqual(reference(text, delimiter));
      }),
      { numRuns: 1500 },
    );
  });

  it('on any text gives csv-parse\'s records, or gives up having given only csv-parse\'s first ones', () => {
    fc.assert(
      fc.property(fc.array(anyChar, { maxLength: 40 }), fc.array(fc.nat(80), { maxLength: 4 }), (chars, cuts) => {
        const text = chars.join('');
        expectCsvParseOrItsFirst(fastRecords(Buffer.from(text, 'utf8'), ',', cuts), text, ',');
      }),
      { numRuns: 4000 },
    );
  });

  // 東 is 96 7C in GB18030: its second byte is `|`. Each of these has a second byte of 0x7C (or, for 𠀀, four bytes).
  const pipeTrail = fc.constantFrom('東', '億', '遼', '觸', '閨', '▅', '﹟', '中', '𠀀', 'a', '"', '""', '|', '\n', '\r\n', ' ');

  it('in GB18030 text split by `|`, never takes the second byte of a character (東 is 96 7C) for the delimiter', () => {
    fc.assert(
      fc.property(fc.array(pipeTrail, { maxLength: 40 }), fc.array(fc.nat(120), { maxLength: 4 }), fc.integer({ min: 1, max: 5 }), (chars, cuts, take) => {
        const text = chars.join('');
        expectCsvParseOrItsFirst(fastRecords(iconv.encode(text, 'gb18030'), '|', cuts, take, 'gb18030'), text, '|');
      }),
      { numRuns: 4000 },
    );
    // The case that lost a row: a quote right after 東 in a cell, and another on the next line.
    const text = '门店|商品|数量|备注\nA01|P1|1|廣東"甲\nA02|P2|2|乙"\nA03|P3|3|丙\n';
    const got = fastRecords(iconv.encode(text, 'gb18030'), '|', [], 7, 'gb18030');
    expect(got.records).toEqual(reference(text, '|'));
    expect(got.records).toHaveLength(4);
  });

  it('gives up where csv-parse decides: a lone CR, text after a closing quote, a quote left open', () => {
    for (const text of ['a,b\rc,d\r', '"a"b,c\n', '"a" ,b\n', 'a,b\n"c', 'a\r\n"b"\r,c\r\n']) {
      expect(fastRecords(Buffer.from(text), ',', []).irregular).toBe(true);
    }
  });
});

describe('delimited files read through the fast path and csv-parse', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fast-records-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const rowsOf = async (path: string) => {
    const out: string[][] = [];
    for await (const r of (await openTable(path)).rows) out.push(r.cells.map(String));
    return out;
  };
  // 3,000 rows of a delivery export, several chunks of the reader's 256 KiB, quoted amounts with thousands separators.
  const lines = Array.from({ length: 3000 }, (_, i) => `XS${String(i >> 4).padStart(8, '0')},2026-03-${String(1 + (i % 28)).padStart(2, '0')},PO${i},RTM,A0${10 + (i % 40)},P${String(i % 90).padStart(3, '0')},${1 + (i % 9)},8.8600,"${(1000 + i).toLocaleString('en-US')}.64",门店备注${'长'.repeat(i % 60)}`);
  const header = '送货单号,送货日期,订单号,系统编码,门店编号,商品编码,数量,单价,金额,备注';

  it('reads a UTF-8 file with CRLF and a byte-order mark to csv-parse\'s rows', async () => {
    const text = `\ufeff${header}\r\n${lines.join('\r\n')}\r\n`;
    const path = join(dir, 'crlf.csv');
    writeFileSync(path, text, 'utf8');
    expect(await rowsOf(path)).toEqual(reference(text, ','));
  });

  it('reads a GB18030 file to csv-parse\'s rows of its decoded text', async () => {
    const text = `${header}\n${lines.join('\n')}\n`;
    const path = join(dir, 'gbk.csv');
    writeFileSync(path, iconv.encode(text, 'gb18030'));
    const rows = await rowsOf(path);
    expect(rows).toEqual(reference(text, ','));
    expect(rows[5]![9]).toBe('门店备注长长长长');
  });

  it('reads a file that turns irregular after 2,500 rows in full, the rest by csv-parse', async () => {
    // Text after a closing quote deep in the file: the fast path gives up there (see the test above), csv-parse reads
    // the file again and the reader goes on from the row it had reached.
    const text = `${header}\n${lines.slice(0, 2500).join('\n')}\n"after"quote,x\n"quoted ""cell""
with a line break",y\n${lines.slice(2500).join('\n')}\n`;
    expect(fastRecords(Buffer.from(text), ',', [100_000]).irregular).toBe(true);
    const path = join(dir, 'irregular.csv');
    writeFileSync(path, text, 'utf8');
    const rows = await rowsOf(path);
    expect(rows).toEqual(reference(text, ','));
    expect(rows.length).toBe(3003);
  });

  it('reads a GB18030 file split by `|` whose cells hold 東 before a quote to csv-parse\'s rows, every row kept', async () => {
    // A file that begins in ASCII for more than a chunk, so its encoding is decided only when the first 東 comes.
    const text = `门店|商品|数量|备注\n${Array.from({ length: 12_000 }, (_, i) => `A${i}|P${i % 9}|${i % 7}|${i % 5 === 0 ? `廣東"${i}` : `x${i}"`}`).join('\n')}\n`
      .replace('门店|商品|数量|备注', 'store|sku|qty|memo');
    const path = join(dir, 'pipe-gb18030.txt');
    writeFileSync(path, iconv.encode(text, 'gb18030'));
    const table = await openTable(path);
    const rows: string[][] = [];
    for await (const r of table.rows) rows.push(r.cells.map(String));
    expect(table.encoding).toBe('gb18030');
    expect(rows).toEqual(reference(text, '|'));
    expect(rows).toHaveLength(12_001);
  });

  // Where the system shows a process's open files (Linux): a reading stopped early must not keep the file open.
  const openOn = (path: string) => readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === path;
    } catch {
      return false;
    }
  }).length;
  const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

  it.skipIf(!existsSync('/proc/self/fd'))('closes the file when the import stops reading early or a limit refuses it', async () => {
    const path = join(dir, 'stopped.csv');
    writeFileSync(path, `${header}\n${lines.join('\n')}\n${lines.join('\n')}\n`, 'utf8');
    for (let k = 0; k < 3; k++) {
      // As the import does when it stops at the header or the date order: the first batch, then return().
      const batches = (await openTable(path)).batches[Symbol.asyncIterator]();
      expect((await batches.next()).done).toBe(false);
      await batches.return?.(undefined);
    }
    await settle();
    expect(openOn(path)).toBe(0);
    const narrow = await openTable(path, { limits: { ...DEFAULT_READ_LIMITS, maxColumns: 5 } });
    await expect((async () => {
      for await (const _ of narrow.batches) { /* refused on the first row */ }
    })()).rejects.toMatchObject({ code: 'import-files.limit-columns' });
    await settle();
    expect(openOn(path)).toBe(0);
  });

  it('still refuses a quote left open at the end, naming the line csv-parse names', async () => {
    const path = join(dir, 'open-quote.csv');
    writeFileSync(path, `${header}\n${lines.slice(0, 2000).join('\n')}\nXS1,2026-03-01,"PO open\n`, 'utf8');
    await expect(rowsOf(path)).rejects.toMatchObject({ code: 'import-files.text-open-quote', place: { row: 2002 } });
  });
});
