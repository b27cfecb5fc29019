/// <reference lib="dom" />
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatFen } from '../../core/money/format.js';
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
/** the file's short line, confirmed in the workbench: it no longer blocks the close */
let confirmedLine = -1;

beforeAll(async () => {
  w = await openWindow();
  // File dialogs are caught from the start: a dialog the keyboard opens before Playwright starts catching them opens
  // for real (headless: nowhere) and the next one never comes.
  w.page.on('filechooser', () => undefined);
}, 360_000);
// what the window showed when a step failed, beside the other screenshots
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await w?.shot(`49-keyboard-failed-${ctx.task.name.slice(0, 20).replace(/\W+/g, '-')}`).catch(() => undefined);
});
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
/** a verdict waited for (never read once after an action): the machine is shared, so up to 30 s */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 30_000 });
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
const shot = (name: string) => w.shot(name);

describe('a month end from the keyboard alone', () => {
  it('opens the demo book with Enter (the chooser puts the focus on 打开演示账套)', async () => {
    await w.page.getByTestId('open-demo').waitFor();
    await poll(() => focusedTestId()).toBe('open-demo');
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
    await poll(async () => (await w.api('app.state', {})).user?.username).toBe('wang');
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
      await poll(() => page.getByTestId('import-kind').inputValue()).toBe(kind);
      await tabTo('[data-testid=drop-zone] button', 4);
      // Enter on 选择文件 opens the system's file dialog; the file is chosen in it (no key of the page can).
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), press('Enter')]);
      await chooser.setFiles(file);
      await page.getByTestId('import-summary').waitFor({ timeout: 30_000 });
      // a preview with nothing to answer puts the focus on 导入
      await poll(() => focusedTestId()).toBe('import-commit');
      await press('Enter');
      await page.getByTestId('import-result').waitFor({ timeout: 30_000 });
      await poll(async () => (await w.api('book.documents', { kind: kind === 'deliveries' ? 'delivery' : 'receipt', period: MONTH, docNo })).rows
        .map((r: { doc_no: string; total_fen: number }) => [r.doc_no, r.total_fen])).toEqual([[docNo, kind === 'deliveries' ? 62640 + 21768 : 52200 + 21768]]);
      if (kind === 'deliveries') await shot('40-keyboard-import-done');
      // the result puts the focus on 去对账; 再导入一个文件 is the next Tab
      await poll(() => focusedTestId()).toBe('to-reconcile');
      if (kind === 'deliveries') await press('Tab');
      // after the receipts, Enter on 去对账 goes on to the workbench
      await press('Enter');
    }
    await page.getByTestId('reconcile-grid').waitFor();
  });

  it('reconciles the month, opens the short line with Enter, confirms it, and F6 and Escape move the focus', async () => {
    const { page } = w;
    // The filter: the book's first month, the store and product of the file; Enter in a field applies it.
    await tabTo(tid('filter-from'), 6);
    await press('Home');
    await press('Tab');
    await press('Home');
    await tabTo(tid('filter-store'), 4);
    await page.keyboard.type('A010');
    await press('Tab');
    await page.keyboard.type('P001');
    await press('Enter');
    await poll(() => page.getByTestId('filter-from').inputValue()).toBe(MONTH);
    expect(await page.getByTestId('filter-to').inputValue()).toBe(MONTH);
    // 运行对账 is the screen's first control
    await tabTo(tid('run-reconcile'), 3);
    await press('Enter');
    await page.getByTestId('workbench-message').waitFor({ timeout: 60_000 });
    const query = { from: MONTH, to: MONTH, store: 'A010', sku: 'P001', limit: 200 };
    const lineOf = async () => ((await w.api('reconcile.lines', query)).rows as { delivery_no: string; line_id: number; status: string; decision: string | null }[])
      .find((r) => r.delivery_no === 'XSKB001');
    // the file's 120 delivered, 100 received: short
    await poll(async () => (await lineOf())?.status).toBe('short');
    const { line_id: lineId } = (await lineOf())!;
    confirmedLine = lineId;
    const row = page.getByTestId('reconcile-grid').locator(`.ag-row[row-id="${lineId}"]`).first();
    await row.waitFor();
    const index = Number(await row.getAttribute('row-index'));
    // After 对账 the focus is on the first line of the results; the arrows go down to the file's line.
    await poll(() => page.evaluate(() => document.activeElement?.closest('[data-testid=reconcile-grid] .ag-row')?.getAttribute('row-index') ?? null)).toBe('0');
    for (let i = 0; i < index; i++) await press('ArrowDown');
    await poll(() => page.evaluate(() => document.activeElement?.closest('.ag-row')?.getAttribute('row-id'))).toBe(String(lineId));
    await press('Enter');
    await page.getByTestId('line-detail').getByText('XSKB001').first().waitFor();
    // Opening a line puts the focus on its note; F6 goes back to the row and F6 again to the note.
    await poll(() => focusedTestId()).toBe('decision-note');
    await press('F6');
    expect(await page.evaluate(() => document.activeElement?.closest('.ag-row')?.getAttribute('row-id'))).toBe(String(lineId));
    await press('F6');
    expect(await focusedTestId()).toBe('decision-note');
    await page.keyboard.type('门店少收 20 件，已电话核实');
    await press('Tab');
    expect(await focusedTestId()).toBe('detail-confirm');
    await shot('41-keyboard-line-detail');
    await press('Enter');
    await poll(async () => (await w.api('reconcile.line', { lineId })).line.decision).toBe('confirmed');
    expect((await w.api('reconcile.line', { lineId })).line.note).toBe('门店少收 20 件，已电话核实');
    // Escape closes the detail and gives the focus back to the grid.
    await press('Escape');
    await page.getByTestId('line-detail').waitFor({ state: 'detached' });
    expect(await focusIn('[data-testid=reconcile-grid]')).toBe(true);
  });

  it('reclassifies a deduction in 费用: the month, the grid, Enter, the fee type, 重新分类', async () => {
    const { page } = w;
    await press('Alt+5');
    await page.getByRole('heading', { name: '费用', exact: true }).waitFor();
    await tabTo(tid('fees-period'), 3);
    await press('Home');
    await poll(() => page.getByTestId('fees-period').inputValue()).toBe(MONTH);
    // 只看有争议 with Space: the disputed lines (the others of the month are already claimed from the manufacturer)
    await tabTo(tid('disputed-only'), 3);
    await press('Space');
    await poll(() => page.getByTestId('disputed-only').isChecked()).toBe(true);
    const deductions = (await w.api('fees.deductions', { period: MONTH, disputedOnly: true, limit: 1000 })).rows as { line_id: number; fee_type: string | null; doc_no: string }[];
    expect(deductions.length).toBeGreaterThan(0);
    await page.getByText(`${deductions.length} 条`).waitFor();
    // into the grid, then to its first row
    await tabTo('[data-testid=deductions-grid]', 4);
    if (await focusIn('[data-testid=deductions-grid] .ag-header')) await press('ArrowDown');
    const rowId = await page.evaluate(() => document.activeElement?.closest('.ag-row')?.getAttribute('row-id') ?? null);
    const line = deductions.find((d) => String(d.line_id) === rowId)!;
    expect(line).toBeDefined();
    await press('Enter');
    await page.getByTestId('reclassify-panel').getByText(line.doc_no).first().waitFor();
    // the panel opens with the focus on its fee type; nothing is chosen for the user
    await poll(() => focusedTestId()).toBe('reclassify-type');
    expect(await page.getByTestId('reclassify-type').inputValue()).toBe('');
    // a fee type other than the line's: the closed select steps through the types with ArrowDown
    const types = await page.getByTestId('reclassify-type').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    const target = types.find((v) => v !== '' && v !== line.fee_type)!;
    for (let i = 0; i < types.indexOf(target); i++) await press('ArrowDown');
    await poll(() => page.getByTestId('reclassify-type').inputValue()).toBe(target);
    await press('Tab');
    expect(await focusedTestId()).toBe('reclassify-remember');
    await press('Tab');
    expect(await focusedTestId()).toBe('reclassify-save');
    await press('Enter');
    await page.getByTestId('fees-message').waitFor();
    await poll(async () => ((await w.api('fees.deductions', { period: MONTH, limit: 1000 })).rows as typeof deductions)
      .find((d) => d.line_id === line.line_id)?.fee_type).toBe(target);
    await shot('42-keyboard-reclassify');
    await press('Escape');
    await page.getByTestId('reclassify-panel').waitFor({ state: 'detached' });
    expect(await focusIn('[data-testid=deductions-grid]')).toBe(true);
  });

  it('accrues the month’s contract terms in 返利与补贴', async () => {
    const { page } = w;
    expect((await w.api('terms.accruals', { period: MONTH })).rows).toEqual([]);
    await press('Alt+6');
    await page.getByRole('heading', { name: '返利与补贴', exact: true }).waitFor();
    await tabTo(tid('terms-period'), 3);
    await press('Home');
    await poll(() => page.getByTestId('terms-period').inputValue()).toBe(MONTH);
    await press('Tab');
    expect(await focusedTestId()).toBe('accrue');
    await press('Enter');
    await page.getByTestId('accrue-result').waitFor({ timeout: 60_000 });
    // the month's rebates, delivery-cost subsidies and price protection posted, and shown in the accruals grid
    await poll(async () => (await w.api('terms.accruals', { period: MONTH })).rows.length).toBeGreaterThan(0);
    const accruals = (await w.api('terms.accruals', { period: MONTH })).rows as { doc_no: string; total_fen: number }[];
    await page.getByTestId('accruals-grid').getByText(accruals[0]!.doc_no).first().waitFor();
    // the grid's 合计 is the sum of what was posted, and the focus is back on 计提 (disabled while it ran)
    const total = accruals.reduce((sum, a) => sum + a.total_fen, 0);
    await page.getByTestId('accruals-grid').locator('.row-total').getByText(`¥${formatFen(total)}`).waitFor();
    await poll(() => focusedTestId()).toBe('accrue');
    await shot('43-keyboard-accrued');
  });

  it('prepares the month in 结算: the month, 全部接受 with a reason where something blocks it, 准备', async () => {
    const { page } = w;
    await press('Alt+8');
    await page.getByRole('heading', { name: '结算', exact: true }).waitFor();
    await tabTo(tid('settlement-period'), 3);
    await press('Home');
    await poll(() => page.getByTestId('settlement-period').inputValue()).toBe(MONTH);
    await page.locator('[data-testid=period-status][data-status=open]').waitFor();
    // The demo's month has short and unreceived lines nobody decided (the file's line was confirmed above): they
    // block the month until accepted with a reason. Type it, then 全部接受.
    const blocking = (await w.api('close.status', { period: MONTH })).exceptions as { lineId: number | null }[];
    expect(blocking.length).toBeGreaterThan(0);
    expect(blocking.map((e) => e.lineId)).not.toContain(confirmedLine);
    await page.getByTestId('close-exceptions').waitFor();
    await tabTo(tid('close-reason'), 4);
    await page.keyboard.type('已与门店、厂家逐笔核对');
    await press('Tab');
    expect(await focusedTestId()).toBe('close-accept');
    await press('Enter');
    await poll(async () => (await w.api('close.status', { period: MONTH })).exceptions.length).toBe(0);
    // 全部接受 is done (and disabled): the focus goes on to 准备
    await poll(() => focusedTestId()).toBe('close-prepare');
    await press('Enter');
    await poll(async () => (await w.api('close.status', { period: MONTH })).status).toBe('prepared');
    await page.locator('[data-testid=period-status][data-status=prepared]').waitFor({ timeout: 60_000 });
    // prepared by the accountant who signed in at the keyboard
    const signOffs = (await w.api('audit.list', { action: 'prepare', limit: 10 })).rows as { actor: string; entity_key: string }[];
    expect(signOffs.map((r) => [r.actor, r.entity_key])).toEqual([['wang', MONTH]]);
    // the next step that can be taken has the focus
    await poll(() => focusedTestId()).toBe('close-review');
    await shot('44-keyboard-prepared');
  });

  it('opens 帮助 › 快捷键 from the menu bar, and Escape closes the dialog with the focus back in the screen', async () => {
    const { page } = w;
    await press('F10');
    await press('ArrowRight');
    expect(await focusedTestId()).toBe('menu-help');
    // ArrowDown opens the menu on its first command
    await press('ArrowDown');
    await poll(() => page.evaluate(() => document.activeElement?.getAttribute('role') === 'menuitem' ? document.activeElement.textContent : null)).toBe('快捷键');
    await press('Enter');
    const dialog = page.getByRole('dialog', { name: '快捷键' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('F6 在表格与明细之间切换');
    await shot('45-keyboard-shortcuts');
    await press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // the menu command that opened it is gone: the focus is in the screen, and Tab goes on from its top
    await poll(() => focusIn('main')).toBe(true);
    await tabTo(tid('settlement-period'), 2);
    // What the window itself got wrong (refused arguments, internal errors, page errors): nothing.
    expect(w.problems).toEqual([]);
  });
});
