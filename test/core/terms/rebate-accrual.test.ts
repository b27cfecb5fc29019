import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkBook } from '../../../core/book/check-book.js';
import { MasterDataWriter } from '../../../core/master-data/save-master-data.js';
import { accruePeriod } from '../../../core/terms/accrue-period.js';
import { explainRebate } from '../../../core/terms/rebate-accrual.js';
import { rebateOn } from '../../../core/terms/rebate-tiers.js';
import { findContract } from '../../../db/queries/contracts.js';
import { setSettingJson } from '../../../db/queries/settings.js';
import type { Book } from '../../../db/connection.js';
import { post, receipt } from '../../helpers/documents.js';
import { addSmallWorld } from '../../helpers/small-world.js';
import { tempBook } from '../../helpers/temp-book.js';
import { renderMessage } from '../../../locale/index.js';

const MONTHS = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'].map((m) => `2026-${m}`);
const UNIT = 1_000_000; // a product at 100.00 yuan a unit: 10 units = 1,000.00 yuan

async function setup(mode: 'whole' | 'progressive', extra: Record<string, unknown> = {}) {
  const book = await tempBook();
  const w = addSmallWorld(book);
  book.write(() => new MasterDataWriter(book, 'tester').contract({
    code: 'HT', manufacturerCode: 'M01', kaCode: 'RTM', validFrom: '2026-01-01', validTo: '2026-12-31', paymentTermsDays: 60, settlementMode: 'direct',
    rebate: { tierMode: mode, tiers: [{ threshold: 1_000_000, rate: 10_000 }, { threshold: 2_000_000, rate: 20_000 }], ...extra },
  }));
  let n = 0;
  const sell = (period: string, units: number, product = w.p001, store = w.a021, price = UNIT) => {
    n++;
    post(book, receipt(w, `YS${n}`, `${period}-10`, `PO${n}`, [[product, units, price]], store));
  };
  return { book, w, sell };
}

const accrued = (book: Book, period: string) => accruePeriod(book, period, 'accountant').rebates.find((r) => r.contract === 'HT')!;
const posted = (book: Book) => (book.db.prepare("SELECT coalesce(sum(total_fen), 0) AS s FROM documents WHERE kind = 'rebate_accrual'").get() as { s: number }).s;

describe('rebate accrual', () => {
  it('accrues at the run-rate tier, re-rates the whole year when a tier is crossed, and trues up in December', async () => {
    const { book, sell } = await setup('whole');
    MONTHS.forEach((m, i) => sell(m, i < 6 ? 10 : 30)); // 1,000.00 a month, then 3,000.00: 24,000.00 in the year
    const targets = MONTHS.map((m) => accrued(book, m).target);
    // Jan–Jun project 12,000.00 (tier 1, 1 %); Jul projects 15,428.57; Aug 18,000.00; Sep 20,000.00 reaches tier 2 (2 %) and re-rates the year.
    expect(targets).toEqual([1_000, 2_000, 3_000, 4_000, 5_000, 6_000, 9_000, 12_000, 30_000, 36_000, 42_000, 48_000]);
    expect(accrued(book, '2026-12')).toMatchObject({ trueUp: true, base: 2_400_000, rate: 20_000, posted: 0 });
    expect(posted(book)).toBe(rebateOn([{ threshold: 1_000_000, rate: 10_000 }, { threshold: 2_000_000, rate: 20_000 }], 'whole', 2_400_000).amount);
    expect(checkBook(book).ok).toBe(true);
  });

  it('posts nothing on a second run, and only the difference after a late receipt', async () => {
    const { book, sell } = await setup('whole');
    for (const m of MONTHS.slice(0, 3)) sell(m, 15);
    for (const m of MONTHS.slice(0, 3)) accruePeriod(book, m, 'a');
    const before = posted(book);
    expect(accruePeriod(book, '2026-03', 'a').posted.rebates).toBe(0);
    sell('2026-03', 5); // a late receipt for March
    const again = accrued(book, '2026-03');
    expect(again.posted).toBe(again.target - before);
    expect(posted(book)).toBe(again.target);
  });

  it('pays progressive tiers slice by slice, and never more than whole-amount', async () => {
    const { book, sell } = await setup('progressive');
    MONTHS.forEach((m) => sell(m, 25)); // 30,000.00 in the year
    for (const m of MONTHS) accruePeriod(book, m, 'a');
    // 10,000.00 × 1 % + 10,000.00 × 2 % = 300.00
    expect(posted(book)).toBe(30_000);
    const e = explainRebate(book, findContract(book, 'HT')!, '2026-12')!;
    expect(e.slices.map((s) => s.amount)).toEqual([10_000, 20_000]);
    expect(renderMessage('en', e.rounding)).toMatch(/rounded half-up to the fen once/);
  });

  it('leaves promotion-price sales, excluded products and excluded stores out of the base', async () => {
    const { book, w, sell } = await setup('whole', { excludesPromotions: true, excludedProducts: ['P003'], excludedStores: ['A021'] });
    book.write(() => new MasterDataWriter(book, 't').promotion({ code: 'CX1', kaCode: 'RTM', manufacturerCode: 'M01', name: '档期', startDate: '2026-03-01', endDate: '2026-03-14',
      products: [{ sku: 'P001', normalPrice: UNIT, promoPrice: 900_000 }] }));
    const b = book.write(() => new MasterDataWriter(book, 't').store({ kaCode: 'RTM', storeCode: 'A035', name: '苏州店', region: '华东', distributorCode: 'D01' }));
    const a035 = b as number;
    sell('2026-03', 100, w.p001, a035); // counts: 10,000.00
    sell('2026-03', 10, w.p001, a035, 900_000); // at the promotion price on 2026-03-10: out (900.00)
    sell('2026-03', 10, w.p003, a035); // excluded product (1,000.00)
    sell('2026-03', 10, w.p001, w.a021); // excluded store (1,000.00)
    const e = explainRebate(book, findContract(book, 'HT')!, '2026-03')!;
    expect(e.base).toMatchObject({ accepted: 1_290_000, excludedProducts: 100_000, excludedStores: 100_000, excludedPromotions: 90_000, base: 1_000_000 });
  });

  it('uses the tier already reached when the book says so', async () => {
    const { book, sell } = await setup('whole');
    sell('2026-01', 10);
    book.write(() => setSettingJson(book, 'terms.rebate_accrual_basis', '"reached"', 'admin'));
    expect(accrued(book, '2026-01')).toMatchObject({ projection: 100_000, tierIndex: -1, target: 0 });
  });

  it('makes twelve accruals and the true-up add up to the year’s rebate, whatever the months sell', async () => {
    await fc.assert(fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 12, maxLength: 12 }), fc.constantFrom('whole' as const, 'progressive' as const), async (units, mode) => {
      const { book, sell } = await setup(mode);
      MONTHS.forEach((m, i) => { if (units[i]! > 0) sell(m, units[i]!); });
      for (const m of MONTHS) accruePeriod(book, m, 'a');
      const year = units.reduce((s, u) => s + u, 0) * 10_000;
      expect(posted(book)).toBe(rebateOn([{ threshold: 1_000_000, rate: 10_000 }, { threshold: 2_000_000, rate: 20_000 }], mode, year).amount);
      book.close();
    }), { numRuns: 12 });
  });
});
