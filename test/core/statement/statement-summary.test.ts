import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createBook } from '../../../core/book/create-book.js';
import { acceptCloseExceptions, preparePeriod } from '../../../core/close/close-period.js';
import { generateDemo } from '../../../core/demo/generate-demo.js';
import { lineAmount } from '../../../core/money/rounding.js';
import { reconcilePeriod } from '../../../core/reconcile/reconcile-period.js';
import { buildStatement } from '../../../core/statement/build-statement.js';
import { statementDetailPage, statementDetailTables } from '../../../core/statement/statement-detail-page.js';
import { statementHtml } from '../../../core/statement/statement-html.js';
import { statementDocument } from '../../../core/statement/statement-service.js';
import { statementDetailPageOf, statementSummary } from '../../../core/statement/statement-summary.js';
import type { Book } from '../../../db/connection.js';
import { activeDistributors } from '../../../db/queries/statement-data.js';
import { delivery, post, receipt } from '../../helpers/documents.js';
import { addPeople } from '../../helpers/people.js';
import { addSmallWorld } from '../../helpers/small-world.js';
import { tempBook, tempDir } from '../../helpers/temp-book.js';

/**
 * The window's summary of a statement is computed without building its detail rows (issue 18 point 4): every
 * figure must still be the whole statement's, to the fen, and each detail table's size the number of its rows.
 */
const MONTHS = ['2025-11', '2025-12'];

/** The whole statement's figures and table sizes, the slow way: every detail row built. */
function wholeStatement(book: Book, period: string, distributor: string) {
  const { details, ...figures } = buildStatement(book, period, distributor);
  return { figures, details };
}

describe('a statement\'s summary, without its detail rows', () => {
  let book: Book;
  beforeAll(async () => {
    book = await createBook(join(tempDir(), 'summary.kasettle'), 'tester');
    generateDemo(book, { seed: 3, scale: 'tiny' });
    for (const period of MONTHS) reconcilePeriod(book, { period, actor: 'tester', asOf: '2026-01-31' });
  }, 60_000);

  it('has the whole statement\'s figures and detail sizes for every distributor of the demo\'s months', () => {
    let compared = 0;
    for (const period of MONTHS) {
      for (const { code } of activeDistributors(book, period)) {
        const whole = wholeStatement(book, period, code);
        const summary = statementSummary(book, period, code);
        expect(summary.content).toEqual(whole.figures);
        expect(summary.sha256).toBeNull();
        expect(summary.version).toBeNull();
        const sizes = [whole.details.deliveries.length, whole.details.deductions.length, whole.details.claims.length, whole.details.remittances.length,
          whole.details.accruals.length, ...(whole.figures.corrections?.length ? [whole.figures.corrections.length] : []),
          ...(whole.figures.invoices ? [whole.figures.invoices.differences.length] : [])];
        expect(summary.tables.map((t) => t.rows)).toEqual(sizes);
        // the summary page prints the same sections as the whole statement's, without the detail tables
        expect(statementHtml(summary)).toBe(statementHtml(statementDocument(book, period, code)));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(2);
  });

  it('pages a draft\'s detail tables with the rows of the whole statement, in its order', () => {
    const doc = statementDocument(book, '2025-12', 'D01');
    const tables = statementDetailTables(doc);
    expect(tables[0]!.rows).toBeGreaterThan(40);
    for (const t of tables) {
      for (const offset of [0, 17, Math.max(0, t.rows - 5), t.rows]) {
        expect(statementDetailPageOf(book, '2025-12', 'D01', undefined, t.table, offset, 20)).toEqual(statementDetailPage(doc, t.table, offset, 20));
      }
    }
  });

  it('shows a prepared version with the hash it was frozen with, read from the version', () => {
    const people = addPeople(book);
    acceptCloseExceptions(book, '2025-11', 'all', 'test', people.wang);
    const made = preparePeriod(book, '2025-11', people.wang, '2026-01-31').statements.find((s) => s.distributor === 'D01')!;
    const summary = statementSummary(book, '2025-11', 'D01');
    const doc = statementDocument(book, '2025-11', 'D01');
    expect(summary).toMatchObject({ version: made.version, sha256: made.sha256, status: 'prepared' });
    const { details: _d, ...figures } = doc.content;
    expect(summary.content).toEqual(figures);
    expect(summary.tables).toEqual(statementDetailTables(doc));
    expect(statementDetailPageOf(book, '2025-11', 'D01', undefined, 0, 3, 10)).toEqual(statementDetailPage(doc, 0, 3, 10));
  });
});

describe('a hand-made month\'s summary', () => {
  it('adds up what was delivered and accepted, as the whole statement does', async () => {
    const book = await tempBook();
    const w = addSmallWorld(book);
    // two deliveries to 大润发杨浦店, one accepted in full, one short by 4 units
    post(book,
      delivery(w, 'XS1', '2026-09-02', 'PO1', [[w.p001, 120, 64_000]]), receipt(w, 'YS1', '2026-09-03', 'PO1', [[w.p001, 120, 64_000]]),
      delivery(w, 'XS2', '2026-09-10', 'PO2', [[w.p003, 20, 399_000]]), receipt(w, 'YS2', '2026-09-11', 'PO2', [[w.p003, 16, 399_000]]));
    reconcilePeriod(book, { period: '2026-09', actor: 'tester', asOf: '2026-10-15' });
    const summary = statementSummary(book, '2026-09', 'D01');
    // by hand: 120 × 6.40 yuan + 16 × 39.90 yuan accepted
    const accepted = 120 * 640 + 16 * 3990;
    expect(lineAmount(120_000, 64_000) + lineAmount(16_000, 399_000)).toBe(accepted);
    expect(summary.content.totals.accepted).toBe(accepted);
    expect(summary.content.totals.receivable.closing).toBe(accepted);
    expect(summary.tables[0]).toMatchObject({ rows: 2 });
    const whole = wholeStatement(book, '2026-09', 'D01');
    expect(summary.content).toEqual(whole.figures);
    expect(summary.tables.map((t) => t.rows)).toEqual([2, 0, 0, 0, 0]);
    const page = statementDetailPageOf(book, '2026-09', 'D01', undefined, 0, 0, 10);
    expect(page.rows.map((r) => r.delivery_no)).toEqual(['XS1', 'XS2']);
    expect(page.rows.map((r) => r.accepted_fen)).toEqual([120 * 640, 16 * 3990]);
  });
});
