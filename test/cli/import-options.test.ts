import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS, corpusBook } from '../helpers/corpus-book.js';
import { tempDir } from '../helpers/temp-book.js';

const BIN = fileURLToPath(new URL('../../bin/ka-settle.js', import.meta.url));
const ka = (...args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, KA_SETTLE_USER: 'cli-test', KA_SETTLE_LANG: 'zh' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

// The book outlives each test (tempDir folders are removed after every test).
const home = mkdtempSync(join(tmpdir(), 'ka-settle-cli-import-'));
const book = join(home, 'corpus.kasettle');
beforeAll(async () => {
  (await corpusBook(book)).close();
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('ka-settle import, for files as users bring them', () => {
  it('lists unknown ERP customer codes with the store proposed, and --learn-customers confirms them', () => {
    const file = join(CORPUS, 'odd', 'erp-new-customer-2026-10.csv');
    const refused = ka('import', book, 'deliveries', file);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('文件里有 1 个账套不认识的 ERP 客户编码：KH0099');
    expect(refused.out).toMatch(/KH0099 上海家乐福古北店 → 建议 CRF\/101 家乐福上海古北店（名称相似度 \d+%）/);
    expect(refused.out).toMatch(/错误：.*第 2 行.*不认识的 ERP 客户编码“KH0099”.*--learn-customers/);
    const learned = ka('import', book, 'deliveries', file, '--learn-customers');
    expect(learned.code).toBe(0);
    expect(learned.out).toContain('已记住 1 个 ERP 客户编码: KH0099=CRF/101');
    expect(learned.out).toContain('KH0099 → CRF/101 家乐福上海古北店（ERP 客户编码）');
  });

  it('asks for the order of day and month when no date tells, and takes --date-order', () => {
    const file = join(tempDir(), 'gr.csv');
    writeFileSync(file, 'Store,PO No.,GR Date,EAN,GR Qty,Unit Cost,GR Value\n11,7009001,03/10/2026,6901234502015,24,6.20,148.80\n');
    const asked = ka('import', book, 'receipts', file, '--ka', 'MET');
    expect(asked.code).toBe(1);
    expect(asked.out).toContain('既可读作日在前（2026-10-03），也可读作月在前（2026-03-10）');
    expect(ka('import', book, 'receipts', file, '--ka', 'MET', '--date-order', 'sideways').code).toBe(1);
    const told = ka('import', book, 'receipts', file, '--ka', 'MET', '--date-order', 'dmy', '--json');
    expect(told.code).toBe(0);
    const r = JSON.parse(told.out) as { files: { dateStyles: { style: string }[]; newDocuments: { key: string }[] }[] };
    expect(r.files[0]!.dateStyles[0]!.style).toBe('dmy');
    expect(r.files[0]!.newDocuments[0]!.key).toBe('MET|11-7009001-20261003');
  });
});
