import { describe, expect, it } from 'vitest';
import { checkBook } from '../../../core/book/check-book.js';
import { MasterDataWriter } from '../../../core/master-data/save-master-data.js';
import { moveClaim } from '../../../core/reconcile/fee-claims.js';
import { feeTypeOfWording } from '../../../core/reconcile/fee-words.js';
import { reclassifyDeduction } from '../../../core/reconcile/reclassify-deduction.js';
import { reconcilePeriod } from '../../../core/reconcile/reconcile-period.js';
import { balances } from '../../../db/queries/balances.js';
import { getClaim, listClaims } from '../../../db/queries/claims.js';
import { deductionChecksView } from '../../../db/queries/deductions.js';
import type { Book } from '../../../db/connection.js';
import { post, type World } from '../../helpers/documents.js';
import { addSmallWorld } from '../../helpers/small-world.js';
import { tempBook } from '../../helpers/temp-book.js';
import { said } from '../../helpers/said.js';

function contract(book: Book) {
  book.write(() => new MasterDataWriter(book, 'tester').contract({
    code: 'HT-RTM', manufacturerCode: 'M01', kaCode: 'RTM', validFrom: '2026-01-01', validTo: '2026-12-31', paymentTermsDays: 60, settlementMode: 'direct',
    feeTerms: [
      { feeType: 'barcode', manufacturerShare: 1_000_000, maxAmount: 200_000 },
      { feeType: 'anniversary', manufacturerShare: 500_000 },
      { feeType: 'info_service', manufacturerShare: 0 },
      { feeType: 'other', allowed: false, manufacturerShare: 0 },
    ],
  }));
}

function deduction(w: World, docNo: string, lines: [string, number][], date = '2026-09-30') {
  return { kind: 'deduction' as const, naturalKey: `RTM|${docNo}`, docNo, docDate: date, kaAccountId: w.rtm, storeId: w.a021,
    distributorId: w.distributorId, manufacturerId: w.manufacturerId, method: 'account',
    lines: lines.map(([feeText, amount]) => ({ storeId: w.a021, amount, feeText })) };
}

/** A book with the RTM contract and one September deduction document, reconciled. */
async function reconciledDeduction(lines: [string, number][]) {
  const book = await tempBook();
  const w = addSmallWorld(book);
  contract(book);
  post(book, deduction(w, 'KF1', lines));
  const summary = reconcile(book);
  return { book, w, summary };
}

const reconcile = (book: Book, period = '2026-09') => reconcilePeriod(book, { period, actor: 'accountant', asOf: '2026-10-15' });
const account = (book: Book, code: string) => balances(book, 'account').find((b) => b.account === code)?.balance_fen ?? 0;

describe('deductions', () => {
  it('reads fee types from the KA’s own wording', () => {
    expect(feeTypeOfWording('条码费')).toBe('barcode');
    expect(feeTypeOfWording('Listing Fee 条码费')).toBe('barcode');
    expect(feeTypeOfWording('新品进场费')).toBe('barcode');
    expect(feeTypeOfWording('9月端架')).toBe('end_cap');
    expect(feeTypeOfWording('中秋节庆费')).toBe('festival');
    expect(feeTypeOfWording('Retail Link信息费')).toBe('info_service');
    expect(feeTypeOfWording('系统维护费')).toBeUndefined();
    expect(feeTypeOfWording('其他扣款')).toBeUndefined();
  });

  it('checks each deduction against the contract, splits it half-up, and disputes what the contract does not cover', async () => {
    const { book, summary: s } = await reconciledDeduction([['条码费', 160_000], ['店庆费', 33_333], ['条码费', 250_000], ['系统维护费', 50_000], ['信息服务费', 20_000], ['端架费', 90_000]]);
    const rows = deductionChecksView(book, '2026-09', null, false, 100, 0);
    expect(rows.map((r) => [r.fee_type, r.verdict, r.manufacturer_fen, r.distributor_fen, r.disputed])).toEqual([
      ['barcode', 'ok', 160_000, 0, 0],
      ['anniversary', 'ok', 16_667, 16_666, 0], // 333.33 × 50 % = 166.665 → 166.67 for the manufacturer
      ['barcode', 'over_contract', 0, 0, 1],
      [null, 'unknown', 0, 0, 1],
      ['info_service', 'ok', 0, 20_000, 0],
      ['end_cap', 'not_allowed', 0, 0, 1],
    ]);
    expect(s.deductions).toMatchObject({ count: 6, total: 603_333, manufacturerShare: 176_667, distributorShare: 36_666, disputed: 390_000, disputedCount: 3 });
    // The manufacturer's share became one draft claim; the distributor's share its own expense; disputed stays pending.
    expect(s.claims).toEqual({ created: 1, amount: 176_667 });
    expect(account(book, 'claims_manufacturer')).toBe(176_667);
    expect(account(book, 'fee_expense')).toBe(36_666);
    expect(account(book, 'deductions_pending')).toBe(390_000);
    // Running again claims nothing twice.
    expect(reconcile(book).claims.created).toBe(0);
    expect(account(book, 'claims_manufacturer')).toBe(176_667);
    expect(checkBook(book).ok).toBe(true);
  });

  it('learns a reclassification as a rule for the KA, and claims the line on the next run', async () => {
    const { book, w } = await reconciledDeduction([['新品上柜支持', 100_000]]);
    const [line] = deductionChecksView(book, '2026-09', null, false, 10, 0);
    expect(line).toMatchObject({ verdict: 'ok', fee_type: 'barcode', classified_by: 'synonym' }); // 新品 is a barcode-fee keyword
    post(book, deduction(w, 'KF3', [['年度合作费', 30_000]]));
    reconcile(book);
    const odd = deductionChecksView(book, '2026-09', null, true, 10, 0).find((r) => r.fee_text === '年度合作费')!;
    expect(odd.verdict).toBe('unknown');
    reclassifyDeduction(book, odd.line_id, 'anniversary', 'accountant');
    post(book, deduction(w, 'KF4', [['年度合作费', 10_000]]));
    const after = reconcile(book);
    expect(after.deductions.disputedCount).toBe(0);
    expect(deductionChecksView(book, '2026-09', null, false, 10, 0).filter((r) => r.fee_text === '年度合作费').map((r) => r.classified_by)).toEqual(['user', 'rule']);
    expect(said(() => reclassifyDeduction(book, odd.line_id, 'display', 'accountant'))).toMatch(/已计入费用申请：请先驳回那张申请/);
  });
});

