import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sepBookAt } from '../helpers/sep-book.js';
import { tempDir } from '../helpers/temp-book.js';
import { renderMessage, type Message } from '../../locale/index.js';

const BIN = fileURLToPath(new URL('../../bin/ka-settle.js', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

function ka(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, KA_SETTLE_USER: 'cli-test', KA_SETTLE_LANG: 'en' } });
  return { code: r.status, out: r.stdout, err: r.stderr, all: r.stdout + r.stderr };
}

let book: string;
let dir: string;
let shared: string;
beforeAll(async () => {
  shared = mkdtempSync(join(tmpdir(), 'ka-settle-cli-hostile-'));
  const b = await sepBookAt(join(shared, 'book.kasettle'));
  book = b.path;
  b.close();
});
afterAll(() => rmSync(shared, { recursive: true, force: true }));

describe('ka-settle import of files from the issue', () => {
  it('ends a corrupted workbook with exit 1 and a message naming it, where it used to exit 13 in silence', () => {
    dir = tempDir();
    const original = readFileSync(`${FIXTURES}import/receipts-portal.xlsx`);
    const damaged = Buffer.from(original);
    // The flip that made exceljs' zip reader wait for ever (the stalled stream behind exit 13).
    const at = Math.floor((original.length * 2) / 9);
    damaged[at] = damaged[at]! ^ 0x10;
    const path = join(dir, 'corrupted.xlsx');
    writeFileSync(path, damaged);
    const r = ka('import', book, 'receipts', path, '--dry-run');
    expect(r.code, r.all).toBe(1);
    expect(r.err).toContain(path);
    expect(r.all).not.toMatch(/internal error|内部错误/);
  });

  it('refuses a date cell of 1e308 and a formula without its result by row and column, never "Invalid time value" or "[object Object]"', async () => {
    dir = tempDir();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('验收单');
    ws.addRow(['门店编号', '验收单号', '验收日期', '订单号', '商品编码', '实收数量', '单价', '验收金额']);
    ws.addRow(['A021', 'YS1101A021', 1e308, 'RT1', 'P001', 240, 6.4, 1536]);
    ws.addRow(['A021', 'YS1101A021', { formula: 'TODAY()' }, 'RT1', 'P002', 48, 7.2, 345.6]);
    ws.getColumn(3).numFmt = 'yyyy-mm-dd';
    const path = join(dir, 'dates.xlsx');
    await wb.xlsx.writeFile(path);
    const r = ka('import', book, 'receipts', path, '--ka', 'RTM', '--json');
    expect(r.code, r.all).toBe(1);
    const errors = (JSON.parse(r.out) as { files: { errors: { file: string; row: number; field: string; reason: Message }[] }[] }).files[0]!.errors;
    expect(errors.map((e) => [e.file, e.row, e.field])).toEqual([[path, 2, '验收日期 (column C)'], [path, 3, '验收日期 (column C)']]);
    // --json gives each reason as a catalog code with parameters; read here in English
    expect(renderMessage('en', errors[0]!.reason)).toMatch(/not a (calendar |valid )?date/);
    expect(errors[1]!.reason.code).toBe('import-files.formula-without-result');
    expect(r.all).not.toMatch(/Invalid time value|object Object|internal error|内部错误/);
  });

  it('refuses a delivery dated 9999-12-31 by row and field unless --allow-dates confirms it', () => {
    dir = tempDir();
    const path = join(dir, 'far-future.csv');
    writeFileSync(path, '送货单号,送货日期,订单号,门店编号,商品编码,数量,单价,金额\nXS1,2026-11-02,RT1,A021,P001,120,6.40,768.00\nXS2,9999-12-31,RT2,A021,P001,1,6.40,6.40\n');
    const refused = ka('import', book, 'deliveries', path, '--json');
    expect(refused.code, refused.all).toBe(1);
    const [error] = (JSON.parse(refused.out) as { files: { errors: { row: number; field: string; reason: Message }[] }[] }).files[0]!.errors;
    expect(error).toMatchObject({ row: 3, field: '送货日期 (column B)' });
    expect(renderMessage('en', error!.reason)).toMatch(/9999-12-31 lies outside the book's sane range \(2025-11-01 to \d{4}-\d{2}-\d{2}\)/);
    const confirmed = ka('import', book, 'deliveries', path, '--allow-dates', '--dry-run', '--json');
    expect(confirmed.code, confirmed.all).toBe(0);
    expect((JSON.parse(confirmed.out) as { files: { created: number }[] }).files[0]!.created).toBe(2);
  });

  it('imports each file of a .zip of exports as its own, named inside the zip', () => {
    const r = ka('import', book, 'receipts', `${FIXTURES}readers/exports-bundle.zip`, '--ka', 'RTM', '--json');
    expect(r.code, r.all).toBe(0);
    const files = (JSON.parse(r.out) as { files: { file: string; created: number; committed: boolean }[] }).files;
    expect(files.map((f) => [f.file.replace(FIXTURES, ''), f.created, f.committed])).toEqual([
      ['readers/exports-bundle.zip/大润发验收-1101.csv', 1, true], ['readers/exports-bundle.zip/苏州/大润发验收-1102.xlsx', 1, true],
    ]);
  });
});
