import type { ImportConflict, ImportReplacement } from '../corrections/replace-on-import.js';
import type { Message } from '../../locale/index.js';
import type { SkippedRows } from './row-records.js';

/** One refused row: where, and why. */
export interface RowError {
  file: string;
  row?: number;
  field?: string;
  reason: Message;
}

/** What importing one file did (or, with --dry-run, would do). */
export interface FileImportReport {
  file: string;
  kind: string;
  format: string;
  encoding?: string;
  sha256: string;
  headerRow?: number;
  columns: { column: string; heading: string; field: string }[];
  ignoredColumns: { column: string; heading: string }[];
  rowsRead: number;
  dataRows: number;
  skipped: SkippedRows;
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
  /** the header and the first rows under it, as text (asked for by the window's preview) */
  sample?: { headings: string[]; rows: { row: number; cells: string[] }[] };
}

/** Errors kept per file (all of any real file; a bound so a gigabyte of garbage cannot exhaust memory). */
export const MAX_KEPT_ERRORS = 1_000_000;
