import { describe, expect, it } from 'vitest';
import { checkBook } from '../../../core/book/check-book.js';
import { reversalChain } from '../../../core/corrections/chain-view.js';
import { reallocateRemittance } from '../../../core/corrections/reallocate.js';
import { reverseDocument } from '../../../core/corrections/reverse.js';
import { ageing } from '../../../core/credit/ageing.js';
import { moveClaim } from '../../../core/reconcile/fee-claims.js';
import { accruePeriod } from '../../../core/terms/accrue-period.js';
import { undoImport } from '../../../core/corrections/undo-import.js';
import { buildStatement } from '../../../core/statement/build-statement.js';
import { listClaims } from '../../../db/queries/claims.js';
import { periodCorrections } from '../../../db/queries/corrections.js';
import { ensurePeriod, setPeriodStatus } from '../../../db/queries/periods.js';
import { post, type World } from '../../helpers/documents.js';
import { addSmallWorld } from '../../helpers/small-world.js';
import { tempBook } from '../../helpers/temp-book.js';
import {
  account, correctionsBook, doc, importDeduction, importReceipts, importRemittance, ledgerAgainstDocumentsInForce, openOf, reconcile,
} from '../../helpers/corrections-book.js';

// These tests close months by hand (no sign-offs), which check rightly reports as closed without an audited close
// (periods-audit); every other check must hold.
const soundBook = (book: Parameters<typeof checkBook>[0]) => expect(checkBook(book).checks.filter((c) => !c.ok && c.name !== 'check.periods-audit')).toEqual([]);

