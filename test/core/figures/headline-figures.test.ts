import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Book } from '../../../db/connection.js';
import { lastDayOf, periodsBetween } from '../../../core/calendar/dates.js';
import { closeStatus } from '../../../core/close/close-status.js';
import { ageing } from '../../../core/credit/ageing.js';
import { exposures } from '../../../core/credit/exposure.js';
import { createDemoBook } from '../../../core/demo/create-demo-book.js';
import { receivableFigures } from '../../../core/figures/headline-figures.js';
import { buildStatement } from '../../../core/statement/build-statement.js';
import { homeStatus } from '../../../core/views/home-status.js';
import { workbenchLines } from '../../../core/reconcile/workbench.js';

/**
 * Issue 15 point 2: one definition of each headline figure. On the demo year as the window builds it (every month
 * reconciled), at every month end, 首页, 信用's ageing, 结算 and the workbench — and at each quarter end the exposure and
 * the statements, the slowest to build — say the same amounts,
 * and they add up the way an accountant adds them: open items − unapplied credits = the ledger balance.
 */
let dir: string;
let book: Book;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ka-settle-figures-'));
  book = await createDemoBook(join(dir, 'demo.kasettle'), 'tester');
}, 240_000);
afterAll(() => {
  book?.close();
  rmSync(dir, { recursive: true, force: true });
});

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const distributors = () => (book.db.prepare('SELECT code FROM distributors ORDER BY code').all() as { code: string }[]).map((d) => d.code);

describe('the headline figures of the demo year', () => {
  it('are the same on the home page, in credit, in the close and on the statements at every month end', () => {
    for (const period of periodsBetween('2025-11', '2026-10')) {
      const asOf = lastDayOf(period);
      const f = receivableFigures(book, asOf);
      expect(f.balance, period).toBe(f.open + f.unapplied);
      expect(f.overdue).toBeLessThanOrEqual(f.open);

      const home = homeStatus(book, period, asOf);
      expect(home.receivables, period).toEqual(f);

      const aged = ageing(book, asOf);
      expect(aged.ties, period).toBe(true);
      expect(aged.figures).toEqual(f);
      expect(sum(aged.totals.buckets), period).toBe(f.open);
      expect(aged.totals.credits, period).toBe(f.unapplied);
      expect(aged.totals.total, period).toBe(f.balance);
      expect(sum(aged.totals.buckets.slice(1)), period).toBe(f.overdue);


      const close = closeStatus(book, period);
      expect({ balance: close.figures.balance, open: close.figures.open, overdue: close.figures.overdue, unapplied: close.figures.unapplied }, period).toEqual(f);
      expect(close.figures.unmatchedDeliveryLines, period).toBe(home.unmatchedDeliveryLines);
      const unmatched = workbenchLines(book, { from: period, to: period, status: 'unmatched', withTotal: true, offset: 0, limit: 1 }).total;
      expect(unmatched, period).toBe(home.unmatchedDeliveryLines);

      // The statements and the exposure (the slowest to build) at each quarter's end.
      if (!['2026-01', '2026-04', '2026-07', '2026-10'].includes(period)) continue;
      const kaExposure = exposures(book, asOf, 'tester').filter((e) => e.entity === 'ka');
      expect(sum(kaExposure.map((e) => e.openReceivables)), period).toBe(f.balance);
      const statements = distributors().map((d) => buildStatement(book, period, d));
      expect(sum(statements.map((s) => s.totals.receivable.closing)), period).toBe(f.balance);
      expect(sum(statements.map((s) => s.figures.balance)), period).toBe(f.balance);
      expect(sum(statements.map((s) => s.figures.unapplied)), period).toBe(f.unapplied);
    }
  }, 240_000);

  it('has remittances applied, so most of what is open is not overdue by years: the year was reconciled', () => {
    const f = receivableFigures(book, '2026-10-31');
    expect(-f.unapplied).toBeLessThan(f.open);
    const reconciled = book.db.prepare('SELECT count(DISTINCT period) AS n FROM recon_runs').get() as { n: number };
    expect(reconciled.n).toBe(12);
  });

  it('shows on each statement the part of the KAs’ rebate accrual its own sales earned, adding up to the accrual', () => {
    const period = '2026-10';
    const kaAccrual = (book.db.prepare("SELECT coalesce(sum(total_fen), 0) AS s FROM documents WHERE kind = 'rebate_accrual' AND period = ? AND distributor_id IS NULL").get(period) as { s: number }).s;
    expect(kaAccrual).not.toBe(0);
    const parts = distributors().map((d) => buildStatement(book, period, d).rebateParts.toKa);
    expect(sum(parts)).toBe(kaAccrual);
    expect(parts.filter((p) => p !== 0).length).toBeGreaterThan(1);
  });
});
