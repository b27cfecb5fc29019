import iconv from 'iconv-lite';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../core/import/import-file.js';
import { openTable } from '../../../core/import/read-rows.js';
import { sniffFile } from '../../../core/import/sniff-file.js';
import { importOk, sepBook } from '../../helpers/sep-book.js';
import { tempDir } from '../../helpers/temp-book.js';

async function cellsOf(path: string): Promise<string[][]> {
  const out: string[][] = [];
  for await (const r of (await openTable(path)).rows) out.push(r.cells.map(String));
  return out;
}

describe('text encodings', () => {
  it('detects UTF-8 with and without BOM, UTF-16 LE and BE with BOM, and GB18030', () => {
    const dir = tempDir();
    const text = '门店编号,金额\nA021,768.00\n';
    const cases: [string, Buffer, string][] = [
      ['utf8.csv', Buffer.from(text, 'utf8'), 'utf8'],
      ['bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]), 'utf8'],
      ['le.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'utf16le'],
      ['be.csv', iconv.encode(text, 'utf16-be', { addBOM: true }), 'utf16be'],
      ['gb.csv', iconv.encode(text, 'gb18030'), 'gb18030'],
    ];
    for (const [name, bytes, encoding] of cases) {
      writeFileSync(join(dir, name), bytes);
      expect(sniffFile(join(dir, name)).encoding, name).toBe(encoding);
    }
  });

  it('round-trips every character GB18030 can hold, including those GBK cannot', async () => {
    const dir = tempDir();
    // 4-byte GB18030 characters (CJK Extension B, euro sign, emoji) that a GBK decoder would mangle.
    const rare = ['𠀀', '€', '镕', '㐀', '䶵', '😀', 'ǹ', '﹏'];
    const rows = [['商品名称', '备注'], ...rare.map((c) => [`示例${c}饼干`, c])];
    const path = join(dir, 'rare.csv');
    writeFileSync(path, iconv.encode(rows.map((r) => r.join(',')).join('\n'), 'gb18030'));
    expect(await cellsOf(path)).toEqual(rows);
    expect(iconv.decode(iconv.encode(rare.join(''), 'gb18030'), 'gbk')).not.toBe(rare.join(''));
  });

  it('round-trips arbitrary Chinese text through GB18030 files', async () => {
    const dir = tempDir();
    let n = 0;
    await fc.assert(fc.asyncProperty(fc.array(fc.string({ unit: fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 6 }), async (words) => {
      const path = join(dir, `p${n++}.csv`);
      writeFileSync(path, iconv.encode(words.join(',') + '\n', 'gb18030'));
      expect(await cellsOf(path)).toEqual([words]);
    }), { numRuns: 40 });
  });

  it('imports a GB18030 store file whose names hold rare characters, exactly', async () => {
    const book = await sepBook();
    const path = join(tempDir(), 'stores.csv');
    writeFileSync(path, iconv.encode('门店编号,门店名称,所属系统,区域\nA099,大润发𠀀镕城店,RTM,华东\n', 'gb18030'));
    await importOk(book, 'stores', path);
    expect(book.db.prepare("SELECT name FROM stores WHERE store_code = 'A099'").get()).toEqual({ name: '大润发𠀀镕城店' });
  });

  it('decides UTF-8 or GB18030 on whole characters when the first one not in ASCII comes at the end of a read', async () => {
    // The reader reads 256 KiB at a time; a file whose first 256 KiB are ASCII is decided at its first other byte.
    // 中 is D6 D0 in GB18030, and D6 also starts a UTF-8 character: cut after D6, the file was taken for UTF-8 and
    // then refused. The same file in UTF-8, its 中 (E4 B8 AD) cut the same way, stays UTF-8.
    const dir = tempDir();
    const CHUNK = 256 * 1024;
    for (const [encoding, cut] of [['gb18030', 1], ['gb18030', 0], ['utf8', 1], ['utf8', 2]] as const) {
      let ascii = 'store,sku,qty\n';
      for (let i = 0; ascii.length < CHUNK - 40; i++) ascii += `A${i},P${i % 9},${i % 7}\n`;
      // Padded so the first byte of 中 falls `cut` bytes before the end of the first read.
      const ones = '1'.repeat(CHUNK - cut - ascii.length - 'B,P1,'.length - ',x'.length);
      const text = `${ascii}B,P1,${ones},x中文,P2,2\nC,P3,3,末\n`;
      const bytes = encoding === 'utf8' ? Buffer.from(text, 'utf8') : iconv.encode(text, 'gb18030');
      expect(bytes.subarray(0, CHUNK).findIndex((b) => b >= 0x80), `${encoding} ${cut}`).toBe(cut === 0 ? -1 : CHUNK - cut);
      const path = join(dir, `${encoding}-${cut}.csv`);
      writeFileSync(path, bytes);
      const table = await openTable(path);
      const rows: string[][] = [];
      for await (const r of table.rows) rows.push(r.cells.map(String));
      expect(table.encoding, `${encoding} ${cut}`).toBe(encoding);
      expect(rows.slice(-2), `${encoding} ${cut}`).toEqual([['B', 'P1', ones, 'x中文', 'P2', '2'], ['C', 'P3', '3', '末']]);
    }
  });

  it('refuses binary content that is neither a spreadsheet nor text', async () => {
    const book = await sepBook();
    const path = join(tempDir(), 'photo.csv');
    writeFileSync(path, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)));
    await expect(importFile(book, path, { kind: 'receipts', actor: 't' })).rejects.toThrow(/not a spreadsheet or a text file/);
  });
});
