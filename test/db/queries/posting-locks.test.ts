import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../core/import/import-file.js';
import { asUserError } from '../../../core/ledger/book-errors.js';
import { postDocuments, type DocumentDraft } from '../../../core/ledger/post-documents.js';
import type { Book } from '../../../db/connection.js';
import { BookRefusalError, readRefusal } from '../../../db/errors.js';
import { insertLines, type LineRow } from '../../../db/queries/documents.js';
import { postingLocksSuspended, suspendPostingLocks } from '../../../db/queries/posting-locks.js';
import { ensurePeriod, setPeriodStatus } from '../../../db/queries/periods.js';
import { bookState, importOk, SEP, sepBook } from '../../helpers/sep-book.js';
import { addSmallWorld } from '../../helpers/small-world.js';
import { tempBook, tempDir } from '../../helpers/temp-book.js';

/**
 * An import checks the posting locks once for the whole file (db/queries/posting-locks.ts): the guarding triggers are
 * dropped inside the import's transaction, each one's condition is asked of every row inserted since, and they are
 * created again before it commits. Whatever happens, the committed book has the triggers exactly as before, and no row
 * a trigger would have refused gets in.
 */
type World = ReturnType<typeof addSmallWorld>;

const GUARDS = ['documents_lock_insert', 'documents_before_closed_month', 'documents_version_after_reversal', 'documents_reversal_mirrors',
  'document_lines_lock_insert', 'entries_lock_insert', 'open_items_lock_insert'];

function receipt(w: World, docNo: string, date: string): DocumentDraft {
  return {
    kind: 'receipt', naturalKey: `RTM|${docNo}`, docNo, docDate: date, manufacturerId: w.manufacturerId, distributorId: w.distributorId,
    kaAccountId: w.rtm, storeId: w.a021, orderNo: `PO-${docNo}`,
    lines: [{ storeId: w.a021, productId: w.p001, qty: 1000, price: 64_000, amount: 640 }],
  };
}

const line = (documentId: number, lineNo: number): LineRow => ({
  document_id: documentId, line_no: lineNo, store_id: null, product_id: null, order_no: null, qty_milli: null, price_e4: null,
  amount_fen: 1, fee_type: null, fee_text: null, reference: null, memo: null,
});

