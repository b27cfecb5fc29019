import { basename } from 'node:path';
import type { Book } from '../../db/connection.js';
import { onlyManufacturerCode } from '../../db/queries/import-lookups.js';
import { suspendPostingLocks } from '../../db/queries/posting-locks.js';
import { UserError } from '../errors.js';
import { asUserError } from '../ledger/book-errors.js';
import { ImportCorrections } from '../corrections/replace-on-import.js';
import { Poster } from '../ledger/post-documents.js';
import type { MasterDataWriter } from '../master-data/save-master-data.js';
import type { PromotionInput } from '../master-data/schemas.js';
import { throwIfCancelled } from '../work/long-work.js';
import { cellText } from './cell-values.js';
import { decideDateColumns } from './date-columns.js';
import { DateWindow } from './date-window.js';
import { deliveryHolds } from './delivery-holds.js';
import { HEADER_SCAN_ROWS, VALUE_SAMPLE_ROWS, type HeaderMatch } from './detect-header.js';
import { meaningOf } from './heading-meaning.js';
import { DocumentCollector } from './document-collector.js';
import { documentRow } from './document-rows.js';
import { FieldReader } from './field-reader.js';
import { competitionError, findHeader } from './find-header.js';
import { DOCUMENT_IMPORT_KINDS, KIND_SPECS, type DocumentImportKind, type ImportKind } from './import-kinds.js';
import type { ImportOptions } from './import-options.js';
import type { FileImportReport } from './import-report.js';
import { masterRow, promotionRow } from './master-rows.js';
import { openTable, type RawRow } from './read-rows.js';
import { bookReadLimits } from './readers/book-read-limits.js';
import type { PartyResolver } from './resolve-parties.js';
import { RecordReader } from './row-records.js';
import { keepMapping } from './saved-mappings.js';
import { sampleOf, storeReadingsOf, unknownCustomersOf, type SampleNotes } from './table-report.js';

/**
 * Whether a delivery file's store column names the distributor's ERP customer (客户编码, 购货单位, 往来单位 — or
 * a column recognised by its values alone, as ERP exports are) rather than the KA's store (门店编号): an unknown
 * code is then an unknown customer, proposed a store by its name, not an unknown store.
 */
function storeColumnIsCustomer(header: HeaderMatch): boolean {
  const column = header.columns.find((c) => c.field === 'storeCode');
  if (!column) return false;
  const meaning = meaningOf(column.heading);
  return meaning.has('customer') || !meaning.has('store');
}

/**
 * Reads a table file (CSV, xlsx, HTML-as-xls) of one kind into the caller's transaction: finds the header and the
 * reading of each column, decides each date column's style from the whole column, then reads every row, gathering
 * documents (posted as each is complete) or master-data records. Every refused row is reported through `fail`.
 */
