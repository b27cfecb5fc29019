/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoWindow, type WindowSession } from './window-session.js';

/**
 * A draft statement in the window (issue 18 point 4): the summary comes without its detail rows and without a hash
 * (a draft's hash covers every detail row and is frozen when the month is prepared), the detail tables below it a
 * page of 200 rows at a time. Photographed at 1366×768.
 */
let w: WindowSession;
beforeAll(async () => {
  w = await openDemoWindow();
}, 360_000);
afterAll(async () => {
  await w?.close();
});

describe('a draft statement in the window', () => {
  it('shows the summary, says why there is no hash yet, and pages the delivery lines', async () => {
    const { page } = w;
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByTestId('area-settlement').click();
    await page.getByTestId('period-status').waitFor();
    const period = await page.getByTestId('settlement-period').inputValue();
    const preview = await w.api('statement.preview', { period, distributor: 'D01' });
    expect(preview.sha256).toBeNull();
    await page.getByTestId('statement-frame').waitFor();
    expect(await page.getByTestId('statement-hash').textContent()).toContain('草稿没有冻结的 SHA-256');
    await page.getByTestId('statement-hash').scrollIntoViewIfNeeded();
    await w.shot('40-statement-draft');
    const deliveries = preview.details[0].rows as number;
    expect(deliveries).toBeGreaterThan(200);
    await page.getByTestId('statement-details').scrollIntoViewIfNeeded();
    await page.getByTestId('statement-detail-grid').waitFor();
    expect(await page.getByTestId('statement-detail-range').textContent()).toBe(`第 1–200 行，共 ${deliveries} 行`);
    await page.getByTestId('statement-details').getByRole('button', { name: '下一页' }).click();
    await page.getByTestId('statement-detail-range').getByText(`第 201–${Math.min(400, deliveries)} 行`).waitFor();
    await w.shot('40b-statement-draft-details');
  }, 120_000);
});
