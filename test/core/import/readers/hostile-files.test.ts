import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../../../core/errors.js';
import { importFile, type ImportOptions } from '../../../../core/import/import-file.js';
import { DEFAULT_READ_LIMITS } from '../../../../core/import/readers/read-limits.js';
import { setSettingJson } from '../../../../db/queries/settings.js';
import type { Book } from '../../../../db/connection.js';
import { bookState, sepBookAt } from '../../../helpers/sep-book.js';
import { SHEET_HEAD, SHEET_TAIL, workbookParts, writeZip } from '../../../helpers/zip-builder.js';

let book: Book;
let dir: string;
const HEADINGS = ['门店编号', '验收单号', '验收日期', '商品编码', '实收数量', '单价', '验收金额'];
const HEADER = `<row r="1">${HEADINGS.map((h, i) => `<c r="${String.fromCharCode(65 + i)}1" t="inlineStr"><is><t>${h}</t></is></c>`).join('')}</row>`;

// One book and folder for the whole file (the helpers' own are removed after each test).
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ka-settle-hostile-'));
  book = await sepBookAt(join(dir, 'book.kasettle'));
});
afterAll(() => {
  book.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Imports and expects a refusal with this code, naming the file, the book unchanged; returns the error. */
async function refused(path: string, code: string, options: Partial<ImportOptions> = {}): Promise<UserError> {
  const before = bookState(book);
  let error: unknown;
  try {
    const r = await importFile(book, path, { kind: 'receipts', actor: 'hostile', kaCode: 'RTM', ...options });
    error = r.errors[0] ? new Error(`refused by row, not as a file: ${JSON.stringify(r.errors[0])}`) : new Error('imported');
  } catch (e) {
    error = e;
  }
  expect(error, String(error)).toBeInstanceOf(UserError);
  const e = error as UserError;
  expect(e.code, e.describe('en')).toBe(code);
  expect(e.describe('en')).toContain(path);
  expect(e.describe('zh')).toContain(path);
  expect(bookState(book)).toBe(before);
  return e;
}

describe('hostile workbooks are refused while streaming, naming the file and the limit', () => {
  it('refuses an .xlsx of 4 million rows and 600 MB of sheet XML from its directory, before a row is read', async () => {
    const path = join(dir, 'three-million.xlsx');
    const row = '<row><c t="n"><v>1234567.89</v></c><c t="inlineStr"><is><t>大润发上海杨浦店示例原味饼干二百克装</t></is></c><c><v>46298</v></c></row>';
    const block = row.repeat(1000);
    writeZip(path, workbookParts({ head: SHEET_HEAD, block, times: 4200, tail: SHEET_TAIL }));
    expect(Buffer.byteLength(block) * 4200).toBeGreaterThan(600 * 1024 * 1024);
    const e = await refused(path, 'import-files.limit-uncompressed');
    expect(e.params).toEqual({ limit: DEFAULT_READ_LIMITS.maxUncompressedBytes / 1024 / 1024 });
    expect(e.describe('en')).toMatch(/import\.max_uncompressed_mb/);
  });

  it('refuses a sheet of 20 million empty rows at the first row past the limit', async () => {
    const path = join(dir, 'empty-rows.xlsx');
    writeZip(path, workbookParts({ head: SHEET_HEAD + HEADER, block: '<row/>'.repeat(10_000), times: 2_000, tail: SHEET_TAIL }));
    const e = await refused(path, 'import-files.limit-rows');
    expect(e.place.row).toBe(DEFAULT_READ_LIMITS.maxRows + 1);
  });

  it('refuses a part that expands beyond the size its directory declares, at once', async () => {
    const path = join(dir, 'lying.xlsx');
    writeZip(path, workbookParts({ head: SHEET_HEAD + HEADER, block: '<row/>'.repeat(10_000), times: 1_000, tail: SHEET_TAIL, declaredSize: 4_096 }));
    const e = await refused(path, 'import-files.zip-part-size');
    expect(e.params).toEqual({ part: 'xl/worksheets/sheet1.xml' });
  });

  it('refuses a cell of 50 million characters without holding it, and too many columns', async () => {
    const long = join(dir, 'long-cell.xlsx');
    writeZip(long, workbookParts({ head: `${SHEET_HEAD}${HEADER}<row r="2"><c r="A2" t="inlineStr"><is><t>`, block: '饼'.repeat(100_000), times: 500, tail: `</t></is></c></row>${SHEET_TAIL}` }));
    const e = await refused(long, 'import-files.limit-cell-chars');
    expect(e.place).toMatchObject({ row: 2, field: 'A2' });

    const wide = join(dir, 'wide.xlsx');
    writeZip(wide, workbookParts({ head: `${SHEET_HEAD}${HEADER}<row r="2"><c r="AMK2"><v>1</v></c></row>${SHEET_TAIL}` }));
    await refused(wide, 'import-files.limit-columns');
  });

  it('refuses text past the row, size and cell limits of the book’s settings, which can raise them', async () => {
    const rows = ['门店编号,验收单号,验收日期,商品编码,实收数量,单价,验收金额', ...Array.from({ length: 1_500 }, (_, i) => `A021,YS${i},2026-11-01,P001,1,6.40,6.40`)];
    const path = join(dir, 'many.csv');
    writeFileSync(path, rows.join('\n') + '\n');
    setSettingJson(book, 'import.max_rows', '1000', 'tester');
    const e = await refused(path, 'import-files.limit-rows');
    expect(e.place.row).toBe(1_001);
    setSettingJson(book, 'import.max_rows', '2000', 'tester');
    const r = await importFile(book, path, { kind: 'receipts', actor: 'hostile', kaCode: 'RTM', dryRun: true });
    expect(r.errors).toEqual([]);
    expect(r.created).toBe(1_500);

    setSettingJson(book, 'import.max_uncompressed_mb', '1', 'tester');
    writeFileSync(path, rows.join('\n').repeat(20));
    await refused(path, 'import-files.limit-uncompressed');
    book.db.prepare("DELETE FROM settings WHERE key LIKE 'import.%'").run();
  });
});

describe('a workbook whose parts disagree is refused, not guessed', () => {
  const cases: [string, string, string, string?][] = [
    ['cells out of order in a row', 'import-files.xlsx-cell-order', '<row r="2"><c r="B2"><v>1</v></c><c r="A2"><v>2</v></c></row>'],
    ['a cell twice in a row', 'import-files.xlsx-cell-order', '<row r="2"><c r="A2"><v>1</v></c><c r="A2"><v>2</v></c></row>'],
    ['a cell naming another row', 'import-files.xlsx-cell-other-row', '<row r="2"><c r="A3"><v>1</v></c></row>'],
    ['rows out of order', 'import-files.xlsx-row-order', '<row r="3"><c r="A3"><v>1</v></c></row><row r="2"><c r="A2"><v>1</v></c></row>'],
    ['a row twice', 'import-files.xlsx-row-order', '<row r="2"><c r="A2"><v>1</v></c></row><row r="2"><c r="B2"><v>1</v></c></row>'],
    ['a cell outside the dimension', 'import-files.xlsx-outside-dimension', '<row r="2"><c r="C2"><v>1</v></c></row>', 'A1:B2'],
    ['a row outside the dimension', 'import-files.xlsx-outside-dimension', '<row r="5"><c r="A5"><v>1</v></c></row>', 'A1:B4'],
    ['a cell before the dimension starts', 'import-files.xlsx-outside-dimension', '<row r="2"><c r="A2"><v>1</v></c></row>', 'B1:H4'],
    ['a shared string that does not exist', 'import-files.xlsx-unknown-shared-string', '<row r="2"><c r="A2" t="s"><v>7</v></c></row>'],
    ['a style that does not exist', 'import-files.xlsx-unknown-style', '<row r="2"><c r="A2" s="3"><v>1</v></c></row>'],
    ['a number that is not one', 'import-files.xlsx-bad-value', '<row r="2"><c r="A2"><v>12,5</v></c></row>'],
  ];
  it.each(cases)('refuses %s', async (_, code, rows, dimension) => {
    const path = join(dir, `${code}-${Math.random().toString(36).slice(2)}.xlsx`);
    const sst = '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>大润发</t></si></sst>';
    const head = SHEET_HEAD.replace('<sheetData>', `${dimension ? `<dimension ref="${dimension}"/>` : ''}<sheetData>`);
    writeZip(path, workbookParts({ head: `${head}${HEADER}${rows}${SHEET_TAIL}` }, sst));
    await refused(path, code);
  });

  it('refuses a shared-string table holding other than the count it declares', async () => {
    const path = join(dir, 'sst-count.xlsx');
    const sst = '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="3"><si><t>a</t></si><si><t>b</t></si></sst>';
    writeZip(path, workbookParts({ head: `${SHEET_HEAD}${HEADER}${SHEET_TAIL}` }, sst));
    const e = await refused(path, 'import-files.xlsx-shared-strings-count');
    expect(e.params).toEqual({ declared: 3, actual: 2 });
  });

  it('reads a sound sheet that names no cell references, and takes "A1" as no claim', async () => {
    const path = join(dir, 'no-refs.xlsx');
    const rows = '<row><c t="inlineStr"><is><t>A021</t></is></c><c t="inlineStr"><is><t>YS1</t></is></c></row>';
    writeZip(path, workbookParts({ head: `${SHEET_HEAD.replace('<sheetData>', '<dimension ref="A1"/><sheetData>')}${HEADER}${rows}${SHEET_TAIL}` }));
    const { openTable } = await import('../../../../core/import/read-rows.js');
    const out: unknown[] = [];
    for await (const r of (await openTable(path)).rows) out.push([r.row, r.cells]);
    expect(out).toEqual([[1, HEADINGS], [2, ['A021', 'YS1']]]);
  });
});
