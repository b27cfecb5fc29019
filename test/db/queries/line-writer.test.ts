import { describe, expect, it } from 'vitest';
import { postDocuments, Poster, type DocumentDraft } from '../../../core/ledger/post-documents.js';
import { documentLines, LineWriter } from '../../../db/queries/documents.js';
import { addSmallWorld } from '../../helpers/small-world.js';
import { tempBook } from '../../helpers/temp-book.js';

type World = ReturnType<typeof addSmallWorld>;

/** Line k of a document: k units at 6.40 (640 × k fen), its memo naming document and line. */
function delivery(w: World, docNo: string, n: number): DocumentDraft {
  return {
    kind: 'delivery', naturalKey: `D01|${docNo}`, docNo, docDate: '2026-10-03', manufacturerId: w.manufacturerId, distributorId: w.distributorId,
    kaAccountId: w.rtm, storeId: w.a021, orderNo: `PO-${docNo}`,
    lines: Array.from({ length: n }, (_, i) => ({ storeId: w.a021, productId: w.p001, qty: (i + 1) * 1000, price: 64_000, amount: 640 * (i + 1), memo: `${docNo}/${i + 1}` })),
  };
}

const expected = (docNo: string, n: number) => Array.from({ length: n }, (_, i) => ({ line_no: i + 1, amount_fen: 640 * (i + 1), memo: `${docNo}/${i + 1}` }));
const stored = (book: Awaited<ReturnType<typeof tempBook>>, id: number) => documentLines(book, id).map((l) => ({ line_no: l.line_no, amount_fen: l.amount_fen, memo: l.memo }));

describe('lines gathered as the INSERT binds them', () => {
  it('stores every line of documents of every length, across the full INSERTs of 256 and the rest, in order', async () => {
    const book = await tempBook();
    const w = addSmallWorld(book);
    // 1 + 255 + 257 + 16 + 17 + 600 lines: full INSERTs fall inside documents and between them, the rest in 16s and singles
    const sizes = [1, 255, 257, 16, 17, 600];
    const ids = book.write(() => {
      const poster = new Poster(book, 'tester', null, { linesInBatches: true });
      const posted = sizes.map((n, k) => {
        const outcome = poster.post(delivery(w, `XS${k}`, n));
        if (outcome.status !== 'created') throw new Error(outcome.status);
        return outcome.id;
      });
      poster.storeLines();
      return posted;
    });
    sizes.forEach((n, k) => expect(stored(book, ids[k]!)).toEqual(expected(`XS${k}`, n)));
    expect((book.db.prepare('SELECT count(*) AS n FROM document_lines').get() as { n: number }).n).toBe(sizes.reduce((a, b) => a + b, 0));
  });

  it('stores a document posted alone with all its lines at once', async () => {
    const book = await tempBook();
    const w = addSmallWorld(book);
    postDocuments(book, [delivery(w, 'XS9', 300)], 'tester', { kind: 'user', description: 't' });
    const id = (book.db.prepare("SELECT id FROM documents WHERE doc_no = 'XS9'").get() as { id: number }).id;
    expect(stored(book, id)).toEqual(expected('XS9', 300));
  });

  it('says how many lines wait, and stores nothing twice when flushed again', async () => {
    const book = await tempBook();
    const w = addSmallWorld(book);
    postDocuments(book, [delivery(w, 'XS1', 1)], 'tester', { kind: 'user', description: 't' });
    const id = (book.db.prepare("SELECT id FROM documents WHERE doc_no = 'XS1'").get() as { id: number }).id;
    book.write(() => {
      const writer = new LineWriter(book);
      for (let n = 2; n <= 300; n++) writer.add(id, n, null, null, null, null, null, n, null, null, null, null);
      expect(writer.pending).toBe(299 - 256);
      writer.flush();
      expect(writer.pending).toBe(0);
      writer.flush();
    });
    expect(documentLines(book, id).map((l) => l.line_no)).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
  });
});
