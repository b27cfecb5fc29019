import { beforeAll, describe, expect, it } from 'vitest';
import { createBook } from '../../../core/book/create-book.js';
import { generateDemo } from '../../../core/demo/generate-demo.js';
import { reconcilePeriod } from '../../../core/reconcile/reconcile-period.js';
import type { StatementDocument } from '../../../core/statement/statement-document.js';
import { UserError } from '../../../core/errors.js';
import { DETAIL_PAGE_MAX, statementDetailPage, statementDetailTables } from '../../../core/statement/statement-detail-page.js';
import { statementHtml } from '../../../core/statement/statement-html.js';
import { statementDocument } from '../../../core/statement/statement-service.js';
import { join } from 'node:path';
import { tempDir } from '../../helpers/temp-book.js';

/** The window reads a statement as its summary, then its detail tables a page at a time (issue 18 point 4). */
describe('a statement\'s detail tables, a page at a time', () => {
  let doc: StatementDocument;
  beforeAll(async () => {
    // one tiny demo book for both cases, reconciled so the statement has its delivery lines
    const book = await createBook(join(tempDir(), 'statement.kasettle'), 'tester');
    generateDemo(book, { seed: 3, scale: 'tiny' });
    reconcilePeriod(book, { period: '2025-12', actor: 'tester', asOf: '2026-01-31' });
    doc = statementDocument(book, '2025-12', 'D01');
    book.close();
  });

  it('give back every row of every table, in order, and nothing else', () => {
    const deliveries = doc.content.details.deliveries;
    expect(deliveries.length).toBeGreaterThan(40);
    const tables = statementDetailTables(doc);
    expect(tables.map((t) => t.rows)).toEqual([deliveries.length, doc.content.details.deductions.length, doc.content.details.claims.length,
      doc.content.details.remittances.length, doc.content.details.accruals.length, ...(doc.content.corrections?.length ? [doc.content.corrections.length] : []),
      ...(doc.content.invoices ? [doc.content.invoices.differences.length] : [])]);
    // the demo keeps invoices: the statement's 发票 table is the last, its differences in words
    const invoices = doc.content.invoices;
    if (invoices) expect(tables.at(-1)!.rows).toBe(invoices.differences.length);

    for (const t of tables) {
      const rows: unknown[] = [];
      for (let offset = 0; offset < t.rows; offset += 20) {
        const page = statementDetailPage(doc, t.table, offset, 20);
        expect(page).toMatchObject({ table: t.table, name: t.name, offset, total: t.rows });
        expect(page.rows.length).toBe(Math.min(20, t.rows - offset));
        rows.push(...page.rows);
      }
      // the cells as printed: numbers and numbers as they are, statuses and verdicts in words (never the raw code)
      const isInvoices = !!invoices && t.table === tables.length - 1;
      const source = (isInvoices ? invoices.differences.map((d) => ({ ka: d.ka, kind: d.kind, what: d.what, amount_fen: d.amount }))
        : t.table === 0 ? deliveries : Object.values(doc.content.details)[t.table] ?? doc.content.corrections) as Record<string, unknown>[];
      expect(rows).toHaveLength(source.length);
      rows.forEach((row, i) => {
        for (const [key, value] of Object.entries(row as Record<string, unknown>)) {
          const raw = source[i]![key];
          if (typeof raw === 'number' || raw === null || raw === undefined) expect(value ?? null).toEqual(raw ?? null);
          else expect(typeof value).toBe('string');
        }
      });
      if (t.table === 0) expect(rows.map((r) => (r as { delivery_no: string }).delivery_no)).toEqual(deliveries.map((d) => d.delivery_no));
    }
    expect(statementDetailPage(doc, 0, deliveries.length, 70).rows).toEqual([]);
    expect(statementDetailPage(doc, 0, 0, 10_000).rows.length).toBe(Math.min(DETAIL_PAGE_MAX, deliveries.length));
    expect(() => statementDetailPage(doc, tables.length, 0, 10)).toThrow(UserError);
  });

  it('leave the summary HTML without them, and the printed statement with them', () => {
    const numbers = [...new Set(doc.content.details.deliveries.map((d) => d.delivery_no as string))];
    const summary = statementHtml(doc);
    const printed = statementHtml(doc, { withDetails: true });
    expect(summary).toContain('结算单');
    expect(numbers.filter((n) => summary.includes(n))).toEqual([]);
    expect(numbers.filter((n) => !printed.includes(n))).toEqual([]);
  });
});
