import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkBook } from '../../../core/book/check-book.js';
import { UserError } from '../../../core/errors.js';
import { clearItems, reverseClearing } from '../../../core/ledger/clear-items.js';
import { type DocumentDraft, postDocuments } from '../../../core/ledger/post-documents.js';
import { reverseDocument } from '../../../core/corrections/reverse.js';
import { balances } from '../../../db/queries/balances.js';
import { openItemsOfDocument } from '../../../db/queries/clearings.js';
import { documentEntries } from '../../../db/queries/documents.js';
import { setPeriodStatus } from '../../../db/queries/periods.js';
import { addSmallWorld } from '../../helpers/small-world.js';
import { tempBook } from '../../helpers/temp-book.js';

type World = ReturnType<typeof addSmallWorld>;

function receipt(w: World, docNo: string, date: string, lines: [number, number][]): DocumentDraft {
  return {
    kind: 'receipt', naturalKey: `RTM|${docNo}`, docNo, docDate: date, manufacturerId: w.manufacturerId, distributorId: w.distributorId,
    kaAccountId: w.rtm, storeId: w.a021, orderNo: 'RT0902115',
    lines: lines.map(([qty, price]) => ({ storeId: w.a021, productId: w.p001, qty, price, amount: Math.round((qty * price) / 100_000) })),
  };
}

function remittance(w: World, docNo: string, date: string, amount: number): DocumentDraft {
  return { kind: 'remittance', naturalKey: `RTM|${docNo}`, docNo, docDate: date, kaAccountId: w.rtm, distributorId: w.distributorId, method: 'direct', lines: [{ amount }] };
}

const arBalance = (book: Parameters<typeof balances>[0]) => balances(book, 'account').find((b) => b.account === 'ar_ka')?.balance_fen ?? 0;

/**
 * These tests close September by hand (no sign-offs), which the book's check rightly reports as a month closed
 * without its audited close; every other check must hold.
 */
function soundLedger(book: Parameters<typeof checkBook>[0]): boolean {
  const checks = checkBook(book).checks;
  expect(checks.find((c) => c.name === 'check.periods-audit')).toMatchObject({ ok: false, problems: expect.arrayContaining([expect.objectContaining({ code: 'security.check-period-state' })]) });
  return checks.filter((c) => c.name !== 'check.periods-audit').every((c) => c.ok);
}

