import { describe, expect, it } from 'vitest';
import { checkBook } from '../../../core/book/check-book.js';
import { MasterDataWriter } from '../../../core/master-data/save-master-data.js';
import { accruePeriod } from '../../../core/terms/accrue-period.js';
import { explainDeliveryCost } from '../../../core/terms/delivery-cost.js';
import { explainPriceProtection } from '../../../core/terms/price-protection.js';
import { findContract } from '../../../db/queries/contracts.js';
import type { Book } from '../../../db/connection.js';
import { delivery, post, receipt } from '../../helpers/documents.js';
import { addSmallWorld } from '../../helpers/small-world.js';
import { tempBook } from '../../helpers/temp-book.js';
import { readStoredMessage, renderMessage } from '../../../locale/index.js';

type Rule = { region?: string; method: 'percent' | 'per_case' | 'per_drop'; rate?: number; amount?: number; monthlyFloor?: number; monthlyCap?: number };

async function setup(rules: Rule[]) {
  const book = await tempBook();
  const w = addSmallWorld(book);
  const north = book.write(() => {
    const writer = new MasterDataWriter(book, 'tester');
    writer.contract({ code: 'HT', manufacturerCode: 'M01', kaCode: 'RTM', validFrom: '2026-01-01', validTo: '2026-12-31', paymentTermsDays: 60, settlementMode: 'direct', deliveryCost: rules });
    return writer.store({ kaCode: 'RTM', storeCode: 'B001', name: '大润发北京店', region: '华北', distributorCode: 'D01' }) as number;
  });
  return { book, w, north };
}

const subsidy = (book: Book, period = '2026-09') => explainDeliveryCost(book, findContract(book, 'HT')!, period);

describe('delivery-cost subsidy (配送费补贴)', () => {
  it('pays a percent of accepted value, with a region paying per case, and per drop', async () => {
    const { book, w, north } = await setup([{ method: 'percent', rate: 30_000 }, { region: '华北', method: 'per_case', amount: 150 }]);
    // 华东: accepted 768.00 + 598.50 → 3 % = 40.995 → 41.00 ; 华北: 36 units of a 24-pack (1.5 cases) × 1.50 = 2.25, 8 of an 8-pack × 1.50 = 1.50
    post(book, receipt(w, 'YS1', '2026-09-03', 'PO1', [[w.p001, 120, 64_000], [w.p003, 15, 399_000]]),
      receipt(w, 'YS2', '2026-09-04', 'PO2', [[w.p001, 36, 64_000], [w.p003, 8, 399_000]], north));
    const [d] = subsidy(book);
    expect(d!.lines.map((l) => [l.region, l.method, l.amount])).toEqual([['华东', 'percent', 4_100], ['华北', 'per_case', 225], ['华北', 'per_case', 150]]);
    expect(d!.total).toBe(4_475);
    const perDrop = await setup([{ method: 'per_drop', amount: 2_000 }]);
    post(perDrop.book, delivery(perDrop.w, 'XS1', '2026-09-02', 'PO1', [[perDrop.w.p001, 10, 64_000]]), delivery(perDrop.w, 'XS2', '2026-09-05', 'PO2', [[perDrop.w.p001, 10, 64_000]]),
      receipt(perDrop.w, 'YS1', '2026-09-03', 'PO1', [[perDrop.w.p001, 10, 64_000]]));
    expect(subsidy(perDrop.book)[0]).toMatchObject({ total: 4_000, lines: [{ method: 'per_drop', quantity: 2, amount: 4_000 }] });
  });

  it('lifts a month to its floor and holds it at its cap', async () => {
    const { book, w } = await setup([{ method: 'percent', rate: 30_000, monthlyFloor: 50_000, monthlyCap: 100_000 }]);
    post(book, receipt(w, 'YS1', '2026-09-03', 'PO1', [[w.p001, 100, 64_000]])); // 3 % of 640.00 = 19.20 → floor 500.00
    expect(subsidy(book)[0]).toMatchObject({ subtotal: 1_920, total: 50_000 });
    post(book, receipt(w, 'YS2', '2026-10-03', 'PO2', [[w.p003, 1_000, 399_000]])); // 3 % of 39,900.00 = 1,197.00 → cap 1,000.00
    expect(subsidy(book, '2026-10')[0]).toMatchObject({ subtotal: 119_700, total: 100_000 });
    expect(subsidy(book, '2026-11')).toEqual([]); // nothing accepted: no floor either
    expect(accruePeriod(book, '2026-09', 'a').posted.deliveryCost).toBe(50_000);
    // The memo is stored as a code with its parameters and read in the reader's language.
    const lines = book.db.prepare("SELECT l.amount_fen, l.memo FROM document_lines l JOIN documents d ON d.id = l.document_id WHERE d.kind = 'delivery_cost_claim' ORDER BY l.line_no").all() as { amount_fen: number; memo: string }[];
    expect(lines.map((l) => ({ amount_fen: l.amount_fen, memo: readStoredMessage(l.memo) }))).toEqual([
      // 华东 at 3 % (30,000 ppm) of 640.00 accepted (64,000 fen) = 19.20; the floor lifts the month to 500.00
      { amount_fen: 1_920, memo: { code: 'memo.subsidy-line', params: { region: '华东', method: 'percent', detail: { code: 'terms.detail-percent', params: { accepted: 64_000, rate: 30_000 } } } } },
      { amount_fen: 48_080, memo: { code: 'memo.monthly-floor', params: {} } },
    ]);
    expect(renderMessage('zh', readStoredMessage(lines[1]!.memo))).not.toMatch(/[A-Za-z]/);
    expect(accruePeriod(book, '2026-09', 'a').posted.deliveryCost).toBe(0);
    expect(checkBook(book).ok).toBe(true);
  });
});

