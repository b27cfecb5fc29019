import ExcelJS from 'exceljs';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoBook } from '../../../core/demo/create-demo-book.js';
import { decideResult } from '../../../core/reconcile/decide-result.js';
import { exportWorkbench } from '../../../core/reconcile/export-workbench.js';
import { reconcilePeriod } from '../../../core/reconcile/reconcile-period.js';
import { workbenchLine, workbenchLines } from '../../../core/reconcile/workbench.js';
import type { Book } from '../../../db/connection.js';

let book: Book;
let dir: string;
const range = { from: '2026-08', to: '2026-09' };

// One demo book for the whole file (the shared helpers clean up after each test).
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ka-settle-workbench-'));
  book = await createDemoBook(join(dir, 'demo.kasettle'), 'tester', { settle: false });
  for (const period of ['2026-08', '2026-09']) reconcilePeriod(book, { period, actor: 'tester', asOf: '2026-10-31' });
}, 60_000);
afterAll(() => {
  book.close();
  rmSync(dir, { recursive: true, force: true });
});

const all = (q: Parameters<typeof workbenchLines>[1] extends infer T ? Omit<T & object, 'offset' | 'limit' | 'withTotal'> : never) => {
  const rows = [];
  for (let offset = 0; ; offset += 700) {
    const page = workbenchLines(book, { ...q, offset, limit: 700 }).rows;
    rows.push(...page);
    if (page.length < 700) return rows;
  }
};

describe('the reconciliation workbench’s queries', () => {
  it('pages through a range of months in delivery-date order, every line once, with the count of the filter', () => {
    const { total } = workbenchLines(book, { ...range, withTotal: true, offset: 0, limit: 1 });
    const expected = book.db.prepare("SELECT count(*) AS n FROM recon_delivery_lines WHERE period IN ('2026-08', '2026-09')").get() as { n: number };
    expect(total).toBe(expected.n);
    const rows = all(range);
    expect(rows).toHaveLength(expected.n);
    expect(new Set(rows.map((r) => r.line_id)).size).toBe(rows.length);
    const keys = rows.map((r) => `${r.period}|${r.delivery_date}|${String(r.line_id).padStart(12, '0')}`);
    expect(keys).toEqual([...keys].sort());
  });

  it('sums every line the filter selects for the 合计 row, not only the page shown', () => {
    for (const q of [range, { ...range, status: 'unmatched' }, { ...range, ka: 'RTM', status: 'short' }]) {
      const first = workbenchLines(book, { ...q, withTotal: true, offset: 0, limit: 50 });
      // by hand: add up each line of every page
      const rows = all(q);
      const delivered = rows.reduce((s, r) => s + r.line_delivered_fen, 0);
      const received = rows.reduce((s, r) => s + r.line_received_fen, 0);
      expect(first.total).toBe(rows.length);
      expect(first.sums).toEqual({ delivered, received, difference: received - delivered });
      if (rows.length > 50) expect(first.rows.reduce((s, r) => s + r.line_delivered_fen, 0)).not.toBe(delivered);
    }
    expect(workbenchLines(book, { ...range, offset: 0, limit: 5 })).not.toHaveProperty('sums');
  });

  it('narrows by status (with the user’s overrides), KA, store, product and dates', () => {
    const unmatched = workbenchLines(book, { ...range, status: 'unmatched', withTotal: true, offset: 0, limit: 1 }).total!;
    const matched = workbenchLines(book, { ...range, status: 'matched', withTotal: true, offset: 0, limit: 1 }).total!;
    const total = workbenchLines(book, { ...range, withTotal: true, offset: 0, limit: 1 }).total!;
    expect(unmatched + matched).toBe(total);
    expect(unmatched).toBeGreaterThan(0);

    const short = all({ ...range, status: 'short' });
    expect(short.length).toBeGreaterThan(0);
    expect(short.every((r) => r.status === 'short' && r.received_qty < r.delivered_qty)).toBe(true);
    decideResult(book, short[0]!.line_id, { decision: 'overridden', to: 'matched', note: 'KA credit note 8812 covers it' }, 'tester');
    expect(all({ ...range, status: 'short' }).map((r) => r.line_id)).not.toContain(short[0]!.line_id);
    expect(workbenchLine(book, short[0]!.line_id).line).toMatchObject({ status: 'matched', found_status: 'short', decision: 'overridden', note: 'KA credit note 8812 covers it' });

    const pick = short[1]!;
    const narrow = all({ ...range, ka: pick.ka!, store: pick.store!, sku: pick.sku!, dateFrom: pick.delivery_date, dateTo: pick.delivery_date });
    expect(narrow.map((r) => r.line_id)).toContain(pick.line_id);
    expect(narrow.every((r) => r.ka === pick.ka && r.store === pick.store && r.sku === pick.sku && r.delivery_date === pick.delivery_date)).toBe(true);
    expect(() => workbenchLines(book, { ...range, ka: 'NOPE', offset: 0, limit: 5 })).toThrow(expect.objectContaining({ code: 'master.unknown-ka', place: { field: 'ka' } }));
  });

  it('shows a line’s both sides: the delivery and the receipt lines it was matched with', () => {
    const byOrder = all({ ...range, status: 'short' }).find((r) => r.matched_by === 'order')!;
    const detail = workbenchLine(book, byOrder.line_id);
    expect(detail.delivery).toMatchObject({ doc_no: byOrder.delivery_no, amount_fen: expect.any(Number) });
    expect(detail.receipts.length).toBeGreaterThan(0);
    expect(detail.receipts.every((r) => byOrder.receipt_doc_nos!.split(',').includes(r.doc_no) && r.sku === byOrder.sku && r.store === byOrder.store)).toBe(true);
    const missing = all({ ...range, status: 'receipt_missing' })[0]!;
    expect(workbenchLine(book, missing.line_id).receipts).toEqual([]);
    expect(() => workbenchLine(book, 999_999_999)).toThrow(expect.objectContaining({ code: 'reconcile.no-result' }));
  });

  it('exports the view to .xlsx with every line and its figures, and leaves no file when cancelled', async () => {
    const q = { ...range, status: 'price_diff' };
    const rows = all(q);
    const out = await exportWorkbench(book, q, join(dir, 'exports', '价差.xlsx'));
    expect(out.rows).toBe(rows.length);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out.file);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(rows.length + 1);
    const col = (h: string) => (ws.getRow(1).values as string[]).findIndex((x) => typeof x === 'string' && x.startsWith(h));
    let delivered = 0;
    ws.eachRow((r, n) => {
      if (n > 1) delivered += Math.round((r.getCell(col('送货金额')).value as number) * 100);
    });
    expect(delivered).toBe(rows.reduce((s, r) => s + r.line_delivered_fen, 0));
    expect(ws.getCell(2, col('送货单号')).value).toBe(rows[0]!.delivery_no);

    const big = join(dir, 'exports', 'cancelled.xlsx');
    await expect(exportWorkbench(book, range, big, { isCancelled: () => true })).rejects.toMatchObject({ code: 'work.cancelled' });
    expect(existsSync(big)).toBe(false);
  });
});