describe('posting', () => {
  it('posts a receipt as balanced entries with an open receivable due after the KA terms', async () => {
    const book = await tempBook();
    const w = addSmallWorld(book);
    const r = postDocuments(book, [receipt(w, 'YS0903A021', '2026-09-03', [[120_000, 64_000], [15_000, 399_000]])], 'tester', { kind: 'user', description: 't' });
    expect(r).toMatchObject({ created: 1, unchanged: 0, conflicts: [] });
    const entries = documentEntries(book, 1);
    expect(entries.map((e) => [e.account, e.amount_fen])).toEqual([['ar_ka', 136_650], ['sales', -136_650]]);
    const [item] = openItemsOfDocument(book, 1);
    expect(item).toMatchObject({ account: 'ar_ka', amount_fen: 136_650, open_fen: 136_650, due_date: '2026-11-02' });
    expect(checkBook(book).ok).toBe(true);
  });

  it('recognises a re-post: same content is unchanged, different content is a conflict, nothing is doubled', async () => {
    const book = await tempBook();
    const w = addSmallWorld(book);
    const batch = { kind: 'user', description: 't' };
    postDocuments(book, [receipt(w, 'YS1', '2026-09-03', [[1_000, 64_000]])], 'tester', batch);
    const again = postDocuments(book, [receipt(w, 'YS1', '2026-09-03', [[1_000, 64_000]])], 'tester', batch);
    expect(again).toMatchObject({ created: 0, unchanged: 1 });
    const changed = postDocuments(book, [receipt(w, 'YS1', '2026-09-03', [[2_000, 64_000]])], 'tester', batch);
    expect(changed.conflicts).toEqual([{ naturalKey: 'RTM|YS1', id: 1 }]);
    expect(arBalance(book)).toBe(640);
  });

  it('writes a batch whole or not at all', async () => {
    const book = await tempBook();
    const w = addSmallWorld(book);
    const bad = { ...receipt(w, 'YS3', 'not-a-date', [[1_000, 64_000]]), sourceFile: 'rtm.csv', sourceRow: 9 };
    expect(() => postDocuments(book, [receipt(w, 'YS2', '2026-09-03', [[1_000, 64_000]]), bad], 'tester', { kind: 'user', description: 't' }))
      .toThrow(/rtm.csv, row 9, field date|not a calendar date/);
    expect(book.db.prepare('SELECT count(*) AS n FROM documents').get()).toEqual({ n: 0 });
    expect(book.db.prepare('SELECT count(*) AS n FROM batches').get()).toEqual({ n: 0 });
    expect(checkBook(book).ok).toBe(true);
  });

  it('refuses anything dated in a closed period, through the service and through raw SQL alike', async () => {
    const book = await tempBook();
    const w = addSmallWorld(book);
    postDocuments(book, [receipt(w, 'YS4', '2026-09-03', [[1_000, 64_000]]), remittance(w, 'FK0', '2026-09-20', 500)], 'tester', { kind: 'user', description: 't' });
    book.write(() => setPeriodStatus(book, '2026-09', 'closed', 'manager'));
    let error: unknown;
    try {
      postDocuments(book, [receipt(w, 'YS5', '2026-09-10', [[1_000, 64_000]])], 'tester', { kind: 'user', description: 't' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toMatch(/period 2026-09 is closed/);
    // The lock lives in the book itself: even a program writing SQL directly is refused.
    const raw = new Database(book.path);
    expect(() => raw.prepare("INSERT INTO entries (document_id, line_no, period, entry_date, account, amount_fen) VALUES (1, 9, '2026-09', '2026-09-30', 'bank', 1)").run())
      .toThrow(/^period-closed$/);
    expect(() => raw.prepare('UPDATE document_lines SET amount_fen = 1').run()).toThrow(/immutable/);
    expect(() => raw.prepare('DELETE FROM entries').run()).toThrow(/immutable/);
    raw.close();
    // A clearing has no check of its own before the insert: the trigger refuses it, and the writer names the period.
    const [ar] = openItemsOfDocument(book, 1);
    const [cash] = openItemsOfDocument(book, 2);
    expect(() => book.write(() => clearItems(book, { date: '2026-09-30', parts: [{ openItemId: ar!.id, amount: -500 }, { openItemId: cash!.id, amount: 500 }] }, 'tester')))
      .toThrow(/period 2026-09 is closed/);
    // October is open: a correction goes there.
    postDocuments(book, [receipt(w, 'YS6', '2026-10-02', [[1_000, 64_000]])], 'tester', { kind: 'user', description: 't' });
    expect(soundLedger(book)).toBe(true);
  });

  it('reverses a document in an open period and clears the two against each other', async () => {
    const book = await tempBook();
    const w = addSmallWorld(book);
    postDocuments(book, [receipt(w, 'YS7', '2026-09-03', [[10_000, 64_000]])], 'tester', { kind: 'user', description: 't' });
    book.write(() => setPeriodStatus(book, '2026-09', 'closed', 'manager'));
    const { reversalId: id, date } = reverseDocument(book, 1, { actor: 'tester', reason: 'wrong store', today: '2026-10-05' });
    expect(date).toBe('2026-10-05');
    expect(arBalance(book)).toBe(0);
    expect(openItemsOfDocument(book, 1)[0]!.open_fen).toBe(0);
    expect(openItemsOfDocument(book, id)[0]!.open_fen).toBe(0);
    expect(() => reverseDocument(book, 1, { actor: 'tester', reason: 'again', today: '2026-10-06' })).toThrow(/was reversed on 2026-10-05 by tester/);
    expect(soundLedger(book)).toBe(true);
  });

  it('clears a remittance against receivables with parts summing to zero, and reverses a clearing', async () => {
    const book = await tempBook();
    const w = addSmallWorld(book);
    postDocuments(book, [receipt(w, 'YS8', '2026-09-03', [[100_000, 64_000]]), remittance(w, 'FK1', '2026-10-20', 50_000)], 'tester', { kind: 'user', description: 't' });
    const [ar] = openItemsOfDocument(book, 1);
    const [cash] = openItemsOfDocument(book, 2);
    expect(() => book.write(() => clearItems(book, { date: '2026-10-20', parts: [{ openItemId: ar!.id, amount: -50_000 }, { openItemId: cash!.id, amount: 40_000 }] }, 'tester')))
      .toThrow(/sum to zero/);
    expect(() => book.write(() => clearItems(book, { date: '2026-10-20', parts: [{ openItemId: ar!.id, amount: -70_000 }, { openItemId: cash!.id, amount: 70_000 }] }, 'tester')))
      .toThrow(/would pass zero/);
    const clearing = book.write(() => clearItems(book, { date: '2026-10-20', parts: [{ openItemId: ar!.id, amount: -50_000 }, { openItemId: cash!.id, amount: 50_000 }] }, 'tester'));
    expect(openItemsOfDocument(book, 1)[0]!.open_fen).toBe(14_000);
    expect(openItemsOfDocument(book, 2)[0]!.open_fen).toBe(0);
    book.write(() => reverseClearing(book, clearing, '2026-10-21', 'tester', 'wrong receipt'));
    expect(openItemsOfDocument(book, 1)[0]!.open_fen).toBe(64_000);
    expect(() => book.write(() => reverseClearing(book, clearing, '2026-10-22', 'tester', 'twice'))).toThrow(/already reversed/);
    expect(checkBook(book).ok).toBe(true);
  });

  it('keeps the ledger balanced and the open items tied for any mix of documents', async () => {
    const book = await tempBook();
    const w = addSmallWorld(book);
    let n = 0;
    const kinds = ['receipt', 'return', 'deduction', 'remittance', 'fee_claim', 'manufacturer_credit', 'delivery_cost_claim', 'statement', 'delivery'] as const;
    const docArb = fc.record({
      kind: fc.constantFrom(...kinds),
      day: fc.integer({ min: 1, max: 28 }),
      month: fc.integer({ min: 1, max: 12 }),
      amounts: fc.array(fc.integer({ min: -1_000_000, max: 10_000_000 }), { minLength: 1, maxLength: 4 }),
      method: fc.constantFrom('direct', 'central', 'cash', 'goods', 'invoice_discount', 'transfer', 'account'),
    });
    fc.assert(fc.property(fc.array(docArb, { minLength: 1, maxLength: 15 }), (docs) => {
      const drafts: DocumentDraft[] = docs.map((d) => {
        n++;
        return {
          kind: d.kind, naturalKey: `X|${n}`, docNo: `N${n}`, docDate: `2026-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`,
          manufacturerId: w.manufacturerId, distributorId: w.distributorId, kaAccountId: w.rtm, storeId: w.a021, method: d.method,
          lines: d.amounts.map((amount) => ({ amount })),
        };
      });
      postDocuments(book, drafts, 'tester', { kind: 'user', description: 'property' });
      const report = checkBook(book);
      expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    }), { numRuns: 40 });
  });
});
