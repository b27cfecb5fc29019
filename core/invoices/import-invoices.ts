import { posix } from 'node:path';
import { readFileSync } from 'node:fs';
import type { Book } from '../../db/connection.js';
import { UserError } from '../errors.js';
import { detectHeader, expectedHeadings, HEADER_SCAN_ROWS } from '../import/detect-header.js';
import { FieldReader } from '../import/field-reader.js';
import type { ImportOptions } from '../import/import-file.js';
import { KIND_SPECS } from '../import/import-kinds.js';
import type { FileImportReport } from '../import/import-report.js';
import { openTable, type RawRow } from '../import/read-rows.js';
import { bookReadLimits } from '../import/readers/book-read-limits.js';
import { isWorkbookZip } from '../import/readers/xlsx-reader.js';
import { ZipArchive } from '../import/readers/zip-archive.js';
import { sniffFile } from '../import/sniff-file.js';
import { RecordReader } from '../import/row-records.js';
import { DateWindow } from '../import/date-window.js';
import type { InvoiceDraft } from './invoice-draft.js';
import { invoiceKey } from './invoice-numbers.js';
import { checkInvoice } from './check-invoice.js';
import { readEInvoice } from './read-einvoice.js';
import { InvoiceListReader } from './read-invoice-list.js';
import { recordInvoiceBatch } from './record-batch.js';

/**
 * Imports invoices inside importFile's transaction (the same command, wizard and report as every file): the e-tax
 * portal's 全量发票查询 export (.xlsx, .xls, .csv, header found as for any file), one 数电票 XML, or a .zip of them.
 * Every invoice is checked and the file is written only if none was refused (the caller commits or rolls back).
 */
export async function importInvoiceFile(book: Book, file: string, options: ImportOptions, report: FileImportReport, batchId: number, fail: (e: unknown) => void): Promise<void> {
  const path = options.readFrom ?? file;
  const limits = options.limits ?? bookReadLimits(book);
  const drafts: InvoiceDraft[] = [];
  const sniffed = /\.xml$/i.test(file) ? 'xml' : sniffFile(path, file).kind;
  if (sniffed === 'xml' || (sniffed !== 'zip' && readFileSync(path).subarray(0, 200).toString('utf8').replace(/^\uFEFF/, '').trimStart().startsWith('<?xml'))) {
    report.format = 'xml';
    drafts.push(readEInvoice(readFileSync(path), file, file));
    report.rowsRead = report.dataRows = 1;
  } else if (sniffed === 'zip' && !(await isWorkbook(path, file, limits))) {
    report.format = 'zip';
    drafts.push(...(await readXmlZip(path, file, limits, report, fail)));
  } else {
    await readList(book, file, path, options, report, drafts, fail);
  }
  // Every invoice's own arithmetic is checked before any is recorded, so a bad file names all its bad invoices.
  for (const d of drafts) {
    try {
      checkInvoice(d);
    } catch (e) {
      fail(e);
    }
  }
  const dates = new DateWindow(book, options.allowDates ?? false);
  for (const d of drafts) dates.note(d.date, { file: d.sourceFile ?? file, row: d.sourceRow ?? 1, field: '开票日期' });
  for (const refusal of dates.refusals()) fail(refusal);
  if (report.errorCount > 0) return;
  const summary = recordInvoiceBatch(book, drafts, options.actor, { description: `import invoices ${file}`, id: batchId }, { onError: fail });
  report.created = summary.created;
  report.unchanged = summary.unchanged;
  report.updated = summary.updated;
  report.lines = drafts.reduce((n, d) => n + d.items.length, 0);
  report.newDocuments = drafts.slice(0, 1000).map((d) => ({ key: invoiceKey(d.code, d.number), row: d.sourceRow ?? 1, lines: d.items.length, total: d.gross }));
  report.notices = summary.notices;
}

async function isWorkbook(path: string, file: string, limits: ImportOptions['limits'] & object): Promise<boolean> {
  const archive = await ZipArchive.open(path, file, limits);
  try {
    return isWorkbookZip(archive);
  } finally {
    await archive.close();
  }
}

