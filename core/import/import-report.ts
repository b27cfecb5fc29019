import type { ImportConflict, ImportReplacement } from '../corrections/replace-on-import.js';
import type { Message } from '../../locale/index.js';
import type { DateOrder, DateStyle, MappingBasis, StoreReading } from '../../vocabulary/index.js';
import type { SkippedRows } from './row-records.js';

/** One refused row: where, and why (a code with parameters, said in the reader's language). */
export interface RowError {
  file: string;
  row?: number;
  field?: string;
  reason: Message;
}

/** A store cell as the import read it: the store it found (none for a chain-level line) and how. */
export interface StoreCellReading {
  text: string;
  reading: StoreReading;
  store?: { ka: string; code: string; name: string };
  rows: number;
}

/** An ERP customer code the book does not know, and the store its name suggests. */
export interface UnknownCustomerReport {
  code: string;
  name: string | null;
  rows: number;
  firstRow: number;
  proposal?: { ka: string; storeCode: string; storeName: string; score: number };
}

/** What importing one file did (or, with --dry-run, would do). */
export interface FileImportReport {
  file: string;
  kind: string;
  format: string;
  encoding?: string;
  sha256: string;
  headerRow?: number;
  /** the header's signature: a saved mapping is found again by it */
  headerSignature?: string;
  /** the KA account the file was read for (given, or the KA of the saved mapping that fitted it) */
  kaCode?: string;
  columns: { column: string; heading: string; field: string; confidence: number; basis: MappingBasis }[];
  ignoredColumns: { column: string; heading: string }[];
  /** fields that two columns fit equally well: nothing is imported until the user says which */
  competing: { field: string; columns: { column: string; heading: string; confidence: number }[] }[];
  /** how each date column writes its dates, decided from the whole column */
  dateStyles: { column: string; heading: string; field: string; style: DateStyle; example: string }[];
  /** a date column whose day/month order no value tells: the user says which */
  dateQuestion?: { column: string; heading: string; field: string; value: string; dmy: string; mdy: string };
  /** the saved mapping found for this file by its header signature and applied */
  appliedMapping?: { name: string; ka: string; kaName: string; savedAt: string; savedBy: string; dateOrder: DateOrder | null };
  rowsRead: number;
  dataRows: number;
  skipped: SkippedRows;
  /** blank document-level cells that took the value above within the same document */
  filledCells: number;
  storeReadings: StoreCellReading[];
  unknownCustomers: UnknownCustomerReport[];
  /** ERP customer codes confirmed with this import (--learn-customers, --customers) */
  learnedCustomers: { code: string; ka: string; storeCode: string }[];
  /** documents for document kinds, records for master data */
  created: number;
  unchanged: number;
  /** documents that differ from the version in force (each with its difference, old → new), refusing the file */
  conflicts: ImportConflict[];
  /** with --replace: documents whose old version was reversed and the file's version posted in its place */
  replaced: ImportReplacement[];
  lines: number;
  learnedItemCodes: { ka: string; itemCode: string; sku: string }[];
  errors: RowError[];
  /** the new documents (first 1,000): what a dry run would import */
  newDocuments: { key: string; row: number; lines: number; total: number }[];
  /** manufacturer credits naming a fee claim: the claims they cleared in full and how much they cleared */
  claimsCleared?: { claimsCleared: number; clearedFen: number };
  /** credit holds in warning mode: delivered to a KA over its limit or graded D (the file still imports) */
  warnings: RowError[];
  /** more errors than were kept */
  errorCount: number;
  dryRun: boolean;
  committed: boolean;
  batchId?: number;
  /** earlier imports of a file with exactly these bytes */
  previousImports: { batchId: number; at: string }[];
  seconds: number;
  /**
   * the header and the first rows under it, as text (asked for by the window's preview), with the cells that took
   * the value above (column indexes) and how the row's store was read
   */
  sample?: { headings: string[]; rows: { row: number; cells: string[]; filled?: number[]; store?: StoreCellReading }[] };
}

/** Errors kept per file (all of any real file; a bound so a gigabyte of garbage cannot exhaust memory). */
export const MAX_KEPT_ERRORS = 1_000_000;

export function emptyReport(file: string, kind: string, sha256: string, dryRun: boolean): FileImportReport {
  return {
    file, kind, format: 'json', sha256, columns: [], ignoredColumns: [], competing: [], dateStyles: [], rowsRead: 0, dataRows: 0,
    skipped: { blank: 0, totals: 0, headings: 0, repeatedHeader: 0 }, filledCells: 0, storeReadings: [], unknownCustomers: [], learnedCustomers: [],
    created: 0, unchanged: 0, conflicts: [], replaced: [], lines: 0, learnedItemCodes: [], errors: [], warnings: [], newDocuments: [], errorCount: 0, dryRun,
    committed: false, previousImports: [], seconds: 0,
  };
}
