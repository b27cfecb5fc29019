/// <reference lib="dom" />
import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { ARTIFACTS, E2E_FIXTURES, openWindow, type WindowSession } from './window-session.js';
import { formatFen } from '../../core/money/format.js';

const CORRECTIONS = fileURLToPath(new URL('../fixtures/corrections/', import.meta.url));

/**
 * Issue 8's path through the real window: open the demo book from the chooser, import through the wizard (a file
 * with bad rows first, then good deliveries and receipts, with a changed and saved mapping), reconcile, filter
 * the grid, open a line's both sides, confirm it, export the view to .xlsx and read it back, switch to English.
 * Screenshots go to test/artifacts/e2e/.
 */
let w: WindowSession;
beforeAll(async () => {
  w = await openWindow();
}, 360_000);
afterAll(async () => {
  await w?.close();
});

let unmatchedBefore = -1;

describe('the window, end to end in Chromium', () => {
  it('opens the demo book from the chooser and shows the month at a glance', async () => {
    const { page } = w;
    await page.getByTestId('open-demo').waitFor();
    expect(await page.locator('h1').textContent()).toBe('选择账套');
    await w.shot('01-book-chooser');
    await page.getByTestId('open-demo').click();
    // The demo is built as the command builds it: every month reconciled, so the figures are known at once.
    await page.getByTestId('tile-period').waitFor({ timeout: 300_000 });
    expect(await page.getByTestId('home-period').inputValue()).toBe('2026-10');
    const status = await w.api('home.status', { period: '2026-10', asOf: '2026-10-31' });
    unmatchedBefore = status.unmatchedDeliveryLines;
    expect(Number((await page.getByTestId('tile-unmatched').textContent())!.replace(/\D/g, ''))).toBe(unmatchedBefore);
    const ageing = await w.api('ageing.report', { asOf: '2026-10-31', by: 'ka' });
    expect(await page.getByTestId('tile-balance').textContent()).toContain(`¥${formatFen(ageing.totals.total)}`);
    expect(await page.getByTestId('tile-overdue').textContent()).toContain(`¥${formatFen(ageing.figures.overdue)}`);
    // The demo book has no users: the window says it is unprotected and offers to add the first user.
    expect(await page.getByTestId('unprotected-banner').textContent()).toContain('此账套未受保护');
    await page.getByTestId('add-first-user').waitFor();
    await w.shot('02-home');
  }, 360_000);

  it('shows every bad row with its reason before anything is written', async () => {
    const { page } = w;
    const before = await w.api('book.summary', {});
    await page.getByTestId('area-import').click();
    await page.getByTestId('import-kind').selectOption('deliveries');
    await page.getByTestId('import-ka').selectOption('RTM');
    await page.getByTestId('file-input').setInputFiles(join(E2E_FIXTURES, 'rtm-deliveries-bad-rows.csv'));
    const errors = page.getByTestId('import-errors');
    await errors.waitFor();
    const text = (await errors.textContent()) ?? '';
    expect(text).toContain('2 行有错误');
    expect(text).toContain('Z999');
    expect(text).toContain('12x.00');
    expect(await errors.locator('tbody tr').count()).toBe(2);
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);
    await w.shot('03-import-bad-rows');
    expect(await w.api('book.summary', {})).toEqual(before);
  });

  it('asks to confirm a date outside the book’s window, and previews it again once confirmed', async () => {
    const { page } = w;
    const path = join(ARTIFACTS, 'far-future-deliveries.csv');
    writeFileSync(path, '送货单号,送货日期,订单号,门店编号,商品编码,数量,单价,金额\nXSE2E901,9999-12-31,POE2E901,A010,P001,120,5.22,626.40\n');
    await page.getByTestId('file-input').setInputFiles(path);
    const errors = page.getByTestId('import-errors');
    await errors.waitFor();
    expect(await errors.textContent()).toContain('9999-12-31');
    await page.getByTestId('allow-dates').check();
    await w.shot('03b-import-confirm-dates');
    await page.getByTestId('re-preview').click();
    await page.getByTestId('import-summary').waitFor();
    expect(await page.getByTestId('import-summary').textContent()).toContain('将新增 1 张单据（1 行）');
  });

  it('previews the header under a title row, takes a changed mapping, saves it, and imports', async () => {
    const { page } = w;
    await page.getByTestId('file-input').setInputFiles(join(E2E_FIXTURES, 'rtm-deliveries.csv'));
    await page.getByTestId('import-preview').waitFor();
    expect(await page.getByTestId('header-row').textContent()).toContain('第 2 行');
    expect(await page.getByTestId('import-summary').textContent()).toContain('将新增 2 张单据（3 行）');
    expect(await page.getByTestId('map-I').inputValue()).toBe('memo');
    await page.getByTestId('map-I').selectOption('');
    await page.getByTestId('re-preview').click();
    await page.getByTestId('re-preview').waitFor({ state: 'detached' });
    expect(await page.getByTestId('map-I').inputValue()).toBe('');
    expect(await page.getByTestId('sample-grid').locator('.ag-row').count()).toBe(3);
    await page.getByTestId('save-mapping').check();
    await page.getByTestId('mapping-name').fill('RTM 送货');
    await w.shot('04-import-preview');
    await page.getByTestId('import-commit').click();
    const result = page.getByTestId('import-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('新增 2 张单据，3 行');
    expect(await page.getByTestId('new-documents').locator('tbody tr').count()).toBe(2);
    await w.shot('05-import-done');
    const saved = await w.api('import.mappings', { kind: 'deliveries', ka: 'RTM' });
    expect(saved.mappings[0]).toMatchObject({ name: 'RTM 送货', ka: 'RTM' });
    expect(Object.values(saved.mappings[0].mapping)).not.toContain('memo');

    // The receipts: one line received short, the second delivery not at all.
    await page.getByText('再导入一个文件').click();
    await page.getByTestId('import-kind').selectOption('receipts');
    await page.getByTestId('import-ka').selectOption('RTM');
    await page.getByTestId('file-input').setInputFiles(join(E2E_FIXTURES, 'rtm-receipts.csv'));
    await page.getByTestId('import-summary').waitFor();
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-result').waitFor();
    expect(await page.getByTestId('import-result').textContent()).toContain('新增 1 张单据，2 行');
  });

  it('reconciles the month, filters the grid, shows both sides of a line and confirms it from the grid', async () => {
    const { page } = w;
    await page.getByTestId('to-reconcile').click();
    await page.getByTestId('reconcile-grid').waitFor();
    await page.getByTestId('run-reconcile').click();
    await page.getByTestId('workbench-message').waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('workbench-message').textContent()).toMatch(/2026-10 对账完成：已匹配 \d+/);
    // 首页 follows the write without F5: its count of unmatched lines is the book's new one.
    const unmatchedAfter = (await w.api('home.status', { period: '2026-10', asOf: '2026-10-31' })).unmatchedDeliveryLines;
    expect(unmatchedAfter).not.toBe(unmatchedBefore);
    await page.getByTestId('area-home').click();
    await page.getByTestId('tile-unmatched').getByText(unmatchedAfter.toLocaleString('zh-CN')).waitFor();
    await page.getByTestId('area-reconcile').click();
    await page.getByTestId('reconcile-grid').waitFor();
    await page.locator('.ag-row[row-id]').first().waitFor();
    const all = Number((await page.getByTestId('line-count').textContent())!.replace(/\D/g, ''));
    expect(all).toBeGreaterThan(1000);

    await page.getByTestId('filter-store').fill('A010');
    await page.getByTestId('filter-status').selectOption('short');
    await page.getByTestId('filter-date-from').fill('2026-10-20');
    await page.getByTestId('filter-apply').click();
    const view = { from: '2026-10', to: '2026-10', store: 'A010', status: 'short', dateFrom: '2026-10-20' };
    const shortLines = await w.api('reconcile.lines', { ...view, withTotal: true, limit: 500 });
    const ours = shortLines.rows.find((r: { delivery_no: string; sku: string }) => r.delivery_no === 'XSE2E001' && r.sku === 'P001');
    expect(ours).toMatchObject({ status: 'short', delivered_qty: 120_000, received_qty: 100_000 });
    // AG Grid draws a row in its pinned and centre parts; the status cell is in the centre part only.
    const row = page.locator(`.ag-row[row-id="${ours.line_id}"] [col-id=status]`);
    await row.waitFor();
    await page.getByTestId('line-count').getByText(`${shortLines.total.toLocaleString('zh-CN')} 行`).waitFor();
    // the 合计 row pinned under the grid has no status: only the lines' rows
    const statuses = await page.locator('.ag-row:not(.ag-row-pinned) [col-id=status]').allTextContents();
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set(['短收']));

    await row.click();
    const detail = page.getByTestId('line-detail');
    await detail.waitFor();
    await detail.getByText('YSE2E001').first().waitFor();
    expect(await detail.textContent()).toContain('XSE2E001');
    await w.shot('06-workbench-detail');

    await page.getByTestId(`confirm-${ours.line_id}`).click();
    await page.locator(`.ag-row[row-id="${ours.line_id}"] [col-id=decision]`).getByText('已确认').waitFor();
    const after = await w.api('reconcile.line', { lineId: ours.line_id });
    expect(after.line.decision).toBe('confirmed');

    // The delivery with no receipt at all.
    const missing = await w.api('reconcile.lines', { from: '2026-10', to: '2026-10', store: 'A011', sku: 'P003', status: 'receipt_missing', limit: 100 });
    expect(missing.rows.map((r: { delivery_no: string }) => r.delivery_no)).toContain('XSE2E002');
  });

  it('exports the filtered view to .xlsx with the same lines and figures', async () => {
    const { page } = w;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
    const file = join(ARTIFACTS, 'workbench-export.xlsx');
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0]!;
    const view = await w.api('reconcile.lines', { from: '2026-10', to: '2026-10', store: 'A010', status: 'short', dateFrom: '2026-10-20', withTotal: true, limit: 500 });
    expect(ws.rowCount).toBe(view.total + 1);
    const headings = (ws.getRow(1).values as string[]).slice(1);
    const at = (h: string) => headings.findIndex((x) => x.startsWith(h)) + 1;
    const line = view.rows.find((r: { delivery_no: string; sku: string }) => r.delivery_no === 'XSE2E001' && r.sku === 'P001');
    const xlsxRow = ws.getRows(2, view.total)!.find((r) => r.getCell(at('送货单号')).value === 'XSE2E001' && r.getCell(at('商品编码')).value === 'P001')!;
    expect(Math.round((xlsxRow.getCell(at('送货金额')).value as number) * 100)).toBe(line.line_delivered_fen);
    expect(Math.round((xlsxRow.getCell(at('验收金额')).value as number) * 100)).toBe(line.line_received_fen);
    expect(xlsxRow.getCell(at('处理')).value).toBe('已确认');
    expect(String(xlsxRow.getCell(at('原因')).value)).toMatch(/验收 100，送货 120/);
    expect(await page.getByTestId('workbench-message').textContent()).toContain(`已导出 ${view.total} 行`);
  });

  it('overrides and annotates from the line detail, and asks for the note first', async () => {
    const { page } = w;
    const missing = await w.api('reconcile.lines', { from: '2026-10', to: '2026-10', store: 'A011', sku: 'P003', status: 'receipt_missing', limit: 100 });
    const line = missing.rows.find((r: { delivery_no: string }) => r.delivery_no === 'XSE2E002');
    await page.goto(`${w.bridge.url}/#/reconcile?from=2026-10&to=2026-10&store=A011&sku=P003&status=receipt_missing`);
    const status = page.locator(`.ag-row[row-id="${line.line_id}"] [col-id=status]`);
    await status.click();
    const detail = page.getByTestId('line-detail');
    await detail.getByText('没有对应的验收行。').waitFor();
    await page.getByTestId('detail-annotate').click();
    expect(await detail.getByTestId('error-notice').textContent()).toContain('改判和备注需要填写说明');
    await page.getByTestId('decision-note').fill('门店说 10-30 补验收');
    await page.getByTestId('detail-annotate').click();
    await detail.getByText('已保存').waitFor();
    await page.getByTestId('override-to').selectOption('matched');
    await page.getByTestId('detail-override').click();
    // Now matched, the line leaves this view (filtered on 未验收); the detail shows the decision.
    await detail.getByText('已改判').waitFor();
    await status.waitFor({ state: 'detached' });
    expect((await w.api('reconcile.line', { lineId: line.line_id })).line).toMatchObject({ status: 'matched', found_status: 'receipt_missing', decision: 'overridden', note: '门店说 10-30 补验收' });
  });

  it('shows a re-sent receipt line by line (old → new), replaces it (替换), and undoes that import (撤销导入)', async () => {
    const { page } = w;
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByTestId('area-import').click();
    await page.getByTestId('import-kind').selectOption('receipts');
    await page.getByTestId('import-ka').selectOption('RTM');
    await page.getByTestId('file-input').setInputFiles(join(CORRECTIONS, 'e2e-rtm-receipts-corrected.csv'));
    const conflicts = page.getByTestId('import-conflicts');
    await conflicts.waitFor();
    const diff = page.getByTestId('difference-YSE2E001');
    // By hand: 100 → 110 of P001 at 5.22, 522.00 → 574.20; the receipt 739.68 → 791.88.
    const diffRows = await diff.locator('tbody tr').allInnerTexts();
    expect(diffRows, JSON.stringify(diffRows)).toEqual([
      expect.stringMatching(/1 A010 P001\s+数量\s+100\s+110/), expect.stringMatching(/金额\s+¥522\.00\s+¥574\.20/), expect.stringMatching(/合计\s+¥739\.68\s+¥791\.88/),
    ]);
    expect(await conflicts.textContent()).toContain('1 张单据与账中有效版本不同');
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);
    await w.shot('09-import-difference');

    await page.getByTestId('import-replace').check();
    await page.getByTestId('re-preview').click();
    await conflicts.getByText('将替换 1 张单据').waitFor();
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);
    await page.getByTestId('import-replace-reason').fill('门店重新清点 P001');
    await w.shot('10-import-replace');
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-replaced').getByText('已替换 1 张单据').waitFor();
    const [doc] = (await w.api('book.document', { key: 'YSE2E001' })).documents.filter((d: { version: number }) => d.version === 2);
    expect(doc).toMatchObject({ total_fen: 79_188 });
    expect(doc.chain.map((c: { role: string; version: number; inForce: boolean }) => [c.role, c.version, c.inForce]))
      .toEqual([['version', 1, false], ['reversal', 1, false], ['version', 2, true]]);

    // 撤销导入 of that import: version 2 is reversed and the receipt as first sent comes back.
    const batches = page.getByTestId('import-batches');
    const replacing = (await w.api('corrections.batches', {})).rows[0].batch;
    await batches.getByTestId(`batch-${replacing}`).getByTestId('undo-open').click();
    await page.getByTestId('undo-reason').fill('门店撤回更正');
    await w.shot('11-undo-import');
    await page.getByTestId('undo-confirm').click();
    await page.getByTestId('undo-done').getByText(`已撤销批次 ${replacing}：冲销 1 张，恢复 1 张`).waitFor();
    const inForce = (await w.api('book.document', { key: 'YSE2E001' })).documents.filter((d: { chain: { id: number; inForce: boolean }[]; id: number }) => d.chain.some((c) => c.id === d.id && c.inForce));
    expect(inForce.map((d: { version: number; total_fen: number }) => [d.version, d.total_fen])).toEqual([[3, 73_968]]);
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('reverses a receipt from the workbench (冲销, with a reason): the line has nothing received on the next run', async () => {
    const { page } = w;
    await page.setViewportSize({ width: 1366, height: 768 });
    await w.api('reconcile.run', { period: '2026-10', asOf: '2026-10-31' });
    const [line] = (await w.api('reconcile.lines', { from: '2026-10', to: '2026-10', store: 'A010', sku: 'P001', limit: 500 })).rows
      .filter((r: { delivery_no: string }) => r.delivery_no === 'XSE2E001');
    await page.goto(`${w.bridge.url}/#/reconcile?from=2026-10&to=2026-10&store=A010&sku=P001`);
    await page.locator(`.ag-row[row-id="${line.line_id}"] [col-id=status]`).click();
    const detail = page.getByTestId('line-detail');
    const receipt = detail.getByTestId('line-doc-YSE2E001');
    await receipt.waitFor();
    await receipt.getByTestId('reverse-open').click();
    const dialog = page.getByTestId('reverse-dialog');
    expect(await dialog.getByTestId('reverse-confirm').isDisabled()).toBe(true);
    await dialog.getByTestId('reverse-reason').fill('验收单记错系统');
    await w.shot('12-workbench-reverse');
    await dialog.getByTestId('reverse-confirm').click();
    await detail.getByTestId('reversal-done').getByText('已冲销 YSE2E001：红字单 YSE2E001-R3').waitFor();
    await w.api('reconcile.run', { period: '2026-10', asOf: '2026-10-31' });
    expect((await w.api('reconcile.line', { lineId: line.line_id })).line).toMatchObject({ found_status: 'receipt_missing' });

    // The documents list shows where each version stands, and the chain of the receipt.
    await page.goto(`${w.bridge.url}/#/audit?tab=documents`);
    await page.getByTestId('documents-kind').selectOption('receipt');
    await page.getByTestId('documents-period').selectOption('2026-10');
    await page.getByTestId('documents-docno').fill('YSE2E001');
    const grid = page.getByTestId('documents-grid');
    // Three versions and three reversals, each with where it stands.
    await expect.poll(async () => (await grid.locator('.ag-row:not(.ag-row-pinned) [col-id=state]').allTextContents()).sort(), { timeout: 10_000 })
      .toEqual(['已冲销', '已冲销', '已冲销', '红字', '红字', '红字']);
    await grid.getByText('YSE2E001', { exact: true }).first().click();
    const chain = page.getByTestId('reversal-chain');
    await chain.waitFor();
    expect(await chain.locator('tbody tr').count()).toBe(6);
    expect(await chain.textContent()).toContain('验收单记错系统');
    await w.shot('13-document-chain');
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('reads a receiving export whose store cells carry code and name, showing how each cell and column was read', async () => {
    const { page } = w;
    await page.setViewportSize({ width: 1366, height: 768 });
    const stores = (await w.api('master.list', { entity: 'stores', ka: 'RTM', limit: 3 })).rows as { store_code: string; name: string }[];
    const [a, b] = stores as [{ store_code: string; name: string }, { store_code: string; name: string }];
    const local = (s: { name: string }) => s.name.replace('大润发', '');
    const file = join(w.home, 'rtm-receiving-code-name.csv');
    writeFileSync(file, `\ufeff大润发零供平台 验收明细\n门店,收货单号,订单号,收货日期,商品编码,收货数量,进价,收货金额\n`
      + `${a.store_code}-${local(a)},YSE2E401,POE2E401,2026/10/30,P001,24,5.22,125.28\n`
      + `,,,,P002,12,9.07,108.84\n`
      + `${local(b)}(${b.store_code}),YSE2E402,POE2E402,2026/10/30,P001,12,5.22,62.64\n`);
    await page.getByTestId('area-import').click();
    await page.getByTestId('import-kind').selectOption('receipts');
    await page.getByTestId('import-ka').selectOption('RTM');
    await page.getByTestId('file-input').setInputFiles(file);
    await page.getByTestId('import-summary').waitFor();
    expect(await page.getByTestId('import-summary').textContent()).toContain('将新增 2 张单据（3 行）');
    const readings = page.getByTestId('store-readings');
    expect(await readings.textContent()).toContain(`${a.store_code}-${local(a)}RTM/${a.store_code} ${a.name}编号+名称`);
    expect(await readings.textContent()).toContain(`RTM/${b.store_code}`);
    // Every column with its confidence; 收货金额 is the amount (checked against quantity × price).
    expect(await page.getByTestId('map-H').inputValue()).toBe('amount');
    expect(await page.getByTestId('confidence-H').textContent()).toMatch(/^\d+%$/);
    expect(await page.getByTestId('date-styles').textContent()).toContain('年-月-日');
    // The continuation row's blank store, number, order and date took the values of the row above, and are marked.
    expect(await page.getByTestId('sample-grid').locator('.filled-cell').count()).toBe(4);
    await w.shot('14-import-code-and-name');
    await page.getByTestId('sample-grid').scrollIntoViewIfNeeded();
    await w.shot('14b-import-sample-filled-cells');
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-result').waitFor();
    expect(await page.getByTestId('import-result').textContent()).toContain('新增 2 张单据，3 行');
  });

  it('asks once which store an ERP customer code is, proposing it by name, and remembers it for the book', async () => {
    const { page } = w;
    const all = (await w.api('master.list', { entity: 'stores', ka: 'RTM', limit: 1000 })).rows as { store_code: string; name: string }[];
    // A store whose name no other store of the chain shares: the one a customer name can be proposed for.
    const store = all.filter((s) => all.filter((o) => o.name === s.name).length === 1)[2]!;
    const customerName = store.name.replace(/^大润发(.{2})(.*)$/, '$1大润发$2');
    const file = join(w.home, 'tplus-sales.csv');
    writeFileSync(file, `\ufeff单据日期,单据编号,客户编码,客户名称,存货编码,存货名称,数量,含税单价,含税金额,外部订单号\n`
      + `2026/10/29,XHD-E2E-0501,KH0501,${customerName},P001,24,5.22,125.28,POE2E501\n`);
    await page.getByText('再导入一个文件').click();
    await page.getByTestId('import-kind').selectOption('deliveries');
    await page.getByTestId('import-ka').selectOption('');
    await page.getByTestId('file-input').setInputFiles(file);
    const panel = page.getByTestId('unknown-customers');
    await panel.waitFor();
    expect(await panel.textContent()).toContain('KH0501');
    expect(await panel.textContent()).toContain(customerName);
    await page.getByTestId('customer-KH0501').locator(`option[value="RTM/${store.store_code}"]`).waitFor({ state: 'attached' });
    expect(await page.getByTestId('customer-KH0501').inputValue()).toBe(`RTM/${store.store_code}`);
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);
    // Asked, not refused: the file is fine once the customer is confirmed.
    await page.getByTestId('answer-first').waitFor();
    expect(await page.getByTestId('import-errors').count()).toBe(0);
    await w.shot('15-import-unknown-customer');
    await page.getByTestId('confirm-customers').click();
    await page.getByTestId('import-info').getByText('已记住 1 个 ERP 客户编码').waitFor();
    await page.getByTestId('import-summary').waitFor();
    expect(await page.getByTestId('store-readings').textContent()).toContain('ERP 客户编码');
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-result').waitFor();
    const booked = await w.api('book.document', { key: 'XHD-E2E-0501' });
    expect(booked.documents).toHaveLength(1);
    expect(JSON.stringify(booked.documents[0])).toContain(store.store_code);
  });

  it('applies the mapping saved for a KA’s file to its next file, names it, and lets it be dropped', async () => {
    const { page } = w;
    const file = join(w.home, 'rtm-deliveries-next.csv');
    writeFileSync(file, `大润发 送货明细（经销商导出）\n送货单号,送货日期,订单号,门店编号,商品编码,数量,单价,金额,备注\n`
      + 'XSE2E601,2026-10-30,POE2E601,A010,P001,12,5.22,62.64,晚班\n');
    await page.getByText('再导入一个文件').click();
    await page.getByTestId('import-kind').selectOption('deliveries');
    await page.getByTestId('import-ka').selectOption('RTM');
    await page.getByTestId('file-input').setInputFiles(file);
    const banner = page.getByTestId('saved-mapping');
    await banner.waitFor();
    expect(await banner.textContent()).toMatch(/已套用 \d{4}-\d{2}-\d{2} 保存的大润发映射“RTM 送货”/);
    // The saved mapping left 备注 unread; the column says so, and its confidence is the user's own.
    expect(await page.getByTestId('map-I').inputValue()).toBe('');
    expect(await page.getByTestId('confidence-A').textContent()).toBe('100%');
    await w.shot('16-import-saved-mapping');
    await page.getByTestId('drop-saved').click();
    await page.getByTestId('saved-ignored').waitFor();
    // Read by its headings again, 备注 is the memo once more.
    await expect.poll(() => page.getByTestId('map-I').inputValue()).toBe('memo');
    expect(await page.getByTestId('confidence-A').textContent()).not.toBe('100%');

    // Changed, not dropped: applied again, 备注 read as the memo, and saved under its own name for the next file.
    await page.getByTestId('use-saved-again').click();
    await page.getByTestId('saved-mapping').waitFor();
    await expect.poll(() => page.getByTestId('map-I').inputValue()).toBe('');
    await page.getByTestId('map-I').selectOption('memo');
    expect(await page.getByTestId('save-mapping').isChecked()).toBe(true);
    expect(await page.getByTestId('mapping-name').inputValue()).toBe('RTM 送货');
    await w.shot('16b-import-saved-mapping-changed');
    await page.getByTestId('re-preview').click();
    await expect.poll(() => page.getByTestId('map-I').inputValue()).toBe('memo');
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-result').waitFor();
    const kept = (await w.api('import.mappings', { kind: 'deliveries', ka: 'RTM' })).mappings.find((m: { name: string }) => m.name === 'RTM 送货');
    expect(kept.mapping['备注']).toBe('memo');
    await page.getByText('再导入一个文件').click();
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('takes a dropped file in the import wizard', async () => {
    const { page } = w;
    await page.getByTestId('area-import').click();
    await page.getByTestId('import-kind').selectOption('deliveries');
    const csv = '送货单号,送货日期,订单号,门店编号,商品编码,数量,单价,金额\nXSE2E201,2026-10-30,POE2E201,A010,P001,12,5.22,62.64\n';
    const transfer = await page.evaluateHandle((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'dropped.csv', { type: 'text/csv' }));
      return dt;
    }, csv);
    await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer: transfer });
    await page.getByTestId('import-summary').waitFor();
    expect(await page.getByTestId('import-summary').textContent()).toContain('将新增 1 张单据（1 行）');
    expect(await page.getByTestId('drop-zone').textContent()).toContain('dropped.csv');
  });

  it('backs the book up and restores a backup from the File menu', async () => {
    const { page } = w;
    await page.getByTestId('menu-file').click();
    await page.getByTestId('menu-backup').click();
    await page.getByTestId('app-notice').getByText('已备份到').waitFor();
    const lines = (await w.api('book.summary', {})).documents;
    // A change after the backup, which the restore must take away again.
    const extra = join(w.home, 'extra.csv');
    writeFileSync(extra, '送货单号,送货日期,门店编号,商品编码,数量,单价,金额\nXSE2E301,2026-10-30,A010,P002,6,9.07,54.42\n');
    expect((await w.api('import.commit', { kind: 'deliveries', ka: 'RTM', path: extra })).created).toBe(1);
    expect((await w.api('book.summary', {})).documents).not.toEqual(lines);
    await page.getByTestId('menu-file').click();
    await page.getByTestId('menu-restore').click();
    const dialog = page.getByTestId('restore-dialog');
    await dialog.getByRole('button', { name: '恢复此备份' }).first().click();
    await w.shot('08-restore-confirm');
    await page.getByTestId('restore-confirm').click();
    await page.getByTestId('app-notice').getByText('已从').waitFor();
    expect((await w.api('book.summary', {})).documents).toEqual(lines);
    expect((await w.api('book.backups', {})).backups.some((b: { name: string }) => b.name.includes('before-restore'))).toBe(true);
  });

  it('switches to English and back, and no page error happened on the way', async () => {
    const { page } = w;
    await page.getByTestId('area-reconcile').click();
    await page.getByTestId('language').click();
    await page.getByText('Reconciliation workbench').waitFor();
    expect(await page.getByTestId('area-reconcile').textContent()).toBe('Reconcile');
    await w.shot('07-workbench-english');
    await page.getByTestId('language').click();
    await page.getByText('对账工作台').waitFor();
    expect(w.problems).toEqual([]);
  });
});
