import { describe, expect, it } from 'vitest';
import { checkBook } from '../../../core/book/check-book.js';
import { generateDemo } from '../../../core/demo/generate-demo.js';
import { reconcilePeriod, type ReconcileSummary } from '../../../core/reconcile/reconcile-period.js';
import { tempBook } from '../../helpers/temp-book.js';

const PERIODS = ['2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'];

describe('reconciling the demo year', () => {
  it('finds exactly the irregularities the generator injected, and nothing else', async () => {
    const book = await tempBook();
    generateDemo(book, { seed: 11 });
    const summaries: ReconcileSummary[] = PERIODS.map((period) => reconcilePeriod(book, { period, actor: 'accountant', asOf: '2026-11-27' }));
    const q = <T>(sql: string) => book.db.prepare(sql).all() as T[];

    // Delivery lines: the injected status, matched otherwise.
    const truth = new Map(q<{ id: number; kind: string }>(`SELECT l.id, i.kind FROM demo_injections i
      JOIN documents d ON d.kind = 'delivery' AND d.natural_key = i.natural_key JOIN document_lines l ON l.document_id = d.id AND l.line_no = i.line_no
      WHERE i.kind IN ('short', 'over', 'price_diff', 'receipt_missing')`).map((r) => [r.id, r.kind]));
    const results = q<{ line_id: number; status: string }>('SELECT line_id, status FROM recon_delivery_lines');
    const deliveryLines = q<{ n: number }>("SELECT count(*) AS n FROM document_lines l JOIN documents d ON d.id = l.document_id WHERE d.kind = 'delivery'")[0]!.n;
    expect(results).toHaveLength(deliveryLines);
    const wrong = results.filter((r) => (truth.get(r.line_id) ?? 'matched') !== r.status);
    expect(wrong).toEqual([]);
    expect(truth.size).toBeGreaterThan(200);

    // Receipt lines nobody delivered.
    const unexpectedTruth = q<{ id: number }>(`SELECT l.id FROM demo_injections i JOIN documents d ON d.kind = 'receipt' AND d.natural_key = i.natural_key
      JOIN document_lines l ON l.document_id = d.id AND l.line_no = i.line_no WHERE i.kind = 'unexpected_receipt_line'`).map((r) => r.id).sort();
    const unexpected = q<{ line_id: number }>("SELECT line_id FROM recon_receipt_lines WHERE status = 'unexpected'").map((r) => r.line_id).sort();
    expect(unexpected).toEqual(unexpectedTruth);
    expect(summaries.reduce((s, x) => s + x.unexpectedReceiptLines, 0)).toBe(unexpectedTruth.length);

    // Deductions: the true fee type where the wording names one; unknown wording and fees above the contract disputed.
    const deductions = q<{ fee_type: string | null; verdict: string; detail_json: string }>(`SELECT c.fee_type, c.verdict, i.detail_json FROM deduction_checks c
      JOIN document_lines l ON l.id = c.line_id JOIN documents d ON d.id = l.document_id
      JOIN demo_injections i ON i.kind = 'deduction_fee_type' AND i.natural_key = d.natural_key AND i.line_no = l.line_no`);
    expect(deductions.length).toBe(q<{ n: number }>("SELECT count(*) AS n FROM demo_injections WHERE kind = 'deduction_fee_type'")[0]!.n);
    for (const d of deductions) {
      const t = JSON.parse(d.detail_json) as { feeType: string; overContract?: boolean };
      if (t.feeType === 'unknown') expect(d.verdict).toBe('unknown');
      else {
        expect(d.fee_type, JSON.stringify(t)).toBe(t.feeType);
        expect(d.verdict, JSON.stringify(t)).toBe(t.overContract ? 'over_contract' : 'ok');
      }
    }

    // KA statements: each injected omission or misstatement is a difference, and nothing else is.
    const statementNoise = q<{ natural_key: string }>("SELECT natural_key FROM demo_injections WHERE kind IN ('statement_missing_receipt', 'statement_amount_diff')").map((r) => r.natural_key.split('|')[1]).sort();
    const withDifferences = summaries.flatMap((s) => s.statements.detail.filter((d) => d.differences.length > 0).map((d) => d.statement)).sort();
    expect(withDifferences).toEqual(statementNoise);

    // Short remittances leave receipts owing; every clearing sums to zero and the book stays sound.
    expect(summaries.reduce((s, x) => s + x.remittances.shortPaid, 0)).toBeGreaterThan(0);
    expect(summaries.reduce((s, x) => s + x.claims.created, 0)).toBeGreaterThan(0);
    const report = checkBook(book);
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
  });
});