const guardSql = (book: Book) => Object.fromEntries(GUARDS.map((name) => [name,
  book.db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?").pluck().get(name) as string | undefined]));
const lineCount = (book: Book) => book.db.prepare('SELECT count(*) FROM document_lines').pluck().get() as number;

async function bookWithSeptemberClosed() {
  const book = await tempBook();
  const w = addSmallWorld(book);
  postDocuments(book, [receipt(w, 'YS1', '2026-09-03')], 'tester', { kind: 'user', description: 't' });
  postDocuments(book, [receipt(w, 'YS2', '2026-10-03')], 'tester', { kind: 'user', description: 't' });
  const id = (docNo: string) => book.db.prepare('SELECT id FROM documents WHERE doc_no = ?').pluck().get(docNo) as number;
  book.write(() => setPeriodStatus(book, '2026-09', 'closed', 'manager'));
  return { book, closedDoc: id('YS1'), openDoc: id('YS2') };
}

/** A copy of a document's row with some columns changed, as raw SQL would write it. */
function copyDocument(book: Book, id: number, set: Record<string, string | number>): void {
  const columns = (book.db.prepare('SELECT name FROM pragma_table_info(\'documents\')').pluck().all() as string[]).filter((c) => c !== 'id');
  book.db.prepare(`INSERT INTO documents (${columns.join(', ')}) SELECT ${columns.map((c) => (c in set ? `@${c}` : c)).join(', ')} FROM documents WHERE id = @id`)
    .run({ ...set, id });
}

describe('the posting locks checked once for an import', () => {
  it('creates every trigger again from the very text the book held, and they refuse again', async () => {
    const { book, closedDoc, openDoc } = await bookWithSeptemberClosed();
    const before = guardSql(book);
    for (const name of GUARDS) expect(before[name]).toMatch(new RegExp(`^CREATE TRIGGER ${name} BEFORE INSERT ON \\w+\\s+WHEN`));
    book.begin();
    const locks = suspendPostingLocks(book.db);
    expect(Object.values(guardSql(book)).every((sql) => sql === undefined)).toBe(true);
    expect(postingLocksSuspended(book.db)).toBe(true);
    insertLines(book, [line(openDoc, 2), line(openDoc, 3)]);
    locks.restore();
    book.commit();
    expect(guardSql(book)).toEqual(before);
    expect(postingLocksSuspended(book.db)).toBe(false);
    expect(lineCount(book)).toBe(4);
    expect(() => book.write(() => insertLines(book, [line(closedDoc, 2)]))).toThrow(/^period-closed$/);
    expect(() => book.write(() => copyDocument(book, openDoc, { natural_key: 'RTM|X', doc_date: '2026-09-10', period: '2026-09' }))).toThrow(/^period-closed$/);
  });

  // Each row a trigger refuses, written while the triggers are dropped: the check finds it, with the trigger's refusal.
  const cases: [string, string, (book: Book, docs: { closedDoc: number; openDoc: number }) => void][] = [
    ['a line of a closed month’s document', 'period-closed', (book, { closedDoc, openDoc }) => insertLines(book, [line(openDoc, 2), line(closedDoc, 2), line(openDoc, 3)])],
    ['a document of a closed month', 'period-closed', (book, { openDoc }) => copyDocument(book, openDoc, { natural_key: 'RTM|X', doc_date: '2026-09-10', period: '2026-09' })],
    ['a document of a month before a closed one', 'period-closed-later', (book, { openDoc }) => {
      ensurePeriod(book, '2026-08');
      copyDocument(book, openDoc, { natural_key: 'RTM|X', doc_date: '2026-08-10', period: '2026-08' });
    }],
    ['a second version while the first is in force', 'correction:version-in-force', (book, { openDoc }) => copyDocument(book, openDoc, { version: 2 })],
    ['a reversal that does not mirror', 'correction:not-a-mirror', (book, { openDoc }) => copyDocument(book, openDoc, { natural_key: 'RTM|YS2~r', reverses_id: openDoc })],
    ['an entry of a closed month', 'period-closed', (book, { openDoc }) => book.db.prepare(`INSERT INTO entries (document_id, line_no, period, entry_date, account,
      manufacturer_id, distributor_id, ka_account_id, store_id, amount_fen) SELECT document_id, line_no + 100, '2026-09', '2026-09-30', account,
      manufacturer_id, distributor_id, ka_account_id, store_id, amount_fen FROM entries WHERE document_id = ?`).run(openDoc)],
    ['an open item of a closed month’s document', 'period-closed', (book, { closedDoc }) => book.db.prepare(`INSERT INTO open_items (document_id, account,
      manufacturer_id, distributor_id, ka_account_id, store_id, doc_date, due_date, amount_fen) SELECT document_id,
      (SELECT code FROM accounts WHERE code NOT IN (SELECT account FROM open_items WHERE document_id = ?) LIMIT 1),
      manufacturer_id, distributor_id, ka_account_id, store_id, doc_date, due_date, amount_fen FROM open_items WHERE document_id = ?`).run(closedDoc, closedDoc)],
  ];
  it.each(cases)('refuses %s written meanwhile, and the transaction cannot commit', async (_what, refusal, write) => {
    const { book, closedDoc, openDoc } = await bookWithSeptemberClosed();
    const before = guardSql(book);
    const state = bookState(book);
    // the same row is refused by the trigger itself
    expect(() => book.write(() => write(book, { closedDoc, openDoc }))).toThrow(new RegExp(`^${refusal}$`));
    book.begin();
    const locks = suspendPostingLocks(book.db);
    write(book, { closedDoc, openDoc });
    let error: unknown;
    try {
      locks.restore();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BookRefusalError);
    expect((error as Error).message).toBe(refusal);
    // read as the trigger's refusal would be, and worded for the user the same way
    expect(readRefusal(error)).toEqual(readRefusal(Object.assign(new Error(refusal), { code: 'SQLITE_CONSTRAINT_TRIGGER' })));
    expect(asUserError(error)).toMatchObject({ code: expect.stringMatching(/period-closed|period-before-closed|version-in-force|not-a-mirror/) });
    expect(() => book.commit()).toThrow(/suspended/);
    book.rollback();
    expect(guardSql(book)).toEqual(before);
    expect(bookState(book)).toBe(state);
    expect(postingLocksSuspended(book.db)).toBe(false);
  });

  it('never commits without the triggers: not through commit, not through write', async () => {
    const { book, openDoc } = await bookWithSeptemberClosed();
    const before = guardSql(book);
    const state = bookState(book);
    book.begin();
    suspendPostingLocks(book.db);
    insertLines(book, [line(openDoc, 2)]);
    expect(() => book.commit()).toThrow(/suspended/);
    book.rollback();
    expect(guardSql(book)).toEqual(before);
    expect(bookState(book)).toBe(state);

    expect(() => book.write(() => {
      suspendPostingLocks(book.db);
      insertLines(book, [line(openDoc, 2)]);
    })).toThrow(/suspended/);
    expect(guardSql(book)).toEqual(before);
    expect(bookState(book)).toBe(state);
    // the failed write left nothing suspended: the next one works
    book.write(() => suspendPostingLocks(book.db).restore());
    expect(guardSql(book)).toEqual(before);
  });

  it('is suspended only inside a transaction, only once, and only for triggers of the form it checks', async () => {
    const { book } = await bookWithSeptemberClosed();
    expect(() => suspendPostingLocks(book.db)).toThrow(/inside the write transaction/);
    book.begin();
    const locks = suspendPostingLocks(book.db);
    expect(() => suspendPostingLocks(book.db)).toThrow(/already suspended/);
    locks.restore();
    expect(() => locks.restore()).toThrow(/not suspended/);
    book.rollback();
    // a guard written another way (a later migration, say) is not dropped on the strength of a check made for the old form
    book.write(() => {
      book.db.exec('DROP TRIGGER entries_lock_insert');
      book.db.exec(`CREATE TRIGGER entries_lock_insert BEFORE INSERT ON entries BEGIN
        SELECT RAISE(ABORT, 'period-closed') WHERE (SELECT status FROM periods WHERE period = NEW.period) = 'closed'; END`);
    });
    const before = guardSql(book);
    book.begin();
    expect(() => suspendPostingLocks(book.db)).toThrow(/entries_lock_insert is missing or not of the form/);
    book.rollback();
    expect(guardSql(book)).toEqual(before);
  });

  it('leaves the triggers in place after an import that commits and after one that is refused', async () => {
    const book = await sepBook();
    const before = guardSql(book);
    await importOk(book, 'deliveries', `${SEP}10-deliveries.csv`);
    await importOk(book, 'receipts', `${SEP}11-receipts-rtm.csv`);
    expect(guardSql(book)).toEqual(before);
    const bad = join(tempDir(), 'bad.csv');
    // the second line names a product the book does not know: the whole file is refused
    writeFileSync(bad, '送货单号,送货日期,订单号,门店编号,商品编码,数量,单价,金额\nXS2609101,2026-09-24,7001422,27,P003,40,39.90,1596.00\nXS2609101,2026-09-24,7001422,27,P999,40,39.90,1596.00\n');
    const refused = await importFile(book, bad, { kind: 'deliveries', actor: 'tester' });
    expect(refused.committed).toBe(false);
    expect(refused.errors[0]).toMatchObject({ row: 3 });
    expect(guardSql(book)).toEqual(before);
    expect(postingLocksSuspended(book.db)).toBe(false);
  });

  it('refuses a file dated in a closed month, with the triggers back and nothing written', async () => {
    const book = await sepBook();
    const before = guardSql(book);
    book.write(() => {
      ensurePeriod(book, '2026-09');
      setPeriodStatus(book, '2026-09', 'closed', 'manager');
    });
    const state = bookState(book);
    const r = await importFile(book, `${SEP}10-deliveries.csv`, { kind: 'deliveries', actor: 'tester' });
    expect(r.committed).toBe(false);
    expect(r.errorCount).toBeGreaterThan(0);
    expect(guardSql(book)).toEqual(before);
    expect(bookState(book)).toBe(state);
  });
});