describe('reversing a document (红字冲销)', () => {
  it('books the reversal of a closed month after the latest closed month, never in an empty open month before it', async () => {
    const book = await correctionsBook();
    await importReceipts(book, 'v1');
    const ysc1 = doc(book, 'YSC001');
    // September (the receipts) and November are closed; October, with nothing in it, was left open.
    book.write(() => {
      for (const p of ['2026-10', '2026-11']) ensurePeriod(book, p);
      setPeriodStatus(book, '2026-09', 'closed', 'manager');
      setPeriodStatus(book, '2026-11', 'closed', 'manager');
    });
    const r = reverseDocument(book, ysc1.id, { actor: 'lihua', reason: 'receipt keyed to the wrong KA', today: '2026-12-03' });
    expect(r).toMatchObject({ date: '2026-12-03', closedPeriod: '2026-09' });
    expect(openOf(book, ysc1.id) + openOf(book, r.reversalId)).toBe(0);
    soundBook(book);
  });

  it('un-clears what a receipt was paid with: the remittance gets the money back as unapplied, the other receipt stays paid', async () => {
    const book = await correctionsBook();
    await importReceipts(book, 'v1');
    await importRemittance(book);
    reconcile(book, '2026-10');
    const [ysc1, ysc2, fk] = [doc(book, 'YSC001'), doc(book, 'YSC002'), doc(book, 'FKC01', 'remittance')];
    expect([openOf(book, ysc1.id), openOf(book, ysc2.id), openOf(book, fk.id)]).toEqual([0, 0, 0]);

    // September is open: the reversal is dated in it (its last day, as today is in October); the clearing it
    // undoes is dated 20 October, so the un-clearing is too.
    const r = reverseDocument(book, ysc1.id, { actor: 'lihua', reason: 'receipt keyed to the wrong KA', today: '2026-10-25' });
    expect(r).toMatchObject({ docNo: 'YSC001', reversalNo: 'YSC001-R', date: '2026-09-30', closedPeriod: null });
    expect(r.unCleared).toEqual([expect.objectContaining({ documents: ['FKC01', 'YSC002'] })]);
    expect(r.unCleared[0]!.recleared).not.toBeNull();
    // By hand: the remittance paid 136,650 + 69,120; taking YSC001 out leaves 69,120 applied and 136,650 unapplied.
    expect(openOf(book, ysc1.id)).toBe(0);
    expect(openOf(book, r.reversalId)).toBe(0);
    expect(openOf(book, ysc2.id)).toBe(0);
    expect(openOf(book, fk.id)).toBe(-136_650);
    expect(account(book, 'ar_ka')).toBe(-136_650);
    expect(account(book, 'sales')).toBe(-69_120);
    // Every line and entry is the original's, negated.
    const lines = (id: number) => book.db.prepare('SELECT qty_milli, price_e4, amount_fen FROM document_lines WHERE document_id = ? ORDER BY line_no').all(id);
    expect(lines(r.reversalId)).toEqual((lines(ysc1.id) as { qty_milli: number; price_e4: number; amount_fen: number }[]).map((l) => ({ ...l, qty_milli: -l.qty_milli, amount_fen: -l.amount_fen })));

    // Ageing ties to the ledger on every day, before the remittance, between, and after.
    for (const day of ['2026-09-29', '2026-09-30', '2026-10-19', '2026-10-20', '2026-10-31']) {
      const a = ageing(book, day);
      expect(a.ties).toBe(true);
      expect(a.totals.total).toBe(account(book, 'ar_ka', day));
    }
    // As of 19 October the receipt was reversed and the remittance not yet in: only YSC002's 69,120 is owed.
    expect(ageing(book, '2026-10-19').totals.total).toBe(69_120);

    // The next run leaves the money unapplied: nothing else of RTM's is open.
    expect(reconcile(book, '2026-10').remittances).toMatchObject({ unapplied: 136_650, shortPaid: 0 });
    expect(() => reverseDocument(book, ysc1.id, { actor: 'lihua', reason: 'again' })).toThrow(/YSC001 was reversed on 2026-09-30 by lihua \(reversal YSC001-R\)/);
    expect(() => reverseDocument(book, r.reversalId, { actor: 'lihua', reason: 'undo' })).toThrow(/YSC001-R is the reversal of YSC001/);
    expect(() => reverseDocument(book, ysc2.id, { actor: 'lihua', reason: '  ' })).toThrow(/needs a reason/);
    const chain = reversalChain(book, ysc1.id);
    expect(chain.map((c) => [c.role, c.docNo, c.inForce])).toEqual([['version', 'YSC001', false], ['reversal', 'YSC001-R', false]]);
    expect(chain[0]!.reversedBy).toMatchObject({ docNo: 'YSC001-R', by: 'lihua', reason: 'receipt keyed to the wrong KA' });
    const audit = book.db.prepare("SELECT actor, after_json FROM audit_log WHERE action = 'reverse' AND entity = 'document'").get() as { actor: string; after_json: string };
    expect(audit.actor).toBe('lihua');
    expect(JSON.parse(audit.after_json)).toMatchObject({ reason: 'receipt keyed to the wrong KA', date: '2026-09-30' });
    soundBook(book);
  });

  it('reversing the remittance re-opens every receipt it paid', async () => {
    const book = await correctionsBook();
    await importReceipts(book, 'v1');
    await importRemittance(book);
    reconcile(book, '2026-10');
    const fk = doc(book, 'FKC01', 'remittance');
    const r = reverseDocument(book, fk.id, { actor: 'tester', reason: 'paid into another account', today: '2026-10-25' });
    expect(r.date).toBe('2026-10-25');
    expect(r.unCleared[0]!.recleared).toBeNull();
    expect([openOf(book, doc(book, 'YSC001').id), openOf(book, doc(book, 'YSC002').id), openOf(book, fk.id)]).toEqual([136_650, 69_120, 0]);
    expect(account(book, 'bank')).toBe(0);
    expect(reconcile(book, '2026-10').remittances).toMatchObject({ count: 0, total: 0, shortPaid: 0 });
    soundBook(book);
  });

  it('a deduction named by a remittance comes out of its clearing: the receipt it was taken from owes it again', async () => {
    const book = await tempBook();
    const w: World = addSmallWorld(book);
    const base = { manufacturerId: w.manufacturerId, distributorId: w.distributorId, kaAccountId: w.rtm, storeId: w.a021 };
    post(book,
      { kind: 'receipt', naturalKey: 'RTM|YS1', docNo: 'YS1', docDate: '2026-09-03', ...base, lines: [{ storeId: w.a021, productId: w.p001, qty: 100_000, price: 60_000, amount: 60_000 }] },
      { kind: 'deduction', naturalKey: 'RTM|KF1', docNo: 'KF1', docDate: '2026-09-20', ...base, method: 'account', lines: [{ amount: 20_000, feeText: '条码费' }] },
      { kind: 'remittance', naturalKey: 'RTM|FK1', docNo: 'FK1', docDate: '2026-10-10', ...base, method: 'direct', lines: [{ amount: 60_000, reference: 'YS1' }, { amount: -20_000, reference: 'KF1' }] });
    const ids = Object.fromEntries((book.db.prepare('SELECT doc_no, id FROM documents').all() as { doc_no: string; id: number }[]).map((r) => [r.doc_no, r.id]));
    reconcile(book, '2026-10');
    // By hand: 600.00 receivable, less the 200.00 deduction, paid by 400.00: all settled.
    expect([openOf(book, ids.YS1!), openOf(book, ids.KF1!), openOf(book, ids.FK1!)]).toEqual([0, 0, 0]);
    reverseDocument(book, ids.KF1!, { actor: 'tester', reason: 'fee charged to the wrong store', today: '2026-10-12' });
    // The receipt owes the 200.00 again; the remittance stays fully applied.
    expect([openOf(book, ids.YS1!), openOf(book, ids.KF1!), openOf(book, ids.FK1!)]).toEqual([20_000, 0, 0]);
    expect(account(book, 'ar_ka')).toBe(20_000);
    expect(account(book, 'deductions_pending')).toBe(0);
    soundBook(book);
  });

  it('corrects a closed month in the earliest open one, referring to it; the closed month and its statement are untouched', async () => {
    const book = await correctionsBook();
    await importReceipts(book, 'v1');
    await importRemittance(book);
    reconcile(book, '2026-09');
    reconcile(book, '2026-10');
    const september = JSON.stringify(buildStatement(book, '2026-09', 'D01'));
    const septemberRows = book.db.prepare("SELECT count(*) AS n, sum(amount_fen) AS s FROM entries WHERE period = '2026-09'").get();
    book.write(() => setPeriodStatus(book, '2026-09', 'closed', 'manager'));

    const ysc2 = doc(book, 'YSC002');
    const r = reverseDocument(book, ysc2.id, { actor: 'lihua', reason: 'store A035 returned the whole receipt', today: '2026-10-25' });
    expect(r).toMatchObject({ date: '2026-10-25', closedPeriod: '2026-09', reversalNo: 'YSC002-R' });
    expect(book.db.prepare('SELECT period, reference FROM documents WHERE id = ?').get(r.reversalId)).toEqual({ period: '2026-10', reference: 'YSC002' });
    expect(book.db.prepare("SELECT count(*) AS n, sum(amount_fen) AS s FROM entries WHERE period = '2026-09'").get()).toEqual(septemberRows);
    expect(JSON.stringify(buildStatement(book, '2026-09', 'D01'))).toBe(september);
    // FKC01 paid 69,120 for YSC002: that money is unapplied now.
    expect(openOf(book, doc(book, 'FKC01', 'remittance').id)).toBe(-69_120);

    // October's statement carries the correction of September, and its roll-forward the reversal.
    const october = buildStatement(book, '2026-10', 'D01');
    expect(october.corrections).toEqual([expect.objectContaining({
      action: 'reversal', docNo: 'YSC002', originalPeriod: '2026-09', closedPeriod: true, bookedOn: '2026-10-25', reversal: 'YSC002-R',
      originalAmount: 69_120, reversedAmount: -69_120, net: -69_120, by: 'lihua', reason: 'store A035 returned the whole receipt',
    })]);
    expect(october.totals.receivable.sales).toBe(-69_120);
    expect(periodCorrections(book, '2026-09', null)).toEqual([]);
    soundBook(book);
  });

  it('a reversed deduction already claimed is booked back as a red claim, which clears the claim once both are approved', async () => {
    const book = await correctionsBook();
    await importDeduction(book);
    reconcile(book, '2026-09');
    const [claim] = listClaims(book, null, 10, 0);
    // Barcode fees are wholly the manufacturer's under HT-RTM-2026: the claim is the whole 200.00.
    expect(claim).toMatchObject({ amount_fen: 20_000, status: 'draft' });
    expect(account(book, 'deductions_pending')).toBe(0);

    const kf = doc(book, 'KFC01', 'deduction');
    reverseDocument(book, kf.id, { actor: 'tester', reason: 'the KA cancelled the fee', today: '2026-09-30' });
    expect(account(book, 'deductions_pending')).toBe(-20_000);
    reconcile(book, '2026-09');
    const claims = listClaims(book, null, 10, 0);
    expect(claims.map((c) => c.amount_fen)).toEqual([20_000, -20_000]);
    expect(account(book, 'deductions_pending')).toBe(0);
    for (const c of claims) for (const to of ['submitted', 'approved'] as const) moveClaim(book, c.id, to, 'tester', { date: '2026-09-30' });
    reconcile(book, '2026-09');
    expect(listClaims(book, null, 10, 0).map((c) => [c.status, c.open_fen])).toEqual([['written_off', 0], ['written_off', 0]]);
    expect(account(book, 'claims_manufacturer')).toBe(0);
    const { ledger, inForce } = ledgerAgainstDocumentsInForce(book);
    expect(inForce).toEqual(ledger);
    soundBook(book);
  });

  it('reversing a fee claim withdraws it and frees its deductions, which the next run claims again; it then moves no further', async () => {
    const book = await correctionsBook();
    await importDeduction(book);
    reconcile(book, '2026-09');
    const [claim] = listClaims(book, null, 10, 0);
    const r = reverseDocument(book, claim!.id, { actor: 'tester', reason: 'claimed under the wrong contract', today: '2026-09-30' });
    expect(r.freedDeductionLines).toBe(1);
    expect(account(book, 'claims_manufacturer')).toBe(0);
    expect(() => moveClaim(book, claim!.id, 'submitted', 'tester', { date: '2026-09-30' })).toThrow(/was reversed; its status cannot change/);
    reconcile(book, '2026-09');
    const again = listClaims(book, null, 10, 0).filter((c) => c.id !== claim!.id);
    expect(again.map((c) => [c.amount_fen, c.status])).toEqual([[20_000, 'draft']]);
    expect(account(book, 'claims_manufacturer')).toBe(20_000);
    soundBook(book);
  });

  it('a reversed manufacturer credit takes its write-off back: the claim it paid is approved and open again', async () => {
    const book = await correctionsBook();
    await importDeduction(book);
    reconcile(book, '2026-09');
    const [claim] = listClaims(book, null, 10, 0);
    for (const to of ['submitted', 'approved'] as const) moveClaim(book, claim!.id, to, 'tester', { date: '2026-09-30' });
    const w = { manufacturerId: 1, distributorId: 1 };
    post(book, { kind: 'manufacturer_credit', naturalKey: 'M01|CR1', docNo: 'CR1', docDate: '2026-10-08', ...w, method: 'cash', lines: [{ amount: 20_000 }] });
    reconcile(book, '2026-10');
    expect(listClaims(book, null, 10, 0)[0]).toMatchObject({ status: 'written_off', open_fen: 0 });
    reverseDocument(book, doc(book, 'CR1', 'manufacturer_credit').id, { actor: 'tester', reason: 'credit note cancelled', today: '2026-10-09' });
    expect(listClaims(book, null, 10, 0)[0]).toMatchObject({ status: 'approved', open_fen: 20_000 });
    soundBook(book);
  });
});

