import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../../core/import/import-file.js';
import { extractExportBundle } from '../../../../core/import/readers/export-archive.js';
import type { Book } from '../../../../db/connection.js';
import { sepBook } from '../../../helpers/sep-book.js';
import { renderMessage } from '../../../../locale/index.js';

const DIR = new URL('../../../fixtures/readers/', import.meta.url).pathname;
interface Figures { documents: { docNo: string; lines: number; totalFen: number }[]; lines: number; totalFen: number }
const EXPECTED = JSON.parse(readFileSync(`${DIR}expected.json`, 'utf8')) as Record<string, Figures & { format: string; encoding?: string; headerRow: number; members: Record<string, Figures & { format: string }>; refused: { row: number; column: string; value: string }[] }>;

/** What the book holds for these receipts: each document's lines and total, read back from the book itself. */
function booked(book: Book, docNos: string[]) {
  return docNos.map((docNo) => book.db.prepare(`SELECT d.doc_no AS docNo, count(l.id) AS lines, d.total_fen AS totalFen
    FROM documents d JOIN document_lines l ON l.document_id = d.id WHERE d.kind = 'receipt' AND d.doc_no = ? GROUP BY d.id`).get(docNo));
}

describe('every format the readers accept, figure by figure', () => {
  it.each(['receipts-biff8.xls', 'receipts-biff5.xls', 'receipts.tsv', 'receipts-gb18030-tab.txt', 'receipts-utf16le-nobom.txt', 'receipts-utf16be-nobom.txt', 'flip-receipts.xlsx'])('imports %s exactly as its generator wrote it', async (name) => {
    const want = EXPECTED[name]!;
    const book = await sepBook();
    const r = await importFile(book, `${DIR}${name}`, { kind: 'receipts', actor: 'tester', kaCode: 'RTM' });
    expect(r.errors).toEqual([]);
    expect(r).toMatchObject({ format: want.format, headerRow: want.headerRow, created: want.documents.length, lines: want.lines, committed: true });
    if (want.encoding) expect(r.encoding).toBe(want.encoding);
    expect(booked(book, want.documents.map((d) => d.docNo))).toEqual(want.documents);
    book.close();
  });

  it('imports each file of a .zip of exports as a file of its own, verified and named inside the zip', async () => {
    const want = EXPECTED['exports-bundle.zip']!.members;
    const book = await sepBook();
    const bundle = await extractExportBundle(`${DIR}exports-bundle.zip`, 'exports-bundle.zip');
    try {
      expect(bundle.files.map((f) => f.file)).toEqual(Object.keys(want).map((m) => `exports-bundle.zip/${m}`));
      for (const [i, member] of Object.keys(want).entries()) {
        const r = await importFile(book, bundle.files[i]!.file, { kind: 'receipts', actor: 'tester', kaCode: 'RTM', readFrom: bundle.files[i]!.path });
        expect(r.errors).toEqual([]);
        expect(r).toMatchObject({ file: `exports-bundle.zip/${member}`, format: want[member]!.format, created: want[member]!.documents.length, lines: want[member]!.lines });
        expect(booked(book, want[member]!.documents.map((d) => d.docNo))).toEqual(want[member]!.documents);
      }
    } finally {
      await bundle.cleanup();
    }
    book.close();
  });

  it.each(['cell-errors.xlsx', 'cell-errors.xls', 'cell-errors.csv'])('refuses the error values in %s by row and column, in words, and imports nothing', async (name) => {
    const book = await sepBook();
    const r = await importFile(book, `${DIR}${name}`, { kind: 'receipts', actor: 'tester', kaCode: 'RTM' });
    expect(r.committed).toBe(false);
    const refused = EXPECTED[name]!.refused;
    expect(r.errors.map((e) => ({ row: e.row, column: /column ([A-Z]+)/.exec(e.field ?? '')?.[1] }))).toEqual(refused.map((x) => ({ row: x.row, column: x.column })));
    for (const [i, x] of refused.entries()) {
      const reason = renderMessage('en', r.errors[i]!.reason);
      expect(reason).not.toMatch(/object Object/);
      expect(reason).toMatch(x.value === 'uncalculated' ? /formula that was saved without its result/ : new RegExp(`error value ${x.value.replace(/[/!?#]/g, '\\$&')}: `));
    }
    book.close();
  });
});
