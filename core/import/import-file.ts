import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { Book } from '../../db/connection.js';
import { insertBatch } from '../../db/queries/documents.js';
import { batchesOfFile, onlyManufacturerCode } from '../../db/queries/import-lookups.js';
import { loadMapping, saveMapping } from '../../db/queries/import-mappings.js';
import { canonicalJson } from '../canonical-json.js';
import { assertIsoDate } from '../calendar/dates.js';
import { UserError } from '../errors.js';
import { Poster } from '../ledger/post-documents.js';
import { ImportCorrections } from '../corrections/replace-on-import.js';
import { MasterDataWriter } from '../master-data/save-master-data.js';
import type { PromotionInput } from '../master-data/schemas.js';
import { detectHeader, expectedHeadings, HEADER_SCAN_ROWS, type ExplicitMapping } from './detect-header.js';
import { DocumentCollector } from './document-collector.js';
import { documentRow } from './document-rows.js';
import { FieldReader } from './field-reader.js';
import { importContracts } from './import-contracts.js';
import { DOCUMENT_IMPORT_KINDS, KIND_SPECS, type DocumentImportKind, type ImportKind } from './import-kinds.js';
import { MAX_KEPT_ERRORS, type FileImportReport, type RowError } from './import-report.js';
import { masterRow, promotionRow } from './master-rows.js';
import { openTable, type RawRow } from './read-rows.js';
import { bookReadLimits } from './readers/book-read-limits.js';
import type { ReadLimits } from './readers/read-limits.js';
import { DateWindow } from './date-window.js';
import { PartyResolver } from './resolve-parties.js';
import { RecordReader } from './row-records.js';
import { holdCheck, pendingByKa } from '../credit/holds.js';
import { cellText } from './cell-values.js';
import { throwIfCancelled, type WorkControl } from '../work/long-work.js';

