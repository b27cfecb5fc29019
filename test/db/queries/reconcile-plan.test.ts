import { describe, expect, it } from 'vitest';
import { MasterDataWriter } from '../../../core/master-data/save-master-data.js';
import { matchPeriodDeliveries } from '../../../core/reconcile/match-deliveries.js';
import { reconcileSettings } from '../../../core/reconcile/settings.js';
import type { Book } from '../../../db/connection.js';
import { SIDE_INDEXES_SQL, farLinesSql, matchSqlParams, nearLinesSql, periodKeysSql } from '../../../db/queries/reconcile-deliveries.js';
import { deliveryResults } from '../../../db/queries/reconcile-results.js';
import { delivery, post, receipt } from '../../helpers/documents.js';
import { addSmallWorld } from '../../helpers/small-world.js';
import { tempBook } from '../../helpers/temp-book.js';
import { readStoredMessage, renderMessage } from '../../../locale/index.js';

/**
 * A month's reconciliation starts from the month: its keys come from the month's documents (documents_by_period),
 * and each side's lines from those keys (document_lines_by_order), never from every document of the kind
 * (documents_by_kind_date on the kind alone), which made a month's run grow with the age of the book (issue 18).
 * The book has no ANALYZE statistics, so the plan of a small book is the plan of a large one.
 */
type PlanRow = { id: number; parent: number; detail: string };

function plan(book: Book, sql: string): PlanRow[] {
  const params = matchSqlParams({ fromPeriod: '2026-09', toPeriod: '2026-09', kaAccountId: null, windowDays: 30, toleranceFen: 100, asOf: '2026-10-10' });
  return book.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as PlanRow[];
}

/** The table reads of a plan, in the order SQLite runs them. */
const reads = (rows: PlanRow[]) => rows.map((r) => r.detail).filter((d) => /^(SCAN|SEARCH) /.test(d));

async function bookWithTwoYears() {
  const book = await tempBook();
  const w = addSmallWorld(book);
  post(book,
    delivery(w, 'XS1', '2026-09-02', 'PO1', [[w.p001, 120, 64_000]]), receipt(w, 'YS1', '2026-09-03', 'PO1', [[w.p001, 120, 64_000]]),
    delivery(w, 'XS0', '2025-09-02', 'PO0', [[w.p001, 12, 64_000]]), receipt(w, 'YS0', '2025-09-03', 'PO0', [[w.p001, 12, 64_000]]));
  return { book, w };
}

describe('the plan of a month\'s reconciliation', () => {
  it('reads each side once, from the date range of the month and its window', async () => {
    const { book } = await bookWithTwoYears();
    for (const kind of ['delivery', 'receipt'] as const) {
      const steps = reads(plan(book, nearLinesSql(kind)));
      expect(steps[0]).toMatch(/^SEARCH d USING INDEX documents_by_kind_date \(kind=\? AND doc_date>\? AND doc_date<\?\)/);
      expect(steps).toContainEqual(expect.stringMatching(/^SEARCH l USING INDEX sqlite_autoindex_document_lines_1 \(document_id=\?\)/));
      // The only scan is of the range's document ids, sorted so the lines come in line order.
      expect(steps.filter((s) => s.startsWith('SCAN'))).toEqual(['SCAN dd']);
      expect(plan(book, nearLinesSql(kind)).map((r) => r.detail)).toContain('USE TEMP B-TREE FOR ORDER BY');
    }
  });

  const sideTables = (book: Book) => book.db.exec(`CREATE TEMP TABLE rc_d (line_id INTEGER PRIMARY KEY, doc_id, doc_no, date, period, ka, store, po,
      product, qty, price, amount, lpo); CREATE TEMP TABLE rc_r (line_id INTEGER PRIMARY KEY, doc_id, doc_no, date, period, ka, store, po,
      product, qty, price, amount, lpo); ${SIDE_INDEXES_SQL}`);

  it('takes the month\'s order keys from the lines already read, from both side indexes merged in key order', async () => {
    const { book } = await bookWithTwoYears();
    sideTables(book);
    const rows = plan(book, periodKeysSql).map((r) => r.detail);
    expect(rows).toContain('MERGE (UNION)');
    expect(reads(plan(book, periodKeysSql))).toEqual(['SCAN rc_d USING COVERING INDEX rc_d_k', 'SCAN rc_r USING COVERING INDEX rc_r_k']);
    expect(rows.filter((d) => d.includes('TEMP B-TREE'))).toEqual([]);
  });

  it('reads the far lines from the month\'s keys, then the lines by order number, then their documents', async () => {
    const { book } = await bookWithTwoYears();
    sideTables(book);
    const steps = reads(plan(book, farLinesSql));
    expect(steps.slice(2, 5)).toEqual([
      'SCAN k',
      'SEARCH l USING INDEX document_lines_by_order (order_no=? AND product_id=?)',
      'SEARCH d USING INTEGER PRIMARY KEY (rowid=?)',
    ]);
    expect(steps.filter((s) => s.includes('documents_by_kind_date'))).toEqual([]);
  });
});