/** Every .xml in the zip, verified as it is read; anything else in it (but archivers' clutter) refuses the zip. */
async function readXmlZip(path: string, file: string, limits: NonNullable<ImportOptions['limits']>, report: FileImportReport, fail: (e: unknown) => void): Promise<InvoiceDraft[]> {
  const archive = await ZipArchive.open(path, file, limits);
  const drafts: InvoiceDraft[] = [];
  try {
    const members = archive.entries.filter((e) => !e.name.endsWith('/') && !e.name.startsWith('__MACOSX/') && !/^(\.DS_Store|Thumbs\.db|desktop\.ini)$/.test(posix.basename(e.name)));
    const other = members.find((m) => !/\.xml$/i.test(m.name));
    if (other) throw new UserError('invoices.zip-member', { member: other.name, reason: 'not .xml' }, { file });
    if (members.length === 0) throw new UserError('invoices.zip-no-xml', {}, { file });
    const seen = new Map<string, string>();
    for (const m of members) {
      const chunks: Buffer[] = [];
      for await (const chunk of archive.bytes(m)) chunks.push(chunk);
      report.rowsRead++;
      report.dataRows++;
      try {
        const d = readEInvoice(Buffer.concat(chunks), file, m.name);
        const key = invoiceKey(d.code, d.number);
        const first = seen.get(key);
        // The same invoice twice in one zip (downloaded twice) is read once.
        if (first === undefined) {
          seen.set(key, m.name);
          drafts.push(d);
        }
      } catch (e) {
        fail(e);
      }
    }
  } finally {
    await archive.close();
  }
  return drafts;
}

/** The portal's list export, read as any file: the header is found, its columns mapped (saved mappings work too). */
async function readList(book: Book, file: string, path: string, options: ImportOptions, report: FileImportReport, drafts: InvoiceDraft[], fail: (e: unknown) => void): Promise<void> {
  const spec = KIND_SPECS.invoices;
  const table = await openTable(path, { file, limits: options.limits ?? bookReadLimits(book) });
  report.format = table.format;
  const iterator = table.rows[Symbol.asyncIterator]();
  const head: RawRow[] = [];
  while (head.length < HEADER_SCAN_ROWS) {
    const next = await iterator.next();
    if (next.done) break;
    head.push(next.value);
  }
  report.rowsRead = head.length;
  const header = detectHeader(head, spec, { explicit: options.map ?? {} });
  const missing = spec.fields.filter((f) => f.required && !header?.columns.some((c) => c.field === f.field));
  const anyOf = (spec.anyOf ?? []).filter((set) => !header?.columns.some((c) => set.includes(c.field)));
  if (!header || missing.length || anyOf.length) {
    const wanted = [...missing.map((f) => expectedHeadings(f)), ...anyOf.map((set) => set.map((f) => expectedHeadings(spec.fields.find((x) => x.field === f)!)).join(' / '))];
    throw header ? new UserError('import.header-lacks', { row: header.row, wanted }, { file })
      : new UserError('import.no-header', { rows: HEADER_SCAN_ROWS, expected: spec.fields.filter((f) => f.required).map(expectedHeadings) }, { file });
  }
  report.headerRow = header.row;
  report.columns = header.columns.map((c) => ({ column: c.letter, heading: c.heading, field: c.field, confidence: c.confidence, basis: c.basis }));
  report.ignoredColumns = header.ignored.map((c) => ({ column: c.letter, heading: c.heading }));
  const records = new RecordReader(header, spec, head[header.index]!.cells);
  const reader = new InvoiceListReader(file);
  const handle = (raw: RawRow) => {
    const record = records.read(raw);
    if (!record) return;
    report.dataRows++;
    try {
      reader.add(new FieldReader(record, file), record.row);
    } catch (e) {
      fail(e);
    }
  };
  for (const raw of head.slice(header.index + 1)) handle(raw);
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
    report.rowsRead++;
    handle(next.value);
  }
  report.skipped = records.skipped;
  drafts.push(...reader.drafts());
}
