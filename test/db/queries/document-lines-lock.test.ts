import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { postDocuments, type DocumentDraft } from '../../../core/ledger/post-documents.js';
import type { Book } from '../../../db/connection.js';
import { documentLines, insertLines, type LineRow } from '../../../db/queries/documents.js';
import { setPeriodStatus } from '../../../db/queries/periods.js';
import { addSmallWorld } from '../../helpers/small-world.js';
import { tempBook } from '../../helpers/temp-book.js';

/**
 * A document's lines go in by multi-row INSERTs of up to 16 (db/queries/documents.ts insertLines): the period lock
 * and the immutability of posted lines must hold for every row of such a statement, through the product and
 * through raw SQL alike.
 */
type World = ReturnType<typeof addSmallWorld>;

function receipt(w: World, docNo: string, date: string, n: number): DocumentDraft {
  return {
    kind: 'receipt', naturalKey: `RTM|${docNo}`, docNo, docDate: date, manufacturerId: w.manufacturerId, distributorId: w.distributorId,
    kaAccountId: w.rtm, storeId: w.a021, orderNo: `PO-${docNo}`,
    // line i: i units at 6.40, so its amount is 640 × i fen
    lines: Array.from({ length: n }, (_, k) => ({ storeId: w.a021, productId: w.p001, qty: (k + 1) * 1000, price: 64_000, amount: 640 * (k + 1) })),
  };
}

const line = (documentId: number, lineNo: number): LineRow => ({
  document_id: documentId, line_no: lineNo, store_id: null, product_id: null, order_no: null, qty_milli: null, price_e4: null,
  amount_fen: 1, fee_type: null, fee_text: null, reference: null, memo: null,
});

const lineCount = (book: Book) => (book.db.prepare('SELECT count(*) AS n FROM document_lines').get() as { n: number }).n;

async function bookWithSeptemberClosed() {
  const book = await tempBook();
  const w = addSmallWorld(book);
  const september = postDocuments(book, [receipt(w, 'YS1', '2026-09-03', 40)], 'tester', { kind: 'user', description: 't' });
  postDocuments(book, [receipt(w, 'YS2', '2026-10-03', 3)], 'tester', { kind: 'user', description: 't' });
  const ids = book.db.prepare('SELECT id, doc_no FROM documents ORDER BY id').all() as { id: number; doc_no: string }[];
  book.write(() => setPeriodStatus(book, '2026-09', 'closed', 'manager'));
  return { book, w, september, closedDoc: ids.find((d) => d.doc_no === 'YS1')!.id, openDoc: ids.find((d) => d.doc_no === 'YS2')!.id };
}

describe('document lines written many to a statement', () => {
  it('stores every line of a long document, in order, with its own figures', async () => {
    const { book, closedDoc } = await bookWithSeptemberClosed();
    const lines = documentLines(book, closedDoc);
    expect(lines).toHaveLength(40);
    expect(lines.map((l) => l.line_no)).toEqual(Array.from({ length: 40 }, (_, k) => k + 1));
    expect(lines.map((l) => l.amount_fen)).toEqual(Array.from({ length: 40 }, (_, k) => 640 * (k + 1)));
    expect(lines.map((l) => l.qty_milli)).toEqual(Array.from({ length: 40 }, (_, k) => (k + 1) * 1000));
  });

  it('refuses a line for a document of a closed period, and writes none of its statement', async () => {
    const { book, closedDoc, openDoc } = await bookWithSeptemberClosed();
    const before = lineCount(book);
    // the statement's first rows are for October (open), its last for September (closed): the whole statement fails
    const mixed = [line(openDoc, 4), line(openDoc, 5), line(closedDoc, 41)];
    expect(() => book.write(() => insertLines(book, mixed))).toThrow(/^period-closed$/);
    expect(() => book.write(() => insertLines(book, [line(closedDoc, 41)]))).toThrow(/^period-closed$/);
    // more than one statement: the refused one is the second
    const long = [...Array.from({ length: 16 }, (_, k) => line(openDoc, 10 + k)), line(closedDoc, 41)];
    expect(() => book.write(() => insertLines(book, long))).toThrow(/^period-closed$/);
    expect(lineCount(book)).toBe(before);
    // October is open: its document takes a line
    book.write(() => insertLines(book, [line(openDoc, 4)]));
    expect(lineCount(book)).toBe(before + 1);
  });

  it('holds the lock and the immutability against raw SQL, one row or many', async () => {
    const { book, closedDoc, openDoc } = await bookWithSeptemberClosed();
    const before = lineCount(book);
    const raw = new Database(book.path);
    try {
      const insert = (rows: [number, number][]) => raw.prepare(`INSERT INTO document_lines (document_id, line_no, amount_fen) VALUES ${rows.map(() => '(?, ?, 1)').join(', ')}`).run(rows.flat());
      expect(() => insert([[closedDoc, 41]])).toThrow(/^period-closed$/);
      expect(() => insert([[openDoc, 4], [openDoc, 5], [closedDoc, 41]])).toThrow(/^period-closed$/);
      expect(() => raw.prepare('INSERT INTO document_lines (document_id, line_no, amount_fen) SELECT document_id, line_no + 100, 1 FROM document_lines').run())
        .toThrow(/^period-closed$/);
      expect((raw.prepare('SELECT count(*) AS n FROM document_lines').get() as { n: number }).n).toBe(before);
      // posted lines are never changed or removed, in a closed period or an open one
      for (const doc of [closedDoc, openDoc]) {
        expect(() => raw.prepare('UPDATE document_lines SET amount_fen = amount_fen + 1 WHERE document_id = ?').run(doc)).toThrow(/^immutable:document_lines$/);
        expect(() => raw.prepare('DELETE FROM document_lines WHERE document_id = ?').run(doc)).toThrow(/^immutable:document_lines$/);
      }
    } finally {
      raw.close();
    }
    expect(documentLines(book, closedDoc).map((l) => l.amount_fen)).toEqual(Array.from({ length: 40 }, (_, k) => 640 * (k + 1)));
  });
});
