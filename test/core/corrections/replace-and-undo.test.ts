import { describe, expect, it } from 'vitest';
import { checkBook } from '../../../core/book/check-book.js';
import { undoImport } from '../../../core/corrections/undo-import.js';
import { setPeriodStatus } from '../../../db/queries/periods.js';
import { bookState } from '../../helpers/sep-book.js';
import {
  account, correctionsBook, doc, importReceipts, importRemittance, ledgerAgainstDocumentsInForce, openOf, reconcile,
} from '../../helpers/corrections-book.js';

// Figures from test/fixtures/corrections (see scripts/make-correction-fixtures.mjs), in fen:
// YSC001 v1 = 76,800 + 59,850 = 136,650; v2 = 76,800 + 63,840 = 140,640; YSC002 = 69,120; YSC003 = 6,400; FKC01 = 205,770.

describe('replacing a document on re-import', () => {
  it('refuses a changed file naming each conflict with its difference line by line, and writes nothing', async () => {
    const book = await correctionsBook();
    expect((await importReceipts(book, 'v1')).committed).toBe(true);
    const before = bookState(book);
    const r = await importReceipts(book, 'v2');
    expect(r.committed).toBe(false);
    expect(r.conflicts).toHaveLength(1);
    const c = r.conflicts[0]!;
    expect(c).toMatchObject({ key: 'RTM|YSC001', reason: 'changed', docNo: 'YSC001' });
    expect(c.difference).toMatchObject({ oldTotalFen: 136_650, newTotalFen: 140_640, header: [] });
    expect(c.difference!.lines).toEqual([expect.objectContaining({
      change: 'changed', oldLine: 2, newLine: 2, fields: ['qtyMilli', 'amountFen'],
      old: expect.objectContaining({ sku: 'P003', qtyMilli: 15_000, amountFen: 59_850 }),
      new: expect.objectContaining({ sku: 'P003', qtyMilli: 16_000, amountFen: 63_840 }),
    })]);
    expect(bookState(book)).toBe(before);
  });

  it('previews a replacement with --dry-run and writes nothing', async () => {
    const book = await correctionsBook();
    await importReceipts(book, 'v1');
    const before = bookState(book);
    const r = await importReceipts(book, 'v2', { replace: true, dryRun: true });
    expect(r.conflicts).toEqual([]);
    expect(r.replaced.map((x) => [x.key, x.version])).toEqual([['RTM|YSC001', 2]]);
    expect(r.created).toBe(1);
    expect(r.committed).toBe(false);
    expect(bookState(book)).toBe(before);
  });

  it('reverses the old version and posts the new in one transaction; the remittance it paid returns to unapplied, and a re-import is unchanged', async () => {
    const book = await correctionsBook();
    await importReceipts(book, 'v1');
    await importRemittance(book);
    reconcile(book, '2026-10');
    const fk = doc(book, 'FKC01', 'remittance');
    expect(openOf(book, fk.id)).toBe(0);

    const r = await importReceipts(book, 'v2', { replace: true, reason: 'KA re-sent the receipt' });
    expect(r.committed).toBe(true);
    expect(r.created).toBe(1);
    expect(r.unchanged).toBe(1);
    const v2 = doc(book, 'YSC001');
    expect(v2).toMatchObject({ version: 2, total_fen: 140_640 });
    // The remittance's clearing of YSC001 was undone; YSC002 stays paid.
    expect(openOf(book, fk.id)).toBe(-136_650);
    expect(openOf(book, doc(book, 'YSC002').id)).toBe(0);
    expect(openOf(book, v2.id)).toBe(140_640);
    const reversal = book.db.prepare("SELECT doc_no, doc_date, total_fen, memo, batch_id FROM documents WHERE natural_key = 'RTM|YSC001|reversal'").get();
    expect(reversal).toEqual({ doc_no: 'YSC001-R', doc_date: '2026-09-30', total_fen: -136_650, memo: 'KA re-sent the receipt', batch_id: r.batchId });
    // ar_ka: 136,650 + 69,120 − 205,770 − 136,650 + 140,640 + 6,400 = 10,390
    expect(account(book, 'ar_ka')).toBe(10_390);

    // The next run pays the new version by the remittance's reference: 136,650 of its 140,640; 3,990 short.
    const summary = reconcile(book, '2026-10');
    expect(openOf(book, fk.id)).toBe(0);
    expect(openOf(book, v2.id)).toBe(3_990);
    expect(summary.remittances.shortPaid).toBe(3_990);

    const again = await importReceipts(book, 'v2');
    expect(again).toMatchObject({ created: 0, unchanged: 3, conflicts: [], replaced: [], committed: false });
    const old = await importReceipts(book, 'v1');
    expect(old.conflicts.map((c) => c.key)).toEqual(['RTM|YSC001']);

    const audit = book.db.prepare("SELECT action, before_json, after_json FROM audit_log WHERE action = 'replace'").get() as { before_json: string; after_json: string };
    expect(JSON.parse(audit.before_json)).toMatchObject({ version: 1, total: 136_650 });
    expect(JSON.parse(audit.after_json)).toMatchObject({ version: 2, total: 140_640, reason: 'KA re-sent the receipt' });
    const { ledger, inForce } = ledgerAgainstDocumentsInForce(book);
    expect(inForce).toEqual(ledger);
    expect(checkBook(book).checks.filter((c) => !c.ok)).toEqual([]);
  });

  it('refuses a replacement whose new version falls in a closed month, leaving the book as it was', async () => {
    const book = await correctionsBook();
    await importReceipts(book, 'v1');
    book.write(() => setPeriodStatus(book, '2026-09', 'closed', 'manager'));
    const before = bookState(book);
    const r = await importReceipts(book, 'v2', { replace: true });
    expect(r.committed).toBe(false);
    expect(r.errors.map((e) => e.reason)).toContainEqual({ code: 'ledger.period-closed-posting', params: expect.objectContaining({ period: '2026-09', docNo: 'YSC001' }) });
    expect(bookState(book)).toBe(before);
  });
});

