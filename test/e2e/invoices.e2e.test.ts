/// <reference lib="dom" />
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoTaxId } from '../../core/demo/build-master-data.js';
import { strayLatinWords } from './latin-words.js';
import { ARTIFACTS, openDemoWindow, type WindowSession } from './window-session.js';

/**
 * Issue 19's window: the 发票 area on the demo book (a year of invoices with injected gaps) — the three-way match of
 * a KA month and its differences, a paper invoice entered by hand that closes one of them, a link undone by hand that
 * opens it again, the to-invoice workbook read back — and 开票信息 in 主数据. Screenshots at 1366×768.
 */
let w: WindowSession;
beforeAll(async () => {
  w = await openDemoWindow();
  await w.page.setViewportSize({ width: 1366, height: 768 });
}, 360_000);
afterAll(async () => {
  await w?.close();
});

interface Gap { kind: string; amount: number; docNo?: string; date: string }
interface MatchRow { ka: { code: string; name: string }; period: string; gapTotals: { kind: string; count: number; amount: number }[]; toExplain: number; explained: number; settlement: number }
/** A KA month's differences through the window's own method, a page of at most 500 (all of a demo month's). */
const gapsOf = async (r: { ka: string; period: string }, asOf: string, kind?: string) =>
  (await w.api('invoices.gaps', { period: r.period, ka: r.ka, asOf, offset: 0, limit: 500, ...(kind ? { kind } : {}) })) as { total: number; gaps: Gap[] };

/** The screen as a person reads it has no English in it (codes, numbers and tax ids pass). */
const latin = async () => strayLatinWords(await w.page.evaluate(() => document.body.innerText));