describe('a month\'s results, written set-based', () => {
  const run = (book: Book, period: string) => {
    book.write(() => matchPeriodDeliveries(book, period, null, reconcileSettings(book), '2026-10-10'));
    return deliveryResults(book, { period }, 1000, 0);
  };

  it('are the same whatever other months the book holds', async () => {
    const one = await tempBook('one.kasettle');
    const w1 = addSmallWorld(one);
    post(one, delivery(w1, 'XS1', '2026-09-02', 'PO1', [[w1.p001, 120, 64_000]]), receipt(w1, 'YS1', '2026-09-03', 'PO1', [[w1.p001, 120, 64_000]]));
    const { book: two } = await bookWithTwoYears();
    const strip = (rows: ReturnType<typeof run>) => rows.map(({ line_id: _l, ...r }) => r);
    expect(strip(run(two, '2026-09'))).toEqual(strip(run(one, '2026-09')));
    expect(run(two, '2026-09')).toHaveLength(1);
  });

  it('change where a line\'s result changed, and stand where it did not', async () => {
    const book = await tempBook();
    const w = addSmallWorld(book);
    post(book,
      delivery(w, 'XS1', '2026-09-02', 'PO1', [[w.p001, 120, 64_000]]), receipt(w, 'YS1', '2026-09-03', 'PO1', [[w.p001, 120, 64_000]]),
      delivery(w, 'XS2', '2026-09-10', 'PO2', [[w.p003, 16, 399_000]]));
    const first = run(book, '2026-09');
    expect(first.map((r) => [r.delivery_no, r.status])).toEqual([['XS1', 'matched'], ['XS2', 'receipt_missing']]);
    post(book, receipt(w, 'YS2', '2026-09-12', 'PO2', [[w.p003, 15, 399_000]]));
    const second = run(book, '2026-09');
    expect(second[0]).toEqual(first[0]);
    expect(second[1]).toMatchObject({ status: 'short', received_qty: 15_000, line_received_fen: 15 * 3_990, days_outstanding: null });
    expect(renderMessage('zh', readStoredMessage(second[1]!.reason))).toBe('验收 15，送货 16');
  });

  it('take the regional contract price before the national one, each valid on the delivery date', async () => {
    const book = await tempBook();
    const w = addSmallWorld(book);
    book.write(() => {
      const m = new MasterDataWriter(book, 'tester');
      m.price({ kaCode: 'RTM', sku: 'P001', region: '华东', price: 62_000, validFrom: '2026-09-05', validTo: '2026-12-31' });
    });
    post(book,
      delivery(w, 'XS1', '2026-09-02', 'PO1', [[w.p001, 10, 64_000]]), receipt(w, 'YS1', '2026-09-03', 'PO1', [[w.p001, 10, 64_000]]),
      delivery(w, 'XS2', '2026-09-08', 'PO2', [[w.p001, 10, 64_000]]), receipt(w, 'YS2', '2026-09-09', 'PO2', [[w.p001, 10, 64_000]]));
    const rows = run(book, '2026-09');
    expect(rows.map((r) => [r.delivery_no, r.list_price_e4, r.status])).toEqual([['XS1', 64_000, 'matched'], ['XS2', 62_000, 'price_diff']]);
  });
});
