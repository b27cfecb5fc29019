/// <reference lib="dom" />
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWindow, type WindowSession } from './window-session.js';

/**
 * Issue 15 point 8: one month end worked from the keyboard alone — sign in, import a deliveries and a receipts
 * file, reconcile, open a line and confirm it, reclassify a deduction, accrue, prepare. After the window opens,
 * every step is page.keyboard (Tab, arrows, Enter, Space, Escape, F6, F10, Alt+n, typing); nothing is clicked or
 * filled. The one thing no key can drive is the operating system's file dialog: the keyboard opens it (Enter on
 * 选择文件) and the test answers it with the file, as the person would in the dialog.
 */
/** the book's first month: months close in order */
const MONTH = '2025-11';
let w: WindowSession;
const taken: string[] = [];

beforeAll(async () => {
  w = await openWindow();
  // File dialogs are caught from the start: a dialog the keyboard opens before Playwright starts catching them opens
  // for real (headless: nowhere) and the next one never comes.
  w.page.on('filechooser', () => undefined);
}, 360_000);
afterAll(async () => {
  await w?.close();
});

/** the data-testid of what has the focus, or of the nearest element around it that has one */
async function focusedTestId(): Promise<string | null> {
  return w.page.evaluate(() => document.activeElement?.closest('[data-testid]')?.getAttribute('data-testid') ?? null);
}
/** whether the focus is inside what the selector names */
async function focusIn(selector: string): Promise<boolean> {
  return w.page.evaluate((s) => !!document.activeElement?.closest(s), selector);
}
const press = (key: string) => w.page.keyboard.press(key);
/** Tab (or Shift+Tab) until the focus is in the selector; fails past `max` presses (a tab order must be short). */
async function tabTo(selector: string, max = 12, back = false): Promise<number> {
  for (let n = 0; n <= max; n++) {
    if (await focusIn(selector)) return n;
    await press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${selector} not reached in ${max} ${back ? 'Shift+Tab' : 'Tab'} presses; the focus is on ${await focusedTestId()} (${await w.page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200))})`);
}
const tid = (id: string) => `[data-testid="${id}"]`;
async function shot(name: string) {
  taken.push(name);
  await w.shot(name);
}

describe('a month end from the keyboard alone', () => {
  it('opens the demo book with Enter (the chooser puts the focus on 示例账套)', async () => {
    await w.page.getByTestId('open-demo').waitFor();
    await expect.poll(() => focusedTestId()).toBe('open-demo');
    await press('Enter');
    await w.page.getByTestId('tile-period').waitFor({ timeout: 300_000 });
    // The book's users (how they are made in the window is the month-end e2e's subject): its admin, and the
    // accountant who works the month here.
    await w.api('users.add', { username: 'admin', role: 'admin', password: 'admin-password' });
    await w.api('session.signIn', { username: 'admin', password: 'admin-password' });
    await w.api('users.add', { username: 'wang', displayName: '王会计', role: 'accountant', password: 'wang-password' });
    await w.api('session.signOut', {});
    // Users made behind the window's back: it is opened again on the book as it now is (the only reload).
    await w.page.reload();
    await w.page.getByTestId('read-only-banner').waitFor();
  }, 360_000);

  it('signs in from the menu bar: F10, arrows to 登录, the dialog, Enter', async () => {
    const { page } = w;
    await press('F10');
    expect(await focusedTestId()).toBe('menu-file');
    await press('ArrowRight');
    expect(await focusedTestId()).toBe('menu-help');
    await press('ArrowRight');
    expect(await focusedTestId()).toBe('sign-in');
    await press('Enter');
    await page.getByTestId('sign-in-dialog').waitFor();
    expect(await focusedTestId()).toBe('sign-in-user');
    await page.keyboard.type('wang');
    await press('Tab');
    await page.keyboard.type('wang-password');
    await press('Enter');
    await page.getByTestId('signed-in-user').getByText('王会计').waitFor();
    await expect.poll(async () => (await w.api('app.state', {})).user?.username).toBe('wang');
  });

  it('imports a deliveries file and a receipts file', async () => {
    const { page } = w;
    const deliveries = join(w.home, `送货-${MONTH}.csv`);
    const receipts = join(w.home, `验收-${MONTH}.csv`);
    // One delivery of two lines; the store received 100 of the 120 of P001 (short) and all of P002.
    writeFileSync(deliveries, '\ufeff送货单号,送货日期,订单号,门店编号,商品编码,数量,单价,金额\n'
      + 'XSKB001,2025-11-27,POKB001,A010,P001,120,5.22,626.40\nXSKB001,2025-11-27,POKB001,A010,P002,24,9.07,217.68\n');
    writeFileSync(receipts, '\ufeff验收单号,验收日期,订单号,门店编号,商品编码,验收数量,单价,金额\n'
      + 'YSKB001,2025-11-28,POKB001,A010,P001,100,5.22,522.00\nYSKB001,2025-11-28,POKB001,A010,P002,24,9.07,217.68\n');
    await press('Alt+3');
    await page.getByRole('heading', { name: '导入', exact: true }).waitFor();
    for (const [kind, file, docNo] of [['deliveries', deliveries, 'XSKB001'], ['receipts', receipts, 'YSKB001']] as const) {
      // the screen has the focus after Alt+3, the kind after 再导入一个文件
      await tabTo(tid('import-kind'), 2);
      // deliveries is the first kind, receipts the second (a closed select moves with the arrow keys)
      await press(kind === 'deliveries' ? 'Home' : 'ArrowDown');
      await expect.poll(() => page.getByTestId('import-kind').inputValue()).toBe(kind);
      await tabTo('[data-testid=drop-zone] button', 4);
      // Enter on 选择文件 opens the system's file dialog; the file is chosen in it (no key of the page can).
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), press('Enter')]);
      await chooser.setFiles(file);
      await page.getByTestId('import-summary').waitFor({ timeout: 30_000 });
      // a preview with nothing to answer puts the focus on 导入
      await expect.poll(() => focusedTestId()).toBe('import-commit');
      await press('Enter');
      await page.getByTestId('import-result').waitFor({ timeout: 30_000 });
      await expect.poll(async () => (await w.api('book.documents', { kind: kind === 'deliveries' ? 'delivery' : 'receipt', period: MONTH, docNo })).rows
        .map((r: { doc_no: string; total_fen: number }) => [r.doc_no, r.total_fen])).toEqual([[docNo, kind === 'deliveries' ? 62640 + 21768 : 52200 + 21768]]);
      if (kind === 'deliveries') await shot('40-keyboard-import-done');
      // the result puts the focus on 去对账; 再导入一个文件 is the next Tab
      await expect.poll(() => focusedTestId()).toBe('to-reconcile');
      await press('Tab');
      await press('Enter');
    }
  });
});