describe('the 发票 area, end to end in Chromium', () => {
  let target: { ka: string; period: string; docNo: string; amount: number };

  it('shows the month’s three-way match per KA, and a KA month’s differences each explained', async () => {
    const { page } = w;
    const asOf = '2026-12-31';
    // The injected receipt left off an invoice (demo_injections, as the demo test holds it) is the one to find.
    const all = (await w.api('invoices.match', { periods: ['2026-09'], asOf })).rows as MatchRow[];
    const row = all.find((r) => r.gapTotals.some((g) => g.kind === 'to_invoice'))!;
    const listed = await gapsOf({ ka: row.ka.code, period: row.period }, asOf);
    // The totals per kind the match carries are those of the differences listed.
    expect(row.gapTotals.reduce((n, g) => n + g.count, 0)).toBe(listed.total);
    for (const g of row.gapTotals) expect(listed.gaps.filter((x) => x.kind === g.kind).reduce((a, x) => a + x.amount, 0)).toBe(g.amount);
    const gap = listed.gaps.find((g) => g.kind === 'to_invoice')!;
    target = { ka: row.ka.code, period: row.period, docNo: gap.docNo!, amount: gap.amount };

    const grid = page.getByTestId('invoice-match');
    await page.getByTestId('area-invoices').click();
    await page.getByTestId('invoices-period').selectOption('2026-09');
    await page.getByTestId('invoices-as-of').fill(asOf);
    await expect.poll(async () => grid.locator('.ag-row:not(.ag-row-pinned)').count(), { timeout: 30_000 }).toBe(all.length);
    await page.getByTestId('invoices-ka').selectOption(target.ka);
    await page.getByTestId('invoice-gaps').waitFor();
    const gaps = page.getByTestId('invoice-gaps');
    await expect.poll(async () => gaps.locator(`tr[data-kind="to_invoice"]`).count()).toBeGreaterThan(0);
    const text = (await gaps.textContent()) ?? '';
    expect(text).toContain('验收未开票');
    expect(text).toContain(target.docNo);
    expect(await gaps.locator('tbody tr').count()).toBe(Math.min(200, listed.total));
    expect(await page.getByTestId('invoice-gaps-range').textContent()).toBe(`第 1–${Math.min(200, listed.total)} 条，共 ${listed.total} 条`);
    await w.shot('invoices-01-match');
    expect(await latin()).toEqual([]);
    // A kind's total lists that kind alone; 全部差异 lists them all again.
    const toInvoice = row.gapTotals.find((g) => g.kind === 'to_invoice')!;
    await page.getByTestId('invoice-gap-totals').locator('button[data-kind="to_invoice"]').click();
    await expect.poll(async () => page.getByTestId('invoice-gaps-range').textContent()).toContain(`共 ${toInvoice.count} 条`);
    expect(new Set(await gaps.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-kind'))))).toEqual(new Set(['to_invoice']));
    await page.getByTestId('invoice-gap-totals').getByRole('button', { name: '全部差异' }).click();
    await expect.poll(async () => page.getByTestId('invoice-gaps-range').textContent()).toContain(`共 ${listed.total} 条`);
  });

  it('enters a paper invoice for the receipt left out; the match finds it covered, and a link undone opens it again', async () => {
    const { page } = w;
    await page.getByTestId('tab-enter').click();
    const net = Math.round((target.amount * 100) / 113);
    const yuan = (fen: number) => (fen / 100).toFixed(2);
    const entities = (await w.api('master.list', { entity: 'invoicing-entities', ka: target.ka, limit: 10 })).rows as { tax_id: string; name: string }[];
    await page.getByTestId('enter-type').selectOption('special');
    await page.getByTestId('enter-code').fill('3100261130');
    await page.getByTestId('enter-number').fill('00098765');
    await page.getByTestId('enter-date').fill(`${target.period}-28`);
    await page.getByTestId('enter-sellerTaxId').fill(demoTaxId('D', 'D01'));
    await page.getByTestId('enter-sellerName').fill('手开发票销方');
    await page.getByTestId('enter-buyerTaxId').fill(entities[0]!.tax_id);
    await page.getByTestId('enter-buyerName').fill(entities[0]!.name);
    await page.getByTestId('enter-net').fill('12x');
    await page.getByTestId('enter-tax').fill(yuan(target.amount - net));
    await page.getByTestId('enter-save').click();
    await expect.poll(async () => (await page.locator('.field-error').allTextContents()).join(' ')).toContain('金额');
    await page.getByTestId('enter-net').fill(yuan(net));
    expect(await page.getByTestId('enter-gross').textContent()).toBe(`¥${(target.amount / 100).toLocaleString('en', { minimumFractionDigits: 2 })}`);
    await page.getByTestId('enter-remark').fill(`验收单 ${target.docNo}`);
    await w.shot('invoices-02-enter');
    expect(await latin()).toEqual([]);
    await page.getByTestId('enter-save').click();
    await expect.poll(async () => page.getByTestId('enter-done').first().textContent().catch(() => '')).toContain('已录入发票 3100261130-00098765');
    await w.shot('invoices-03-entered');

    const covered = async () => (await gapsOf(target, '2026-12-31', 'to_invoice')).gaps.some((g) => g.docNo === target.docNo);
    expect(await covered()).toBe(false);
    await page.getByTestId('tab-match').click();
    await page.getByTestId('invoice-gaps').waitFor();
    const toInvoiceRows = () => page.getByTestId('invoice-gaps').locator('tr[data-kind="to_invoice"]').allTextContents();
    await expect.poll(async () => (await toInvoiceRows()).filter((t) => t.includes(target.docNo)).length).toBe(0);

    await page.getByTestId('link-invoice').fill('3100261130-00098765');
    await page.getByTestId('link-document').fill(target.docNo);
    await page.getByTestId('link-note').fill('关联错了，待核对');
    await page.getByTestId('unlink-submit').click();
    await expect.poll(async () => page.getByTestId('link-done').textContent().catch(() => '')).toContain('已取消');
    expect(await covered()).toBe(true);
    await expect.poll(async () => (await toInvoiceRows()).filter((t) => t.includes(target.docNo)).length).toBe(1);
    await w.shot('invoices-04-unlinked');
  });

  it('lists the invoices still to make and exports them as the clerk’s workbook', async () => {
    const { page } = w;
    await page.getByTestId('tab-toInvoice').click();
    const list = (await w.api('invoices.toInvoice', { periods: [target.period], ka: target.ka, asOf: '2026-12-31' })).invoices as { gross: number; receipts: string[] }[];
    expect(list.length).toBeGreaterThan(0);
    expect(list.flatMap((i) => i.receipts)).toContain(target.docNo);
    await expect.poll(async () => page.getByTestId('to-invoice-count').textContent()).toContain(`共 ${list.length} 张待开发票`);
    await w.shot('invoices-05-to-invoice');
    expect(await latin()).toEqual([]);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('to-invoice-export').click()]);
    const file = join(ARTIFACTS, 'invoices-to-invoice.xlsx');
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['1-发票基本信息', '2-发票明细信息']);
    const basic = wb.getWorksheet('1-发票基本信息')!;
    expect(basic.rowCount).toBe(list.length + 1);
    const headings = (basic.getRow(1).values as string[]).slice(1);
    const grossAt = headings.findIndex((h) => h.includes('价税合计')) + 1;
    const sum = basic.getRows(2, list.length)!.reduce((s, r) => s + Math.round(Number(r.getCell(grossAt).value) * 100), 0);
    expect(sum).toBe(list.reduce((s, i) => s + i.gross, 0));
  });

  it('keeps the KAs’ invoicing entities in 主数据: several per KA, by region', async () => {
    const { page } = w;
    await page.getByTestId('area-master').click();
    await page.getByTestId('tab-invoicing-entities').click();
    await page.getByTestId('master-grid').locator('.ag-row').first().waitFor();
    await page.getByTestId('master-new').click();
    await page.getByTestId('form-kaCode').selectOption(target.ka);
    await page.getByTestId('form-name').fill('华南分公司（测试）');
    await page.getByTestId('form-taxId').fill('91440300MA5F000001');
    await page.getByTestId('form-region').fill('华南');
    await page.getByTestId('form-addressPhone').fill('深圳市南山区 0755-88880000');
    await page.getByTestId('form-bankAccount').fill('招商银行深圳分行 755900000000001');
    await page.getByTestId('master-save').click();
    await page.getByTestId('master-message').waitFor();
    const rows = (await w.api('master.list', { entity: 'invoicing-entities', ka: target.ka, limit: 10 })).rows as { tax_id: string; region: string }[];
    expect(rows.map((r) => [r.tax_id, r.region])).toContainEqual(['91440300MA5F000001', '华南']);
    await w.shot('invoices-06-master-entities');
    expect(await latin()).toEqual([]);
    expect(w.problems).toEqual([]);
  });
});
