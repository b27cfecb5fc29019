import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../../core/errors.js';
import { openTable } from '../../../../core/import/read-rows.js';
import { tempDir } from '../../../helpers/temp-book.js';

const DIR = fileURLToPath(new URL('../../../fixtures/readers/', import.meta.url));
const QUIRKS = fileURLToPath(new URL('../../../fixtures/import/', import.meta.url));

async function read(path: string): Promise<unknown[][]> {
  const out: unknown[][] = [];
  for await (const r of (await openTable(path)).rows) out.push(r.cells);
  return out;
}

async function refusal(path: string): Promise<UserError> {
  try {
    await read(path);
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    expect((e as UserError).describe('en')).toContain(path);
    return e as UserError;
  }
  throw new Error(`${path} was read`);
}

describe('a file cut short is refused, never read in part', () => {
  it('refuses text whose last line stops in the middle, and reads the same text whole without a final line break', async () => {
    const dir = tempDir();
    const text = readFileSync(`${DIR}receipts.tsv`, 'utf8');
    const whole = join(dir, 'whole.tsv');
    writeFileSync(whole, text.trimEnd());
    expect((await read(whole)).length).toBe(5);
    const cut = join(dir, 'cut.tsv');
    writeFileSync(cut, text.trimEnd().slice(0, text.trimEnd().lastIndexOf('\t') - 3));
    const e = await refusal(cut);
    expect(e.code).toBe('import-files.text-cut-short');
    expect(e.place.row).toBe(5);
    expect(e.params).toEqual({ fields: 7, expected: 8 });
  });

  it('refuses a quote left open to the end of the file', async () => {
    const path = join(tempDir(), 'open-quote.csv');
    writeFileSync(path, '门店编号,备注\nA021,"早班\nA035,晚班\n');
    expect((await refusal(path)).code).toBe('import-files.text-open-quote');
  });

  it('refuses GB18030 and UTF-16 text cut inside a character', async () => {
    const dir = tempDir();
    const gb = readFileSync(`${DIR}receipts-gb18030-tab.txt`);
    const cutGb = join(dir, 'cut-gb.txt');
    // The title's first character is two bytes: keep one of them.
    writeFileSync(cutGb, gb.subarray(0, 1));
    expect((await refusal(cutGb)).code).toMatch(/^import-files\.(text-not-in-encoding|text-cut-short)$/);
    const le = readFileSync(`${DIR}receipts-utf16le-nobom.txt`);
    const cutLe = join(dir, 'cut-le.txt');
    writeFileSync(cutLe, le.subarray(0, le.length - 3));
    expect((await refusal(cutLe)).code).toMatch(/^import-files\.(text-not-in-encoding|text-cut-short)$/);
  });

  it('refuses an .xlsx, an .xls and an HTML table cut short', async () => {
    const dir = tempDir();
    for (const [name, source, code] of [
      ['cut.xlsx', `${DIR}flip-receipts.xlsx`, 'import-files.zip-no-directory'],
      ['cut.xls', `${DIR}receipts-biff8.xls`, 'import-files.xls-damaged'],
      ['cut-html.xls', `${QUIRKS}deductions-portal.xls`, 'import-files.html-cut-short'],
    ] as const) {
      const bytes = readFileSync(source);
      const path = join(dir, name);
      writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length * 0.8)));
      expect((await refusal(path)).code, name).toBe(code);
    }
  });
});

/** The records of the workbook stream, with their offsets in the file (SheetJS writes the stream in one run). */
async function biffRecords(xls: Buffer): Promise<{ type: number; at: number; size: number }[]> {
  const XLSX = await import('@e965/xlsx');
  const stream = Buffer.from(XLSX.CFB.find(XLSX.CFB.read(xls, { type: 'buffer' }), 'Workbook')!.content as Uint8Array);
  const start = xls.indexOf(stream.subarray(0, 64));
  const out: { type: number; at: number; size: number }[] = [];
  for (let p = start; p + 4 <= xls.length;) {
    const type = xls.readUInt16LE(p);
    const size = xls.readUInt16LE(p + 2);
    out.push({ type, at: p, size });
    if (type === 0x000a && out.filter((r) => r.type === 0x0809).length === 2) break;
    p += 4 + size;
  }
  return out;
}

describe('a damaged .xls is refused', () => {
  it('refuses a record whose length no longer fits, dimensions that cut off cells, a cell twice and a sheet that is not where the workbook says', async () => {
    const dir = tempDir();
    const original = readFileSync(`${DIR}receipts-biff8.xls`);
    expect((await read(`${DIR}receipts-biff8.xls`)).length).toBe(6);
    const records = await biffRecords(original);
    const damage: [string, (b: Buffer) => void][] = [
      ['a record length', (b) => b.writeUInt16LE(records[3]!.size + 7, records[3]!.at + 2)],
      ['the dimensions', (b) => { const d = records.find((r) => r.type === 0x0200)!; b.writeUInt32LE(3, d.at + 8); }],
      ['a cell row (now twice)', (b) => { const cells = records.filter((r) => r.type === 0x0203); b.writeUInt16LE(b.readUInt16LE(cells[1]!.at + 4), cells[0]!.at + 4); b.writeUInt16LE(b.readUInt16LE(cells[1]!.at + 6), cells[0]!.at + 6); }],
      ['the sheet offset', (b) => { const s = records.find((r) => r.type === 0x0085)!; b.writeUInt32LE(b.readUInt32LE(s.at + 4) + 4, s.at + 4); }],
    ];
    for (const [what, hurt] of damage) {
      const bytes = Buffer.from(original);
      hurt(bytes);
      const path = join(dir, `${what.replace(/\W+/g, '-')}.xls`);
      writeFileSync(path, bytes);
      expect((await refusal(path)).code, what).toBe('import-files.xls-damaged');
    }
  });

  it('refuses an encrypted workbook in words', async () => {
    // An encrypted .xlsx is an OLE container holding EncryptionInfo and EncryptedPackage.
    const XLSX = await import('@e965/xlsx');
    const cfb = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(cfb, '/EncryptionInfo', Buffer.alloc(64, 1));
    XLSX.CFB.utils.cfb_add(cfb, '/EncryptedPackage', Buffer.alloc(4096, 2));
    const path = join(tempDir(), 'secret.xlsx');
    writeFileSync(path, XLSX.CFB.write(cfb, { type: 'buffer' }) as Buffer);
    expect((await refusal(path)).code).toBe('import-files.file-encrypted');
  });
});
