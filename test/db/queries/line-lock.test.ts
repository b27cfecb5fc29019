import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../core/import/import-file.js';
import { postDocuments, type DocumentDraft } from '../../../core/ledger/post-documents.js';
import type { Book } from '../../../db/connection.js';
import { BookRefusalError } from '../../../db/errors.js';
import { insertLines, type LineRow } from '../../../db/queries/documents.js';
import { lineLockSuspended, suspendLineLock } from '../../../db/queries/line-lock.js';
import { ensurePeriod, setPeriodStatus } from '../../../db/queries/periods.js';
import { bookState, importOk, SEP, sepBook } from '../../helpers/sep-book.js';
import { addSmallWorld } from '../../helpers/small-world.js';
import { tempBook, tempDir } from '../../helpers/temp-book.js';

/**
 * An import checks the lines' period lock once for the whole file (db/queries/line-lock.ts): the trigger is dropped
 * inside the import's transaction and created again before it commits. Whatever happens, the committed book has the
 * trigger exactly as before, and a line of a closed period's document never gets in.
 */
type World = ReturnType<typeof addSmallWorld>;

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

const triggerSql = (book: Book) => book.db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = 'document_lines_lock_insert'")
  .pluck().get() as string | undefined;
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

describe('the lines’ period lock checked once for an import', () => {
  it('creates the trigger again from the very text the book held, and it refuses again', async () => {
    const { book, closedDoc, openDoc } = await bookWithSeptemberClosed();
    const before = triggerSql(book);
    expect(before).toMatch(/^CREATE TRIGGER document_lines_lock_insert BEFORE INSERT ON document_lines/);
    book.begin();
    const lock = suspendLineLock(book.db);
    expect(triggerSql(book)).toBeUndefined();
    expect(lineLockSuspended(book.db)).toBe(true);
    insertLines(book, [line(openDoc, 2), line(openDoc, 3)]);
    lock.restore();
    book.commit();
    expect(triggerSql(book)).toBe(before);
    expect(lineLockSuspended(book.db)).toBe(false);
    expect(lineCount(book)).toBe(4);
    expect(() => book.write(() => insertLines(book, [line(closedDoc, 2)]))).toThrow(/^period-closed$/);
  });

  it('refuses a line written meanwhile for a document of a closed period, and the transaction cannot commit', async () => {
    const { book, closedDoc, openDoc } = await bookWithSeptemberClosed();
    const before = triggerSql(book);
    const lines = lineCount(book);
    book.begin();
    const lock = suspendLineLock(book.db);
    // many lines of an open month, one of the closed month among them: the check names the closed month
    insertLines(book, [line(openDoc, 2), line(openDoc, 3), line(closedDoc, 2), line(openDoc, 4)]);
    let refusal: unknown;
    try {
      lock.restore();
    } catch (e) {
      refusal = e;
    }
    expect(refusal).toBeInstanceOf(BookRefusalError);
    expect((refusal as BookRefusalError).refusal).toEqual({ code: 'period-closed', period: '2026-09' });
    expect(() => book.commit()).toThrow(/suspended/);
    book.rollback();
    expect(triggerSql(book)).toBe(before);
    expect(lineCount(book)).toBe(lines);
    expect(lineLockSuspended(book.db)).toBe(false);
  });

  it('never commits without the trigger: not through commit, not through write', async () => {
    const { book, openDoc } = await bookWithSeptemberClosed();
    const before = triggerSql(book);
    const state = bookState(book);
    book.begin();
    suspendLineLock(book.db);
    insertLines(book, [line(openDoc, 2)]);
    expect(() => book.commit()).toThrow(/suspended/);
    book.rollback();
    expect(triggerSql(book)).toBe(before);
    expect(bookState(book)).toBe(state);

    expect(() => book.write(() => {
      suspendLineLock(book.db);
      insertLines(book, [line(openDoc, 2)]);
    })).toThrow(/suspended/);
    expect(triggerSql(book)).toBe(before);
    expect(bookState(book)).toBe(state);
    // the failed write left nothing suspended: the next one works
    book.write(() => suspendLineLock(book.db).restore());
    expect(triggerSql(book)).toBe(before);
  });

  it('is suspended only inside a transaction, and only once', async () => {
    const { book } = await bookWithSeptemberClosed();
    expect(() => suspendLineLock(book.db)).toThrow(/inside the write transaction/);
    book.begin();
    const lock = suspendLineLock(book.db);
    expect(() => suspendLineLock(book.db)).toThrow(/already suspended/);
    lock.restore();
    expect(() => lock.restore()).toThrow(/not suspended/);
    book.rollback();
  });

  it('leaves the trigger in place after an import that commits and after one that is refused', async () => {
    const book = await sepBook();
    const before = triggerSql(book);
    await importOk(book, 'deliveries', `${SEP}10-deliveries.csv`);
    expect(triggerSql(book)).toBe(before);
    const bad = join(tempDir(), 'bad.csv');
    // the second line names a product the book does not know: the whole file is refused
    writeFileSync(bad, '送货单号,送货日期,订单号,门店编号,商品编码,数量,单价,金额\nXS2609101,2026-09-24,7001422,27,P003,40,39.90,1596.00\nXS2609101,2026-09-24,7001422,27,P999,40,39.90,1596.00\n');
    const refused = await importFile(book, bad, { kind: 'deliveries', actor: 'tester' });
    expect(refused.committed).toBe(false);
    expect(refused.errors[0]).toMatchObject({ row: 3 });
    expect(triggerSql(book)).toBe(before);
    expect(lineLockSuspended(book.db)).toBe(false);
  });

  it('refuses a file dated in a closed month, with the trigger back and nothing written', async () => {
    const book = await sepBook();
    const before = triggerSql(book);
    book.write(() => {
      ensurePeriod(book, '2026-09');
      setPeriodStatus(book, '2026-09', 'closed', 'manager');
    });
    const state = bookState(book);
    const r = await importFile(book, `${SEP}10-deliveries.csv`, { kind: 'deliveries', actor: 'tester' });
    expect(r.committed).toBe(false);
    expect(r.errorCount).toBeGreaterThan(0);
    expect(triggerSql(book)).toBe(before);
    expect(bookState(book)).toBe(state);
  });
});
