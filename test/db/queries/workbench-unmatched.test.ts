import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createBook } from '../../../core/book/create-book.js';
import { generateDemo } from '../../../core/demo/generate-demo.js';
import { decideResult } from '../../../core/reconcile/decide-result.js';
import { reconcilePeriod } from '../../../core/reconcile/reconcile-period.js';
import { workbenchLines } from '../../../core/reconcile/workbench.js';
import type { Book } from '../../../db/connection.js';
import { tempDir } from '../../helpers/temp-book.js';

/**
 * The workbench's status filter for anything but 'matched' reads the few rows that did not match through the
 * partial index recon_delivery_unmatched, plus the lines a user overrode from 'matched' (issue 18 point 4). Its
 * pages and sums must be exactly the unfiltered pages' rows whose status, with the user's override, is the one asked.
 */
let book: Book;
const range = { from: '2025-11', to: '2025-12' };

beforeAll(async () => {
  book = await createBook(join(tempDir(), 'workbench.kasettle'), 'tester');
  generateDemo(book, { seed: 3, scale: 'tiny' });
  for (const period of ['2025-11', '2025-12']) reconcilePeriod(book, { period, actor: 'tester', asOf: '2026-01-31' });
}, 60_000);

function everyPage(q: { status?: string; ka?: string }, size: number) {
  const rows = [];
  for (let offset = 0; ; offset += size) {
    const page = workbenchLines(book, { ...range, ...q, offset, limit: size }).rows;
    rows.push(...page);
    if (page.length < size) return rows;
  }
}

describe('the workbench\'s unmatched filter', () => {
  it('gives the unfiltered rows whose status (with the user\'s overrides) is asked, in the same order, with their sums', () => {
    const all = everyPage({}, 500);
    const matched = all.filter((r) => r.status === 'matched');
    const short = all.filter((r) => r.status === 'short');
    expect(matched.length).toBeGreaterThan(2);
    expect(short.length).toBeGreaterThan(2);
    // overrides both ways: found matched said to be short or over, found short said to be matched or over
    decideResult(book, matched[0]!.line_id, { decision: 'overridden', to: 'short', note: 'a KA credit note reverses the receipt' }, 'tester');
    decideResult(book, matched[1]!.line_id, { decision: 'overridden', to: 'over', note: 'counted twice by the KA' }, 'tester');
    decideResult(book, short[0]!.line_id, { decision: 'overridden', to: 'matched', note: 'the rest came on the next receipt' }, 'tester');
    decideResult(book, short[1]!.line_id, { decision: 'overridden', to: 'over', note: 'the KA miscounted' }, 'tester');
    decideResult(book, short[2]!.line_id, { decision: 'annotated', note: 'asked the store' }, 'tester');

    const now = everyPage({}, 500);
    const wanted = { unmatched: (s: string) => s !== 'matched', short: (s: string) => s === 'short', over: (s: string) => s === 'over', matched: (s: string) => s === 'matched' };
    for (const [status, keep] of Object.entries(wanted)) {
      const expected = now.filter((r) => keep(r.status));
      expect(expected.length, status).toBeGreaterThan(0);
      // small pages, so the two halves (found unmatched, overridden from matched) meet inside pages
      expect(everyPage({ status }, 7), status).toEqual(expected);
      const first = workbenchLines(book, { ...range, status, withTotal: true, offset: 0, limit: 7 });
      const delivered = expected.reduce((s, r) => s + r.line_delivered_fen, 0);
      const received = expected.reduce((s, r) => s + r.line_received_fen, 0);
      expect(first.total, status).toBe(expected.length);
      expect(first.sums, status).toEqual({ delivered, received, difference: received - delivered });
    }
    const ids = everyPage({ status: 'unmatched' }, 50).map((r) => r.line_id);
    expect(ids).toContain(matched[0]!.line_id);
    expect(ids).toContain(matched[1]!.line_id);
    expect(ids).not.toContain(short[0]!.line_id);

    // with a KA as well
    const ka = now.find((r) => r.status !== 'matched')!.ka!;
    expect(everyPage({ status: 'unmatched', ka }, 9)).toEqual(now.filter((r) => r.status !== 'matched' && r.ka === ka));
  });

  it('reads the unmatched rows through the partial index, not every result', () => {
    const plan = (book.db.prepare(`EXPLAIN QUERY PLAN SELECT count(*) FROM recon_delivery_lines r INDEXED BY recon_delivery_unmatched
      WHERE r.status <> 'matched' AND r.period BETWEEN '2025-11' AND '2025-12'`).all() as { detail: string }[]).map((r) => r.detail);
    expect(plan.join('\n')).toMatch(/USING (COVERING )?INDEX recon_delivery_unmatched/);
    const counted = book.db.prepare(`SELECT count(*) AS n FROM recon_delivery_lines r INDEXED BY recon_delivery_unmatched WHERE r.status <> 'matched'`).get() as { n: number };
    const all = book.db.prepare(`SELECT count(*) AS n FROM recon_delivery_lines NOT INDEXED WHERE status <> 'matched'`).get() as { n: number };
    expect(counted.n).toBe(all.n);
  });
});
