import { cellText } from './cell-values.js';
import type { HeaderMatch } from './detect-header.js';
import type { StoreFinder, StoreFound } from './find-stores.js';
import type { StoreCellReading, UnknownCustomerReport } from './import-report.js';
import type { RawRow } from './read-rows.js';

/** What the preview tells of a sample row: the cells that took the value above, and how its store was read. */
export type SampleNotes = Map<number, { filled: number[]; store?: { text: string; found: StoreFound } }>;

function reading(text: string, found: StoreFound, rows: number): StoreCellReading {
  return {
    text, reading: found.reading, rows,
    ...(found.store ? { store: { ka: found.store.ka_code, code: found.store.store_code, name: found.store.name } } : {}),
  };
}

/** The header and the first rows under it, as the file has them, with what the import made of each. */
export function sampleOf(head: RawRow[], header: HeaderMatch, n: number, notes: SampleNotes) {
  return {
    headings: head[header.index]!.cells.map((c) => cellText(c)),
    rows: head.slice(header.index + 1, header.index + 1 + n).map((r) => {
      const note = notes.get(r.row);
      return {
        row: r.row, cells: r.cells.map((c) => cellText(c)),
        ...(note?.filled.length ? { filled: note.filled } : {}),
        ...(note?.store ? { store: reading(note.store.text, note.store.found, 1) } : {}),
      };
    }),
  };
}

/** Each distinct store cell of the file and how it was read (the first 500). */
export function storeReadingsOf(finder: StoreFinder): StoreCellReading[] {
  return [...finder.readings.values()].map((r) => reading(r.text, r.found, r.rows));
}

export function unknownCustomersOf(finder: StoreFinder): UnknownCustomerReport[] {
  return [...finder.unknownCustomers.values()].map((u) => ({
    code: u.code, name: u.name, rows: u.rows, firstRow: u.firstRow,
    ...(u.proposal ? { proposal: { ka: u.proposal.store.ka_code, storeCode: u.proposal.store.store_code, storeName: u.proposal.store.name, score: u.proposal.score } } : {}),
  }));
}
