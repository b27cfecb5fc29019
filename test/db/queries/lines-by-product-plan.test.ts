import { describe, expect, it } from 'vitest';
import { matchPeriodDeliveries } from '../../../core/reconcile/match-deliveries.js';
import { reconcileSettings } from '../../../core/reconcile/settings.js';
import type { Book } from '../../../db/connection.js';
import { deliveryCandidates } from '../../../db/queries/unexpected-receipts.js';
import { receiptSide } from '../../../db/queries/workbench.js';
import { delivery, post, receipt } from '../../helpers/documents.js';
import { addSmallWorld } from '../../helpers/small-world.js';
import { tempBook } from '../../helpers/temp-book.js';

/**
 * Migration 0019 drops document_lines_by_product, which cost about half of storing a line (issue 18). The queries that
 * could read lines by product alone — the workbench's receipt side of a delivery line, which did, and a receipt's
 * candidate deliveries — are run for real here with the statements they prepare recorded, and each plan is read with
 * EXPLAIN QUERY PLAN: lines are reached by their document or by order number, never by scanning every line. The book
 * has no ANALYZE statistics, so a small book plans as a large one does.
 */
type Recorded = { sql: string; args: unknown[] };

/** Runs `f` with every statement it prepares recorded with the arguments it was run with. */
function recording<T>(book: Book, f: () => T): { result: T; statements: Recorded[] } {
  const statements: Recorded[] = [];
  const prepare = book.db.prepare.bind(book.db);
  book.db.prepare = ((sql: string) => {
    const s = prepare(sql);
    for (const m of ['all', 'get', 'iterate'] as const) {
      const call = s[m].bind(s) as (...a: unknown[]) => unknown;
      (s as unknown as Record<string, unknown>)[m] = (...args: unknown[]) => {
        statements.push({ sql, args });
        return call(...args);
      };
    }
    return s;
  }) as typeof book.db.prepare;
  try {
    return { result: f(), statements };
  } finally {
    book.db.prepare = prepare;
  }
}

function lineReads(book: Book, r: Recorded): string[] {
  const plan = book.db.prepare(`EXPLAIN QUERY PLAN ${r.sql}`).all(...r.args) as { detail: string }[];
  return plan.map((p) => p.detail).filter((d) => /^(SCAN|SEARCH) (l|rl|dl)\b/.test(d));
}

async function matchedBook() {
  const book = await tempBook();
  const w = addSmallWorld(book);
  // YS1 and YS10: a number that begins another must not bring the other's lines.
  post(book,
    delivery(w, 'XS1', '2026-09-02', 'PO1', [[w.p001, 120, 64_000], [w.p003, 10, 399_000]]),
    receipt(w, 'YS1', '2026-09-03', 'PO1', [[w.p001, 100, 64_000], [w.p003, 10, 399_000]]),
    receipt(w, 'YS10', '2026-09-05', 'PO1', [[w.p001, 20, 64_000]]),
    receipt(w, 'YS100', '2026-09-06', 'PO9', [[w.p001, 7, 64_000]]));
  book.write(() => matchPeriodDeliveries(book, '2026-09', null, reconcileSettings(book), '2026-10-10'));
  const lines = book.db.prepare(`SELECT l.id, d.doc_no, l.product_id FROM document_lines l JOIN documents d ON d.id = l.document_id ORDER BY l.id`)
    .all() as { id: number; doc_no: string; product_id: number }[];
  return { book, w, lines };
}

describe('lines are stored without an index by product', () => {
  it('the book holds no document_lines_by_product after migration 0019', async () => {
    const book = await tempBook();
    const names = book.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'document_lines'`).pluck().all();
    expect(names).not.toContain('document_lines_by_product');
    expect(names).toContain('document_lines_by_order');
  });

  it('the receipt side of a delivery line is its receipts\' lines of that product, reached by their numbers', async () => {
    const { book, w, lines } = await matchedBook();
    const xs1p001 = lines.find((l) => l.doc_no === 'XS1' && l.product_id === w.p001)!.id;
    const { result, statements } = recording(book, () => receiptSide(book, xs1p001));
    expect(result.map((r) => [r.doc_no, r.qty_milli])).toEqual([['YS1', 100_000], ['YS10', 20_000]]);
    const reads = statements.flatMap((s) => lineReads(book, s));
    expect(reads).toEqual(['SEARCH l USING INDEX sqlite_autoindex_document_lines_1 (document_id=?)']);
  });

  it('a receipt line\'s candidate deliveries read the receipt line and each candidate by id', async () => {
    const { book, lines } = await matchedBook();
    const ys100 = lines.find((l) => l.doc_no === 'YS100')!.id;
    const { result, statements } = recording(book, () => deliveryCandidates(book, ys100, 30));
    expect(result).toEqual([]);
    const reads = statements.flatMap((s) => lineReads(book, s));
    expect(reads.length).toBeGreaterThan(0);
    for (const r of reads) expect(r).toMatch(/^SEARCH (rl|dl) USING INTEGER PRIMARY KEY \(rowid=\?\)$/);
  });
});