describe('price protection (补差)', () => {
  it('claims (normal − promotion price) × accepted quantity in the window, and names the stores that did not run it', async () => {
    const { book, w, north } = await setup([]);
    book.write(() => new MasterDataWriter(book, 't').promotion({
      code: 'CX9', kaCode: 'RTM', manufacturerCode: 'M01', name: '中秋档期', startDate: '2026-09-10', endDate: '2026-09-23',
      products: [{ sku: 'P001', normalPrice: 64_000, promoPrice: 56_000 }, { sku: 'P003', normalPrice: 399_000, promoPrice: 339_000 }],
      stores: ['A021', 'B001'],
    }));
    post(book,
      receipt(w, 'YS1', '2026-09-12', 'PO1', [[w.p001, 120, 56_000], [w.p003, 7, 339_000]]), // in the window at the promotion price
      receipt(w, 'YS2', '2026-09-25', 'PO2', [[w.p001, 50, 56_000]]), // after the window: not protected
      delivery(w, 'XS3', '2026-09-14', 'PO3', [[w.p001, 24, 64_000]], north), // B001 was supplied at the normal price
      receipt(w, 'YS3', '2026-09-15', 'PO3', [[w.p001, 24, 64_000]], north),
    );
    const [p] = explainPriceProtection(book, '2026-09');
    expect(p!.distributors[0]!.lines.map((l) => [l.store, l.sku, l.amount])).toEqual([['A021', 'P001', 9_600], ['A021', 'P003', 4_200]]);
    expect(p!.notExecuted).toEqual([{ store: 'B001', name: '大润发北京店', distributor: 'D01', evidence: 'normal_price' }]);
    const s = accruePeriod(book, '2026-09', 'a');
    expect(s.posted.priceProtection).toBe(13_800);
    expect(accruePeriod(book, '2026-09', 'a').posted.priceProtection).toBe(0);
    expect(checkBook(book).ok).toBe(true);
  });
});
