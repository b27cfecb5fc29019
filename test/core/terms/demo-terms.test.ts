import { describe, expect, it } from 'vitest';
import { checkBook } from '../../../core/book/check-book.js';
import { generateDemo } from '../../../core/demo/generate-demo.js';
import { accruePeriod } from '../../../core/terms/accrue-period.js';
import { explainRebate } from '../../../core/terms/rebate-accrual.js';
import { findContract } from '../../../db/queries/contracts.js';
import { tempBook } from '../../helpers/temp-book.js';

const MONTHS = ['2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'];

describe('contract terms over the demo year', () => {
  it('accrue every contract, true up at year end, and find only the injected promotions not executed at the normal price', async () => {
    const book = await tempBook();
    generateDemo(book, { seed: 5 });
    const summaries = MONTHS.map((m) => accruePeriod(book, m, 'accountant'));
    // Every rebate contract ends the year with accruals equal to its actual year.
    for (const code of ['HT-RTM-2025', 'HT-CRF-2025', 'HT-WMT-2025', 'HT-D01-RTM-2025']) {
      const e = explainRebate(book, findContract(book, code)!, '2026-10')!;
      expect(e.trueUp, code).toBe(true);
      const posted = (book.db.prepare("SELECT coalesce(sum(total_fen), 0) AS s FROM documents WHERE kind = 'rebate_accrual' AND natural_key LIKE ?").get(`REBATE|${code}|%`) as { s: number }).s;
      expect(posted, code).toBe(e.target);
    }
    // Quarterly contract (Metro): true-ups at every quarter end.
    expect(summaries.filter((s) => s.rebates.some((r) => r.contract === 'HT-MET-2025' && r.trueUp)).map((s) => s.period)).toEqual(['2026-01', '2026-04', '2026-07', '2026-10']);
    const injected = new Set((book.db.prepare("SELECT detail_json FROM demo_injections WHERE kind = 'promotion_not_executed'").all() as { detail_json: string }[])
      .map((r) => { const d = JSON.parse(r.detail_json) as { promotion: string; store: string }; return `${d.promotion}/${d.store}`; }));
    const found = summaries.flatMap((s) => s.priceProtection.flatMap((p) => p.notExecuted.filter((n) => n.evidence === 'normal_price').map((n) => `${p.promotion}/${n.store}`)));
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) expect(injected.has(f), f).toBe(true);
    expect(summaries.every((s) => s.posted.deliveryCost > 0)).toBe(true);
    expect(accruePeriod(book, '2026-10', 'accountant').posted).toEqual({ rebates: 0, deliveryCost: 0, priceProtection: 0 });
    expect(checkBook(book).checks.filter((c) => !c.ok)).toEqual([]);
  });
});