export interface ImportOptions {
  kind: ImportKind;
  actor: string;
  kaCode?: string;
  /** rows without a date of their own (deductions and statements often have none) */
  date?: string;
  /** a saved mapping to use */
  mapping?: string;
  /** heading → field, beating detection */
  map?: ExplicitMapping;
  /** save the mapping this file was read with under this name */
  saveMappingAs?: string;
  dryRun?: boolean;
  onProgress?: (rowsRead: number) => void;
  /** progress and cancelling for the window; a cancelled import rolls back */
  control?: WorkControl;
  /** keep this many rows below the header (the preview grid shows them) */
  sampleRows?: number;
  /** documents dated outside the book's window (a year before its first month to today) are confirmed (--allow-dates) */
  allowDates?: boolean;
  /** where the bytes are, when `file` only names them (a member of a bundle, extracted to a temporary file) */
  readFrom?: string;
  /** limits on what the file may hold; the book's settings when not given */
  limits?: ReadLimits;
  /** 替换: reverse each conflicting document and post the file's version in its place (core/corrections) */
  replace?: boolean;
  /** why, for the reversals a replacement posts (default: the file's name) */
  reason?: string;
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function emptyReport(file: string, kind: string, sha256: string, dryRun: boolean): FileImportReport {
  return {
    file, kind, format: 'json', sha256, columns: [], ignoredColumns: [], rowsRead: 0, dataRows: 0,
    skipped: { blank: 0, totals: 0, headings: 0, repeatedHeader: 0 }, created: 0, unchanged: 0, conflicts: [], replaced: [], lines: 0,
    learnedItemCodes: [], errors: [], warnings: [], newDocuments: [], errorCount: 0, dryRun, committed: false, previousImports: [], seconds: 0,
  };
}

/**
 * Imports one file in one transaction: every row is read and checked, and the file's documents or records are
 * written only if no row was refused and no document conflicts with what the book already holds. A file
 * imported again adds nothing; a re-exported file that overlaps adds only what is new.
 */
export async function importFile(book: Book, file: string, options: ImportOptions): Promise<FileImportReport> {
  const started = Date.now();
  if (options.date) assertIsoDate(options.date, { field: '--date' });
  const sha256 = await sha256Of(options.readFrom ?? file).catch(() => {
    throw new UserError('import.file-not-found', {}, { file });
  });
  const report = emptyReport(file, options.kind, sha256, options.dryRun ?? false);
  report.previousImports = batchesOfFile(book, sha256).map((b) => ({ batchId: b.id, at: b.created_at }));
  const addError = (e: RowError) => {
    report.errorCount++;
    if (report.errors.length < MAX_KEPT_ERRORS) report.errors.push(e);
  };
  const fail = (e: unknown) => {
    if (!(e instanceof UserError)) throw e;
    addError({ file, ...(e.place.row !== undefined ? { row: e.place.row } : {}), ...(e.place.field ? { field: e.place.field } : {}), reason: e.toMessage() });
  };

  book.begin();
  try {
    const batchId = insertBatch(book, { kind: 'import', description: `import ${options.kind} ${basename(file)}`, file_name: file, file_sha256: sha256, created_by: options.actor });
    const writer = new MasterDataWriter(book, options.actor, { file });
    if (options.kind === 'contracts') {
      report.dataRows = importContracts(options.readFrom ?? file, writer, report.errors);
      report.errorCount = report.errors.length;
      report.created = writer.counts.created;
      report.unchanged = writer.counts.unchanged;
    } else {
      await importTable(book, file, options, report, writer, batchId, fail);
    }
    const ok = report.errorCount === 0 && report.conflicts.length === 0;
    if (ok && !report.dryRun && (report.created > 0 || report.replaced.length > 0 || report.learnedItemCodes.length > 0 || options.saveMappingAs)) {
      book.commit();
      report.committed = true;
      report.batchId = batchId;
    } else {
      book.rollback();
    }
  } catch (e) {
    book.rollback();
    throw e;
  }
  report.seconds = (Date.now() - started) / 1000;
  return report;
}

async function importTable(
  book: Book, file: string, options: ImportOptions, report: FileImportReport, writer: MasterDataWriter, batchId: number,
  fail: (e: unknown) => void,
): Promise<void> {
  const kind = options.kind as Exclude<ImportKind, 'contracts'>;
  const spec = KIND_SPECS[kind];
  const table = await openTable(options.readFrom ?? file, { file, limits: options.limits ?? bookReadLimits(book) });
  report.format = table.format;
  if (table.encoding) report.encoding = table.encoding;
  const dates = new DateWindow(book, options.allowDates ?? false);

  let explicit: ExplicitMapping = options.map ?? {};
  if (options.mapping) {
    const saved = loadMapping(book, options.mapping, kind, options.kaCode ?? '');
    if (!saved) throw new UserError('import.unknown-mapping', { name: options.mapping, kind, ka: options.kaCode ?? '' }, { field: '--mapping' });
    explicit = { ...(JSON.parse(saved) as ExplicitMapping), ...explicit };
  }

  const iterator = table.rows[Symbol.asyncIterator]();
  const head: RawRow[] = [];
  while (head.length < HEADER_SCAN_ROWS) {
    const next = await iterator.next();
    if (next.done) break;
    head.push(next.value);
  }
  report.rowsRead = head.length;
  const header = detectHeader(head, spec, explicit);
  const requiredMissing = spec.fields.filter((f) => f.required && !header?.columns.some((c) => c.field === f.field) && !(f.field === 'storeCode'));
  const anyOfMissing = (spec.anyOf ?? []).filter((set) => !header?.columns.some((c) => set.includes(c.field)));
  if (!header || requiredMissing.length || anyOfMissing.length) {
    const wanted = [...requiredMissing.map((f) => expectedHeadings(f)), ...anyOfMissing.map((set) => set.map((f) => expectedHeadings(spec.fields.find((x) => x.field === f)!)).join(' / '))];
    throw header
      ? new UserError('import.header-missing-columns', { row: header.row, wanted }, { file })
      : new UserError('import.no-header', { rows: HEADER_SCAN_ROWS, wanted: spec.fields.filter((f) => f.required).map(expectedHeadings) }, { file });
  }
  report.headerRow = header.row;
  report.columns = header.columns.map((c) => ({ column: c.letter, heading: c.heading, field: c.field }));
  if (options.sampleRows) {
    report.sample = {
      headings: head[header.index]!.cells.map((c) => cellText(c)),
      rows: head.slice(header.index + 1, header.index + 1 + options.sampleRows).map((r) => ({ row: r.row, cells: r.cells.map((c) => cellText(c)) })),
    };
  }
  report.ignoredColumns = header.ignored.map((c) => ({ column: c.letter, heading: c.heading }));
  if (options.saveMappingAs) {
    saveMapping(book, { name: options.saveMappingAs, kind, ka_code: options.kaCode ?? '', mapping_json: canonicalJson(Object.fromEntries(header.columns.map((c) => [c.heading, c.field]))), created_by: options.actor });
  }

  const records = new RecordReader(header, spec, head[header.index]!.cells);
  const isDocuments = (DOCUMENT_IMPORT_KINDS as readonly string[]).includes(kind);
  const parties = new PartyResolver(book, options.actor);
  const poster = new Poster(book, options.actor, batchId);
  const corrections = new ImportCorrections(book, poster, { replace: options.replace ?? false, actor: options.actor, reason: options.reason?.trim() || basename(file) });
  const collector = isDocuments ? new DocumentCollector(poster, file, report, fail, (draft, outcome, row) => corrections.onConflict(draft, outcome, row)) : undefined;
  const seenKeys = new Map<string, number>();
  const promotions = new Map<string, { row: number; input: PromotionInput }>();
  const manufacturerCode = kind === 'promotions' ? onlyManufacturerCode(book) : undefined;

  // Credit holds: a delivery to a KA over its limit or graded D is warned about or refused, per the book's setting.
  const holds = new Map<string, ReturnType<typeof holdCheck>>();
  let pending: Map<number, number> | undefined;
  const pendingOnce = () => (pending ??= pendingByKa(book));
  const checkHold = (row: number, kaAccountId: number | null | undefined, date: string) => {
    if (kind !== 'deliveries' || !kaAccountId) return;
    const key = `${kaAccountId}|${date}`;
    let verdict = holds.get(key);
    if (!verdict) {
      verdict = holdCheck(book, kaAccountId, date, pendingOnce);
      holds.set(key, verdict);
    }
    if (verdict.level === 'block') throw new UserError('credit.held', { reasons: verdict.reasons }, { file, row });
    if (verdict.level === 'warn' && report.warnings.length < 1000) report.warnings.push({ file, row, reason: { code: 'credit.warned', params: { reasons: verdict.reasons } } });
  };

  const handle = (raw: RawRow) => {
    const record = records.read(raw);
    if (!record) return;
    report.dataRows++;
    const r = new FieldReader(record, file);
    try {
      if (collector) {
        const docRow = documentRow(r, parties, { kind: kind as DocumentImportKind, file, kaCode: options.kaCode, date: options.date });
        checkHold(record.row, docRow.header.kaAccountId, docRow.header.docDate);
        dates.note(docRow.header.docDate, r.has('date') ? { ...r.place('date'), row: record.row } : { file, row: record.row, field: '--date' });
        collector.add(record.row, docRow);
      } else if (kind === 'promotions') {
        const { code, input } = promotionRow(r, { kaCode: options.kaCode, manufacturerCode });
        const existing = promotions.get(code);
        if (existing) existing.input.products.push(...input.products);
        else promotions.set(code, { row: record.row, input });
      } else {
        const key = masterRow(r, writer, { kind: kind as never, kaCode: options.kaCode });
        const first = seenKeys.get(key);
        if (first !== undefined) throw new UserError('import.duplicate-key', { key, first, row: record.row }, { file, row: record.row });
        seenKeys.set(key, record.row);
      }
    } catch (e) {
      fail(e);
    }
  };

  for (const raw of head.slice(header.index + 1)) handle(raw);
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
    report.rowsRead++;
    handle(next.value);
    if (report.rowsRead % 50_000 === 0) options.onProgress?.(report.rowsRead);
    if (report.rowsRead % 2_000 === 0) {
      throwIfCancelled(options.control);
      if (report.rowsRead % 10_000 === 0) options.control?.progress?.({ step: 'read-rows', done: report.rowsRead });
    }
  }
  report.skipped = records.skipped;
  if (table.encoding) report.encoding = table.encoding;
  for (const refusal of dates.refusals()) fail(refusal);

  if (collector) {
    collector.finish();
    report.conflicts.push(...corrections.conflicts);
    report.replaced.push(...corrections.replaced);
  }
  else if (kind === 'promotions') {
    for (const { row, input } of promotions.values()) {
      try {
        writer.promotion(input);
      } catch (e) {
        fail(e instanceof UserError ? e.withPlace({ file, row, ...(e.place.field ? { field: e.place.field } : {}) }) : e);
      }
    }
  }
  if (!collector) {
    report.created = writer.counts.created;
    report.unchanged = writer.counts.unchanged;
  }
  report.learnedItemCodes = parties.learnedAliases;
}