describe('accruals after a correction', () => {
  it('post only the difference on the next run: a month whose receipts were all reversed earns no delivery-cost subsidy', async () => {
    const book = await correctionsBook();
    const receipts = await importReceipts(book, 'v1');
    // HT-RTM-2026: 3 % of accepted value with a monthly floor of 500.00 — 3 % of 2,057.70 is 61.73, so the floor.
    expect(accruePeriod(book, '2026-09', 'tester').posted.deliveryCost).toBe(50_000);
    undoImport(book, receipts.batchId!, { actor: 'tester', reason: 'wrong file', today: '2026-10-05' });
    // Nothing accepted in September any more: nothing earned, so the 500.00 is taken back.
    expect(accruePeriod(book, '2026-09', 'tester').posted.deliveryCost).toBe(-50_000);
    expect(accruePeriod(book, '2026-09', 'tester').posted.deliveryCost).toBe(0);
    expect(account(book, 'claims_manufacturer')).toBe(0);
    expect(account(book, 'manufacturer_income')).toBe(0);
    soundBook(book);
  });
});

describe('reallocating a remittance (重新核销)', () => {
  it('un-clears it and allocates again: chosen items, oldest due, or its own references', async () => {
    const book = await correctionsBook();
    await importReceipts(book, 'v2');
    await importRemittance(book);
    reconcile(book, '2026-10');
    const fk = doc(book, 'FKC01', 'remittance');
    const [ysc1, ysc2, ysc3] = ['YSC001', 'YSC002', 'YSC003'].map((n) => doc(book, n));
    // By its references, in line order: YSC001 in full (140,640), then YSC002 gets the remaining 65,130 of 69,120
    // (3,990 short). YSC003 stays open.
    expect([openOf(book, ysc1!.id), openOf(book, ysc2!.id), openOf(book, ysc3!.id), openOf(book, fk.id)]).toEqual([0, 3_990, 6_400, 0]);

    const chosen = reallocateRemittance(book, fk.id, { mode: 'items', items: [{ documentId: ysc3!.id }, { documentId: ysc2!.id, amountFen: 50_000 }], actor: 'tester', reason: 'KA says it paid YSC003', today: '2026-10-25' });
    expect(chosen).toMatchObject({ date: '2026-10-20', applied: 56_400, unapplied: 149_370 });
    expect(chosen.allocation).toEqual([{ docNo: 'YSC003', amountFen: -6_400 }, { docNo: 'YSC002', amountFen: -50_000 }]);
    expect([openOf(book, ysc1!.id), openOf(book, ysc2!.id), openOf(book, ysc3!.id)]).toEqual([140_640, 19_120, 0]);

    // Oldest due first (each due 60 days after its receipt): YSC001 (due 11-02) in full, then 65,130 of YSC002 (11-05).
    const oldest = reallocateRemittance(book, fk.id, { mode: 'oldest', actor: 'tester', reason: 'apply oldest first', today: '2026-10-25' });
    expect(oldest).toMatchObject({ applied: 205_770, unapplied: 0 });
    expect([openOf(book, ysc1!.id), openOf(book, ysc2!.id), openOf(book, ysc3!.id)]).toEqual([0, 3_990, 6_400]);

    reallocateRemittance(book, fk.id, { mode: 'references', actor: 'tester', reason: 'back to the remittance advice', today: '2026-10-25' });
    expect([openOf(book, ysc1!.id), openOf(book, ysc2!.id), openOf(book, ysc3!.id), openOf(book, fk.id)]).toEqual([0, 3_990, 6_400, 0]);

    // Un-cleared first, so the whole 691.20 of YSC002 is there to choose from, and no more.
    expect(() => reallocateRemittance(book, fk.id, { mode: 'items', items: [{ documentId: ysc2!.id, amountFen: 9_999_999 }], actor: 'tester', reason: 'x' }))
      .toThrow(/YSC002 has only ¥691.20 open; ¥99,999.99 cannot be applied/);
    expect(() => reallocateRemittance(book, ysc1!.id, { mode: 'oldest', actor: 'tester', reason: 'x' })).toThrow(/YSC001 is not a remittance/);
    const audits = book.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'reallocate'").get();
    expect(audits).toEqual({ n: 3 });
    soundBook(book);
  });
});