describe('undoing an import batch', () => {
  it('reverses every document the batch posted; the same file then comes back only with --replace', async () => {
    const book = await correctionsBook();
    const first = await importReceipts(book, 'v1');
    const report = undoImport(book, first.batchId!, { actor: 'tester', reason: 'wrong KA file', today: '2026-10-05' });
    expect(report.reversed.map((x) => x.docNo)).toEqual(['YSC001', 'YSC002']);
    expect(report.reversed.every((x) => x.date === '2026-09-30')).toBe(true);
    expect(account(book, 'ar_ka')).toBe(0);
    expect(account(book, 'sales')).toBe(0);
    expect(book.db.prepare('SELECT kind, undoes_batch_id, reason FROM batches WHERE id = ?').get(report.undoBatch))
      .toEqual({ kind: 'undo', undoes_batch_id: first.batchId, reason: 'wrong KA file' });
    expect(() => undoImport(book, first.batchId!, { actor: 'tester', reason: 'again' })).toThrow(/was undone on .* by tester/);

    const plain = await importReceipts(book, 'v1');
    expect(plain.conflicts.map((c) => [c.key, c.reason])).toEqual([['RTM|YSC001', 'reversed'], ['RTM|YSC002', 'reversed']]);
    const back = await importReceipts(book, 'v1', { replace: true });
    expect(back.replaced.map((x) => [x.key, x.version, x.reversalId])).toEqual([['RTM|YSC001', 2, null], ['RTM|YSC002', 2, null]]);
    expect(account(book, 'ar_ka')).toBe(205_770);
    expect(checkBook(book).ok).toBe(true);
  });

  it('undoing an import that replaced documents brings their earlier versions back, recognised by the old file', async () => {
    const book = await correctionsBook();
    await importReceipts(book, 'v1');
    const replacing = await importReceipts(book, 'v2', { replace: true });
    const report = undoImport(book, replacing.batchId!, { actor: 'tester', reason: 'the KA withdrew its correction' });
    expect(report.reversed.map((x) => x.docNo).sort()).toEqual(['YSC001', 'YSC003']);
    expect(report.reinstated).toEqual([expect.objectContaining({ key: 'RTM|YSC001', version: 3 })]);
    expect(account(book, 'ar_ka')).toBe(205_770);
    expect((await importReceipts(book, 'v1'))).toMatchObject({ created: 0, unchanged: 2, conflicts: [] });
    const { ledger, inForce } = ledgerAgainstDocumentsInForce(book);
    expect(inForce).toEqual(ledger);
    expect(checkBook(book).checks.filter((c) => !c.ok)).toEqual([]);
  });

  it('is refused, naming them, while documents are in a closed month or were cleared by a later document', async () => {
    const book = await correctionsBook();
    const receipts = await importReceipts(book, 'v1');
    await importRemittance(book);
    reconcile(book, '2026-10');
    const before = bookState(book);
    expect(() => undoImport(book, receipts.batchId!, { actor: 'tester', reason: 'x' }))
      .toThrow(`import batch ${receipts.batchId} cannot be undone: these documents were cleared by later documents, reverse those first: YSC001 ← FKC01, YSC002 ← FKC01`);
    book.write(() => setPeriodStatus(book, '2026-09', 'closed', 'manager'));
    expect(() => undoImport(book, receipts.batchId!, { actor: 'tester', reason: 'x' }))
      .toThrow(/closed periods: YSC001 \(2026-09\), YSC002 \(2026-09\); these were cleared by later documents, reverse those first: YSC001 ← FKC01/);
    expect(() => undoImport(book, receipts.batchId!, { actor: 'tester', reason: ' ' })).toThrow(/needs a reason/);
    expect(bookState(book)).toBe(before);
  });
});
