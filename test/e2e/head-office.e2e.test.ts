/// <reference lib="dom" />
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openExistingBook } from '../../core/book/open-book.js';
import { buildPackage } from '../../core/package/build-package.js';
import { publicKeyFile } from '../../core/package/signing-key.js';
import { initHq } from '../../hq/core/hq-open.js';
import { addHqUser, signInHq } from '../../hq/core/hq-users.js';
import { approvedDemoCopy } from '../helpers/approved-demo.js';
import { openWindow, type WindowSession } from './window-session.js';

/**
 * 总部 in the real window: a head office opened from the first screen with no book, its key registered and two
 * months loaded from the window, the chain exposure read, claims approved by one controller and confirmed by
 * another, the credits files written; then the book's 结算 writes the month's package. Screens at 1366×768.
 */
let w: WindowSession;
let dir: string;
let bookPath: string;
const folder = () => join(dir, 'head-office');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ka-settle-hq-e2e-'));
  bookPath = await approvedDemoCopy(dir);
  const book = await openExistingBook(bookPath);
  try {
    writeFileSync(join(dir, 'key.json'), JSON.stringify(publicKeyFile(book, 'wang')));
    for (const m of ['2025-11', '2025-12']) writeFileSync(join(dir, `${m}.package`), JSON.stringify(buildPackage(book, m, 'wang')));
  } finally {
    book.close();
  }
  const { db } = await initHq({ folder: folder() });
  try {
    await addHqUser(db, null, { username: 'boss', role: 'admin', password: 'boss-pass-1' });
    const boss = await signInHq(db, 'boss', 'boss-pass-1');
    await addHqUser(db, boss, { username: 'chen', displayName: '陈信用', role: 'credit_controller', password: 'chen-pass-1' });
    await addHqUser(db, boss, { username: 'sun', displayName: '孙信用', role: 'credit_controller', password: 'sun-pass-1' });
    await addHqUser(db, boss, { username: 'zhou', displayName: '周经理', role: 'ka_manager', password: 'zhou-pass-1' });
  } finally {
    await db.close();
  }
  w = await openWindow();
  await w.page.setViewportSize({ width: 1366, height: 768 });
}, 300_000);
afterAll(async () => {
  await w?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function signIn(user: string) {
  const { page } = w;
  if (await page.getByTestId('hq-sign-out').isVisible()) await page.getByTestId('hq-sign-out').click();
  await page.getByTestId('hq-sign-in-user').fill(user);
  await page.getByTestId('hq-sign-in-password').fill(`${user}-pass-1`);
  await page.getByTestId('hq-sign-in').click();
  await page.getByTestId('hq-user').waitFor();
}

describe('the head office in the window', () => {
  it('opens from the first screen without a book, registers a key and loads packages', async () => {
    const { page } = w;
    await page.getByTestId('hq-db').fill(folder());
    await page.getByTestId('hq-open-button').click();
    await page.getByTestId('hq-screen').waitFor();
    expect(await page.getByTestId('hq-where').textContent()).toContain(folder());
    await signIn('chen');
    await page.getByTestId('tab-load').click();
    await page.getByTestId('hq-key-file').fill(join(dir, 'key.json'));
    await page.getByTestId('hq-register').click();
    await page.getByTestId('hq-load-said').getByText('已登记').waitFor();
    await page.getByTestId('hq-load-files').fill([join(dir, '2025-11.package'), join(dir, '2025-12.package'), join(dir, '2025-11.package')].join('\n'));
    await page.getByTestId('hq-load').click();
    await page.getByTestId('hq-load-said').getByText('早已装载').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('hq-load-said').locator('p').count()).toBe(3);
    await w.shot('hq-10-load');
  });

  it('shows every chain’s exposure across the distributors', async () => {
    const { page } = w;
    await page.getByTestId('tab-exposure').click();
    await page.getByTestId('hq-exposure-grid').locator('.ag-row').first().waitFor();
    // five chains: AG Grid draws a row once per pinned part, so rows are counted by their index, the 合计 row apart
    await expect.poll(async () => page.getByTestId('hq-exposure-grid').locator('.ag-row:not(.ag-row-pinned)').evaluateAll((rows) => new Set(rows.map((r) => r.getAttribute('row-index'))).size)).toBe(5);
    await expect.poll(async () => page.getByTestId('hq-exposure-grid').textContent()).toContain('大润发');
    await w.shot('hq-20-exposure');
  });

  it('approves claims with one controller and confirms them with another, then writes the credits files', async () => {
    const { page } = w;
    await page.getByTestId('tab-claims').click();
    const grid = page.getByTestId('hq-claims-grid');
    await grid.locator('.ag-row').first().waitFor();
    for (const i of [0, 1]) await grid.locator(`.ag-row[row-index="${i}"] .ag-selection-checkbox input`).first().check();
    await page.getByTestId('hq-claims-reason').fill('合同内费用');
    await page.getByTestId('hq-claims-approve').click();
    await page.getByTestId('hq-claims-said').getByText('批准所选').waitFor();
    await w.shot('hq-30-claims-proposed');
    // The maker cannot confirm their own proposal.
    await grid.locator('.ag-row', { hasText: '待复核' }).first().locator('.ag-selection-checkbox input').first().check();
    await page.getByTestId('hq-claims-confirm').click();
    await page.getByTestId('hq-claims-said').getByText('须由另一位信用主管复核').waitFor();
    await signIn('sun');
    await page.getByTestId('tab-claims').click();
    await grid.locator('.ag-row').first().waitFor();
    const proposed = grid.locator('.ag-row', { hasText: '待复核' });
    expect(await proposed.count()).toBe(2);
    for (let i = 0; i < 2; i++) await proposed.nth(i).locator('.ag-selection-checkbox input').first().check();
    await page.getByTestId('hq-claims-confirm').click();
    await page.getByTestId('hq-claims-said').getByText('复核确认所选').waitFor();
    await page.getByTestId('hq-credits-date').fill('2026-01-15');
    await page.getByTestId('hq-write-credits').click();
    await page.getByTestId('hq-claims-said').getByText('已写出').waitFor();
    expect(readdirSync(join(folder(), 'credits')).filter((f) => f.endsWith('.csv')).length).toBeGreaterThan(0);
    await w.shot('hq-40-credits');
  });

  it('shows the rebates, the channel watch, the marketing audit and the months not sent', async () => {
    const { page } = w;
    await page.getByTestId('tab-watch').click();
    await page.getByTestId('hq-price-gaps').waitFor();
    await w.shot('hq-50-watch');
    await page.getByTestId('tab-audit').click();
    await page.getByTestId('hq-audit-grid').locator('.ag-row').first().waitFor();
    await page.getByTestId('hq-audit-by').selectOption('product');
    // The per-product rows, not the chains' still on screen: a product code in the first row.
    await page.getByTestId('hq-audit-grid').locator('.ag-row [col-id="sku"]').filter({ hasText: /\S/ }).first().waitFor();
    expect(await page.getByTestId('hq-audit-count').textContent()).toMatch(/^共 \d+ 行/);
    await w.shot('hq-60-audit-product');
    await page.getByTestId('tab-missing').click();
    await page.getByTestId('hq-missing-to').fill('2026-01');
    await page.getByTestId('hq-missing-summary').getByText('4 个经销商').waitFor();
    await signIn('zhou');
    await page.getByTestId('tab-rebates').click();
    await page.getByTestId('hq-contract-code').fill('NC-RTM');
    await page.getByTestId('hq-contract-ka').fill('RTM');
    await page.getByTestId('hq-contract-name').fill('大润发全国联采');
    await page.getByTestId('hq-contract-tiers').fill('0:1%, 3000000:2%');
    await page.getByTestId('hq-contract-save').click();
    await page.getByTestId('hq-rebate-NC-RTM').locator('.ag-row').nth(3).waitFor();
    expect(await page.getByTestId('hq-rebate-NC-RTM').textContent()).toContain('达到返点 1.00%');
    await w.shot('hq-70-rebates');
    expect(w.problems).toEqual([]);
  });

  it('writes the settlement package of an approved month from 结算', async () => {
    const { page } = w;
    await w.api('app.openBook', { path: bookPath });
    await w.api('session.signIn', { username: 'wang', password: 'wang-pass-1' });
    // Straight to 结算 of the closed month: the screen's first month would be an open one, whose status rehearses
    // its reconciliation (slow on a loaded machine) before 2025-11's status is even asked for.
    await page.evaluate(() => { location.hash = '#/settlement?period=2025-11'; });
    await page.reload();
    await page.locator('[data-testid="period-status"][data-status="closed"]').waitFor();
    expect(await page.getByTestId('settlement-period').inputValue()).toBe('2025-11');
    await page.getByTestId('close-package').click();
    await page.getByTestId('settlement-done').getByText('结算包').waitFor();
    expect(readdirSync(join(dir, 'packages')).sort()).toEqual(['demo-2025-11-e1.package', 'demo-public-key.json']);
    await w.shot('hq-80-settlement-package');
    expect(w.problems).toEqual([]);
  });
});