export async function importTable(
  book: Book, file: string, options: ImportOptions, report: FileImportReport, writer: MasterDataWriter, batchId: number,
  parties: PartyResolver, fail: (e: unknown) => void,
): Promise<void> {
  const kind = options.kind as Exclude<ImportKind, 'contracts'>;
  const spec = KIND_SPECS[kind];
  const open = () => openTable(options.readFrom ?? file, { file, limits: options.limits ?? bookReadLimits(book) });
  const table = await open();
  report.format = table.format;
  if (table.encoding) report.encoding = table.encoding;
  const dateWindow = new DateWindow(book, options.allowDates ?? false);

  const iterator = table.batches[Symbol.asyncIterator]();
  const head: RawRow[] = [];
  // Rows of the last batch read for the head that lie beyond it: read first, before the next batch.
  let beyondHead: RawRow[] = [];
  while (head.length < HEADER_SCAN_ROWS + VALUE_SAMPLE_ROWS) {
    const next = await iterator.next();
    if (next.done) break;
    const room = HEADER_SCAN_ROWS + VALUE_SAMPLE_ROWS - head.length;
    head.push(...next.value.slice(0, room));
    beyondHead = next.value.slice(room);
  }
  report.rowsRead = head.length;
  const { header, kaCode, dateOrder, refusal } = findHeader(book, file, head, kind, spec, options, parties, report);
  for (const c of report.competing) fail(competitionError(file, c));

  const dates = await decideDateColumns(header, spec, head, async () => (await open()).rows, dateOrder, file);
  report.dateStyles = dates.styles;
  if (dates.question) report.dateQuestion = dates.question;
  const notes: SampleNotes = new Map();
  if (options.sampleRows) report.sample = sampleOf(head, header, options.sampleRows, notes);
  const stop = refusal ?? dates.refusal;
  if (stop) {
    // Nothing of the file is read until the user confirms its columns or says how its dates are written.
    fail(stop);
    await iterator.return?.();
    return;
  }
  if (options.saveMappingAs) {
    keepMapping(book, {
      name: options.saveMappingAs, kind, ka: kaCode ?? '', headerCells: head[header.index]!.cells, actor: options.actor,
      // The columns left unread are kept too ("" for no field): the next file is read exactly as this one was.
      columns: Object.fromEntries([...header.ignored.map((c) => [c.heading || c.letter, '']), ...header.columns.map((c) => [c.heading || c.letter, c.field])]),
      ...(dates.orders.size && dateOrder ? { dateOrder } : {}),
    });
  }

  const ka = kaCode ? parties.ka(kaCode, { file, field: '--ka' }) : null;
  const records = new RecordReader(header, spec, head[header.index]!.cells, { isStoreHeading: (t) => parties.stores.knows(t, ka, false) });
  const isDocuments = (DOCUMENT_IMPORT_KINDS as readonly string[]).includes(kind);
  // Lines of many documents stored together; the collector stores the last of them when it finishes.
  const poster = new Poster(book, options.actor, batchId, { linesInBatches: isDocuments });
  const corrections = new ImportCorrections(book, poster, { replace: options.replace ?? false, actor: options.actor, reason: options.reason?.trim() || basename(file) });
  const collector = isDocuments ? new DocumentCollector(poster, file, report, fail, (draft, outcome, row) => corrections.onConflict(draft, outcome, row)) : undefined;
  // The posting locks are checked once, for all the file's documents and lines, before the import may commit
  // (db/queries/posting-locks.ts).
  const locks = isDocuments ? suspendPostingLocks(book.db) : undefined;
  const seenKeys = new Map<string, number>();
  const promotions = new Map<string, { row: number; input: PromotionInput }>();
  const manufacturerCode = kind === 'promotions' ? onlyManufacturerCode(book) : undefined;
  const checkHold = kind === 'deliveries' ? deliveryHolds(book, file, report) : undefined;
  const storeIsCustomer = kind === 'deliveries' && storeColumnIsCustomer(header);
  const sampleTill = (report.sample?.rows.at(-1)?.row ?? 0);

  const handle = (raw: RawRow) => {
    const record = records.read(raw);
    if (!record) return;
    report.dataRows++;
    report.filledCells += record.filled.length;
    const r = new FieldReader(record, file, dates.orders);
    const note = raw.row <= sampleTill ? { filled: record.filled.map((f) => header.columns.find((c) => c.field === f)!.column) } : undefined;
    if (note) notes.set(raw.row, note);
    try {
      if (collector) {
        const docRow = documentRow(r, parties, { kind: kind as DocumentImportKind, file, kaCode, date: options.date, storeIsCustomer });
        if (note && docRow.store) notes.set(raw.row, { ...note, store: { text: cellText(record.values.storeCode ?? record.values.storeName ?? null), found: docRow.store } });
        checkHold?.(record.row, docRow.header.kaAccountId, docRow.header.docDate);
        const date = docRow.header.docDate;
        if (!dateWindow.admits(date)) dateWindow.note(date, r.has('date') ? { ...r.place('date'), row: record.row } : { file, row: record.row, field: '--date' });
        collector.add(record.row, docRow);
      } else if (kind === 'promotions') {
        const { code, input } = promotionRow(r, { kaCode, manufacturerCode });
        const existing = promotions.get(code);
        if (existing) existing.input.products.push(...input.products);
        else promotions.set(code, { row: record.row, input });
      } else {
        const key = masterRow(r, writer, { kind: kind as never, kaCode });
        const first = seenKeys.get(key);
        if (first !== undefined) throw new UserError('import.duplicate-key', { key, first, row: record.row }, { file, row: record.row });
        seenKeys.set(key, record.row);
      }
    } catch (e) {
      fail(e);
    }
  };

  for (const raw of head.slice(header.index + 1)) handle(raw);
  const handleRest = (rows: readonly RawRow[]) => {
    for (const raw of rows) {
      report.rowsRead++;
      handle(raw);
      if (report.rowsRead % 50_000 === 0) options.onProgress?.(report.rowsRead);
      if (report.rowsRead % 2_000 === 0) {
        throwIfCancelled(options.control);
        if (report.rowsRead % 10_000 === 0) options.control?.progress?.({ step: 'read-rows', done: report.rowsRead });
      }
    }
  };
  handleRest(beyondHead);
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) handleRest(next.value);
  report.skipped = records.skipped;
  if (table.encoding) report.encoding = table.encoding;
  for (const refusal of dateWindow.refusals()) fail(refusal);

  if (collector) {
    collector.finish();
    try {
      locks?.restore();
    } catch (e) {
      // Left suspended, the locks keep the transaction from committing: the file is refused whole.
      fail(asUserError(e));
    }
    report.conflicts.push(...corrections.conflicts);
    report.replaced.push(...corrections.replaced);
  } else if (kind === 'promotions') {
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
  report.storeReadings = storeReadingsOf(parties.stores);
  report.unknownCustomers = unknownCustomersOf(parties.stores);
  if (report.sample) report.sample = sampleOf(head, header, options.sampleRows!, notes);
}