describe('fee claims', () => {
  it('move draft → submitted → approved → written off as the manufacturer’s credits cover them', async () => {
    const { book, w } = await reconciledDeduction([['条码费', 160_000]]);
    const [claim] = listClaims(book, null, 10, 0);
    expect(claim).toMatchObject({ status: 'draft', amount_fen: 160_000, open_fen: 160_000 });
    expect(JSON.parse(claim!.evidence_json)).toMatchObject({ period: '2026-09', ka: 'RTM', deductions: [{ deduction: 'KF1', store: 'A021', wording: '条码费', feeType: 'barcode', amountFen: 160_000, claimFen: 160_000 }] });
    expect(said(() => moveClaim(book, claim!.id, 'approved', 'm', { date: '2026-10-05' }))).toMatch(/现为草稿，不能改为已批准/);
    moveClaim(book, claim!.id, 'submitted', 'accountant', { date: '2026-10-05' });
    moveClaim(book, claim!.id, 'approved', 'manager', { date: '2026-10-06' });
    post(book, { kind: 'manufacturer_credit', naturalKey: 'M01|HX1', docNo: 'HX1', docDate: '2026-10-20', manufacturerId: w.manufacturerId, distributorId: w.distributorId, method: 'cash', lines: [{ amount: 100_000 }] });
    expect(said(() => moveClaim(book, claim!.id, 'written_off', 'accountant', { date: '2026-10-21' }))).toMatch(/还有 ¥600\.00 没有厂家核销覆盖/);
    post(book, { kind: 'manufacturer_credit', naturalKey: 'M01|HX2', docNo: 'HX2', docDate: '2026-10-25', manufacturerId: w.manufacturerId, distributorId: w.distributorId, method: 'goods', lines: [{ amount: 60_000 }] });
    expect(moveClaim(book, claim!.id, 'written_off', 'accountant', { date: '2026-10-26' })).toBe('written_off');
    expect(getClaim(book, claim!.id)).toMatchObject({ status: 'written_off', open_fen: 0 });
    expect(account(book, 'claims_manufacturer')).toBe(0);
    expect(book.db.prepare("SELECT count(*) AS n FROM audit_log WHERE entity = 'fee_claim'").get()).toEqual({ n: 3 });
    expect(checkBook(book).ok).toBe(true);
  });

  it('books a rejected claim as the distributor’s expense', async () => {
    const { book } = await reconciledDeduction([['条码费', 160_000]]);
    const [claim] = listClaims(book, null, 10, 0);
    moveClaim(book, claim!.id, 'submitted', 'accountant', { date: '2026-10-05' });
    expect(said(() => moveClaim(book, claim!.id, 'rejected', 'manager', { date: '2026-10-06' }))).toMatch(/驳回需要填写原因/);
    moveClaim(book, claim!.id, 'rejected', 'manager', { date: '2026-10-06', reason: 'not in the listing plan' });
    expect(account(book, 'claims_manufacturer')).toBe(0);
    expect(account(book, 'fee_expense')).toBe(160_000);
    expect(getClaim(book, claim!.id)).toMatchObject({ status: 'rejected', open_fen: 0 });
    expect(checkBook(book).ok).toBe(true);
  });
});

describe('manufacturer credits beyond fee claims', () => {
  it('clear subsidy and price-protection claims with what is left after approved fee claims', async () => {
    const book = await tempBook();
    const w = addSmallWorld(book);
    post(book,
      { kind: 'delivery_cost_claim', naturalKey: 'DCS|X|1', docNo: 'PS1', docDate: '2026-09-30', manufacturerId: w.manufacturerId, distributorId: w.distributorId, lines: [{ amount: 50_000 }] },
      { kind: 'manufacturer_credit', naturalKey: 'M01|HX9', docNo: 'HX9', docDate: '2026-10-20', manufacturerId: w.manufacturerId, distributorId: w.distributorId, method: 'cash', lines: [{ amount: 30_000 }] },
    );
    reconcile(book, '2026-10');
    const open = book.db.prepare(`SELECT d.doc_no, o.amount_fen + coalesce((SELECT sum(p.amount_fen) FROM clearing_parts p WHERE p.open_item_id = o.id), 0) AS open_fen
      FROM open_items o JOIN documents d ON d.id = o.document_id WHERE o.account = 'claims_manufacturer' ORDER BY d.doc_no`).all();
    expect(open).toEqual([{ doc_no: 'HX9', open_fen: 0 }, { doc_no: 'PS1', open_fen: 20_000 }]);
    expect(checkBook(book).ok).toBe(true);
  });
});
