import { describe, expect, it } from 'vitest';
import { MasterDataWriter } from '../../../core/master-data/save-master-data.js';
import { matchDeliveriesBetween, matchPeriodDeliveries } from '../../../core/reconcile/match-deliveries.js';
import { reconcileSettings } from '../../../core/reconcile/settings.js';
import type { Book } from '../../../db/connection.js';
import {
  SIDE_INDEXES_SQL, farLinesFromOutside, farLinesFromOutsideSql, farLinesSql, matchSqlParams, nearLinesSql, periodKeysSql, periodsHaveNoResults,
} from '../../../db/queries/reconcile-deliveries.js';
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

/** The book of two years, with lines under September's keys dated far from it, and one far line under no such key. */
async function bookWithFarLines() {
  const { book, w } = await bookWithTwoYears();
  post(book,
    // delivered two months before it was received, and received three months after it was delivered
    delivery(w, 'XS9', '2026-07-01', 'PO9', [[w.p001, 5, 64_000]]), receipt(w, 'YS9', '2026-09-20', 'PO9', [[w.p001, 5, 64_000]]),
    delivery(w, 'XS8', '2026-09-25', 'PO8', [[w.p003, 2, 399_000]]), receipt(w, 'YS8', '2026-12-20', 'PO8', [[w.p003, 2, 399_000]]),
    delivery(w, 'XS7', '2026-06-01', 'PO7', [[w.p001, 1, 64_000]]));
  return book;
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

  it('finds the same far lines from the month\'s keys and from the lines dated away from it', async () => {
    const book = await bookWithFarLines();
    sideTables(book);
    const params = matchSqlParams({ fromPeriod: '2026-09', toPeriod: '2026-09', kaAccountId: null, windowDays: 30, toleranceFen: 100, asOf: '2026-10-10' });
    for (const kind of ['delivery', 'receipt'] as const) book.db.prepare(`INSERT INTO ${kind === 'delivery' ? 'rc_d' : 'rc_r'} ${nearLinesSql(kind)}`).run(params);
    const far = (sql: string) => (book.db.prepare(sql).all(params) as { doc_no: string; kind: string }[]).map((r) => `${r.kind} ${r.doc_no}`).sort();
    expect(far(farLinesSql)).toEqual(['delivery XS9', 'receipt YS8']);
    expect(far(farLinesFromOutsideSql)).toEqual(far(farLinesSql));
    // The probe of the side indexes uses the whole key.
    expect(reads(plan(book, farLinesFromOutsideSql))).toContain('SEARCH x USING COVERING INDEX rc_d_k (po=? AND product=? AND ka=? AND store=?)');
  });

  it('reads far lines from the keys for a month of a longer book, from the lines away for a range covering most of it', async () => {
    const book = await bookWithFarLines();
    const at = (from: string, to: string) => farLinesFromOutside(book,
      matchSqlParams({ fromPeriod: from, toPeriod: to, kaAccountId: null, windowDays: 7, toleranceFen: 1, asOf: '2026-12-31' }));
    expect(at('2026-09', '2026-09')).toBe(false);
    expect(at('2025-09', '2026-09')).toBe(true);
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

  it('are the same for a month\'s line whether its far receipt was found from the keys or from the lines dated away', async () => {
    const book = await bookWithFarLines();
    const settings = reconcileSettings(book);
    const xs8 = () => deliveryResults(book, { period: '2026-09' }, 1000, 0).find((r) => r.delivery_no === 'XS8');
    run(book, '2026-09');
    const byKeys = xs8();
    expect(byKeys).toMatchObject({ status: 'matched', matched_by: 'order', received_qty: 2_000 });
    book.write(() => book.db.exec('DELETE FROM recon_delivery_lines; DELETE FROM recon_receipt_lines'));
    // A year to September: only YS8 (and XS7's neighbours) lie away from it, so its far lines are read from that end.
    book.write(() => matchDeliveriesBetween(book, '2025-09', '2026-09', null, settings, '2026-10-10'));
    expect(xs8()).toEqual(byKeys);
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

  it('are inserted plainly where the periods hold none yet, compared where they do, to the same end', async () => {
    const settings = reconcileSettings(await tempBook('settings.kasettle'));
    const world = async (name: string) => {
      const book = await tempBook(name);
      const w = addSmallWorld(book);
      post(book,
        delivery(w, 'XS1', '2026-09-02', 'PO1', [[w.p001, 120, 64_000]]), receipt(w, 'YS1', '2026-09-03', 'PO1', [[w.p001, 120, 64_000]]),
        delivery(w, 'XS2', '2026-09-28', 'PO2', [[w.p003, 16, 399_000]]), receipt(w, 'YS2', '2026-10-02', 'PO2', [[w.p003, 15, 399_000]]),
        delivery(w, 'XS3', '2026-10-05', 'PO3', [[w.p001, 3, 64_000]]), receipt(w, 'YS4', '2026-10-09', null, [[w.p003, 1, 399_000]]));
      return book;
    };
    const both = { fromPeriod: '2026-09', toPeriod: '2026-10', kaAccountId: null, windowDays: 7, toleranceFen: 1, asOf: '2026-11-01' };
    const results = (book: Book) => book.db.prepare(`SELECT l.line_no, d.doc_no, r.* FROM (SELECT line_id, period, status, matched_by, received_qty,
        line_received_fen, days_outstanding, reason, NULL AS kind FROM recon_delivery_lines
      UNION ALL SELECT line_id, period, status, matched_by, NULL, NULL, NULL, reason, 'receipt' FROM recon_receipt_lines) r
      JOIN document_lines l ON l.id = r.line_id JOIN documents d ON d.id = l.document_id ORDER BY d.doc_no, l.line_no`).all()
      .map(({ line_id: _l, ...r }: any) => r);

    // Both months at once, none of them reconciled before: the plain INSERT.
    const fresh = await world('fresh.kasettle');
    expect(periodsHaveNoResults(fresh, 'recon_delivery_lines', both)).toBe(true);
    expect(periodsHaveNoResults(fresh, 'recon_receipt_lines', both)).toBe(true);
    fresh.write(() => matchDeliveriesBetween(fresh, '2026-09', '2026-10', null, settings, '2026-11-01'));

    // September first, then both months: the second run finds September's results and compares (a plain INSERT would
    // fail on their primary keys), and ends where the single run did.
    const stepwise = await world('stepwise.kasettle');
    stepwise.write(() => matchDeliveriesBetween(stepwise, '2026-09', '2026-09', null, settings, '2026-11-01'));
    expect(periodsHaveNoResults(stepwise, 'recon_delivery_lines', both)).toBe(false);
    expect(periodsHaveNoResults(stepwise, 'recon_receipt_lines', both)).toBe(false);
    expect(periodsHaveNoResults(stepwise, 'recon_delivery_lines', { ...both, fromPeriod: '2026-10' })).toBe(true);
    stepwise.write(() => matchDeliveriesBetween(stepwise, '2026-09', '2026-10', null, settings, '2026-11-01'));

    const expected = results(fresh);
    expect(expected.map((r: any) => [r.doc_no, r.status])).toEqual([
      ['XS1', 'matched'], ['XS2', 'short'], ['XS3', 'receipt_missing'], ['YS1', 'matched'], ['YS2', 'matched'], ['YS4', 'unexpected']]);
    expect(results(stepwise)).toEqual(expected);
  });
});
