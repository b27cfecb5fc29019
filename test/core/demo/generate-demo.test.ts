import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkBook } from '../../../core/book/check-book.js';
import { generateDemo } from '../../../core/demo/generate-demo.js';
import type { Book } from '../../../db/connection.js';
import { tempBook } from '../../helpers/temp-book.js';

function fingerprint(book: Book): string {
  const rows = book.db.prepare('SELECT kind, natural_key, content_hash FROM documents ORDER BY kind, natural_key').all() as { content_hash: string }[];
  return `${rows.length}:${createHash('sha256').update(rows.map((r) => r.content_hash).join()).digest('hex')}`;
}

const count = (book: Book, sql: string) => (book.db.prepare(sql).get() as { n: number }).n;

describe('the demo book', () => {
  it('is the same for the same seed and different for another', async () => {
    const a = await tempBook('a.kasettle');
    const b = await tempBook('b.kasettle');
    const c = await tempBook('c.kasettle');
    generateDemo(a, { seed: 7 });
    generateDemo(b, { seed: 7 });
    generateDemo(c, { seed: 8 });
    expect(fingerprint(a)).toBe(fingerprint(b));
    expect(fingerprint(a)).not.toBe(fingerprint(c));
  });

  it('holds the cast and a year of business the later features need, and passes every check', async () => {
    const book = await tempBook();
    generateDemo(book, { seed: 1 });
    expect(count(book, 'SELECT count(*) AS n FROM ka_accounts')).toBeGreaterThanOrEqual(4);
    expect(count(book, 'SELECT count(DISTINCT rebate_tier_mode || settlement_mode || rebate_basis || fee_points_ppm) AS n FROM contracts WHERE distributor_id IS NULL')).toBeGreaterThanOrEqual(4);
    expect(count(book, 'SELECT count(*) AS n FROM stores')).toBeGreaterThanOrEqual(120);
    expect(count(book, 'SELECT count(DISTINCT region) AS n FROM stores')).toBeGreaterThanOrEqual(3);
    expect(count(book, 'SELECT count(DISTINCT distributor_id) AS n FROM stores')).toBeGreaterThanOrEqual(3);
    expect(count(book, 'SELECT count(*) AS n FROM products')).toBeGreaterThanOrEqual(150);
    expect(count(book, "SELECT count(DISTINCT period) AS n FROM documents WHERE kind = 'delivery'")).toBe(12);
    for (const kind of ['delivery', 'receipt', 'return', 'statement', 'deduction', 'remittance', 'manufacturer_credit']) {
      expect(count(book, `SELECT count(*) AS n FROM documents WHERE kind = '${kind}'`), kind).toBeGreaterThan(0);
    }
    expect(count(book, "SELECT count(*) AS n FROM document_lines l JOIN documents d ON d.id = l.document_id WHERE d.kind = 'delivery'")).toBeGreaterThan(15_000);
    // Sales at promotion prices, and deductions of the usual fee wording, 账扣 and 票扣 both.
    expect(count(book, `SELECT count(*) AS n FROM document_lines l JOIN documents d ON d.id = l.document_id
      JOIN promotions p ON p.ka_account_id = d.ka_account_id AND d.doc_date BETWEEN p.start_date AND p.end_date
      JOIN promotion_products pp ON pp.promotion_id = p.id AND pp.product_id = l.product_id AND pp.promo_price_e4 = l.price_e4
      WHERE d.kind = 'delivery'`)).toBeGreaterThan(0);
    expect(count(book, "SELECT count(DISTINCT method) AS n FROM documents WHERE kind = 'deduction'")).toBe(2);
    expect(count(book, "SELECT count(DISTINCT method) AS n FROM documents WHERE kind = 'remittance'")).toBe(2);
    const report = checkBook(book);
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
  });

  it('records every irregularity it injects, each pointing at a real document', async () => {
    const book = await tempBook();
    generateDemo(book, { seed: 3 });
    const kinds = (book.db.prepare('SELECT DISTINCT kind FROM demo_injections').all() as { kind: string }[]).map((r) => r.kind);
    for (const k of ['short', 'over', 'price_diff', 'receipt_missing', 'split_receipt', 'merged_receipt', 'missing_po', 'unexpected_receipt_line',
      'deduction_fee_type', 'late_remittance', 'short_remittance', 'statement_missing_receipt', 'promotion_not_executed', 'channel_price_gap', 'order_spike']) {
      expect(kinds, k).toContain(k);
    }
    // Line-level injections name a document and line that exist.
    const dangling = count(book, `SELECT count(*) AS n FROM demo_injections i WHERE i.kind IN ('short', 'over', 'price_diff', 'receipt_missing', 'deduction_fee_type', 'unexpected_receipt_line')
      AND NOT EXISTS (SELECT 1 FROM documents d JOIN document_lines l ON l.document_id = d.id
        WHERE d.kind = CASE i.kind WHEN 'deduction_fee_type' THEN 'deduction' WHEN 'unexpected_receipt_line' THEN 'receipt' ELSE 'delivery' END
          AND d.natural_key = i.natural_key AND l.line_no = i.line_no)`);
    expect(dangling).toBe(0);
    // A short line really is short: the store's receipt holds less of that product than the note.
    const shortLine = book.db.prepare("SELECT natural_key, line_no, detail_json FROM demo_injections WHERE kind = 'short' LIMIT 1").get() as { natural_key: string; line_no: number; detail_json: string };
    const detail = JSON.parse(shortLine.detail_json) as { delivered: number; received: number };
    expect(detail.received).toBeLessThan(detail.delivered);
    const delivered = book.db.prepare(`SELECT l.qty_milli AS q FROM documents d JOIN document_lines l ON l.document_id = d.id
      WHERE d.kind = 'delivery' AND d.natural_key = ? AND l.line_no = ?`).get(shortLine.natural_key, shortLine.line_no) as { q: number };
    expect(delivered.q).toBe(detail.delivered);
  });

  it('refuses a book that already holds data', async () => {
    const book = await tempBook();
    generateDemo(book, { seed: 1 });
    expect(() => generateDemo(book, { seed: 2 })).toThrow(/needs an empty book/);
  });
});
