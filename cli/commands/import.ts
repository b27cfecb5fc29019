import { parseArgs } from 'node:util';
import { openExistingBook } from '../../core/book/open-book.js';
import { commandLanguage, UserError } from '../../core/errors.js';
import { importFile } from '../../core/import/import-file.js';
import { IMPORT_KINDS, type ImportKind } from '../../core/import/import-kinds.js';
import type { FileImportReport } from '../../core/import/import-report.js';
import { readCustomersFile, type CustomerPair } from '../../core/import/learn-customers.js';
import { DATE_ORDERS, type DateOrder } from '../../vocabulary/index.js';
import { COMMON_OPTIONS } from '../context.js';
import { writeAs } from '../sign-in.js';
import { printJson, type Io } from '../io.js';
import { UsageError } from '../usage.js';
import { noteReading } from '../activity.js';
import { extractExportBundle, isExportBundle } from '../../core/import/readers/export-archive.js';
import { bookReadLimits } from '../../core/import/readers/book-read-limits.js';
import { undoImport } from '../../core/corrections/undo-import.js';
import { correctionActor, reversalLines, say } from '../correction-text.js';
import { describeImport } from './import-report-text.js';

const OPTIONS = {
  ...COMMON_OPTIONS,
  ka: { type: 'string' }, mapping: { type: 'string' }, map: { type: 'string' }, 'save-mapping': { type: 'string' },
  'no-saved-mapping': { type: 'boolean', default: false }, 'date-order': { type: 'string' },
  'learn-customers': { type: 'boolean', default: false }, customers: { type: 'string' },
  date: { type: 'string' }, 'dry-run': { type: 'boolean', default: false }, 'allow-dates': { type: 'boolean', default: false },
  // corrections (core/corrections): replace what differs from the book, or undo a whole import batch
  replace: { type: 'boolean', default: false }, reason: { type: 'string' }, undo: { type: 'string' },
} as const;

/** "门店=storeCode;金额=amount" → { 门店: 'storeCode', 金额: 'amount' } ("列名=" leaves a column unread). */
function parseMap(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of text.split(/[;；]/).filter((p) => p.trim())) {
    const at = pair.lastIndexOf('=');
    if (at <= 0) throw new UsageError('usage.import-map', { pair });
    out[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return out;
}

function dateOrderOf(value: string | undefined): DateOrder | undefined {
  if (value === undefined) return undefined;
  if (!(DATE_ORDERS as readonly string[]).includes(value)) throw new UserError('import.bad-date-order', { value }, { field: '--date-order' });
  return value as DateOrder;
}

export async function importCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: OPTIONS });
  if (values.undo !== undefined) return undoCommand(positionals, values, io);
  const [path, kind, ...files] = positionals;
  if (!path || !kind || files.length === 0) throw new UsageError('usage.import-needs');
  if (!(IMPORT_KINDS as readonly string[]).includes(kind)) throw new UsageError('usage.one-of', { option: 'KIND', values: IMPORT_KINDS.join(', ') });
  const dateOrder = dateOrderOf(values['date-order']);
  // A mistake in --map is found before the book is opened or anyone signs in.
  const map = values.map ? parseMap(values.map) : undefined;
  // A customers file confirms ERP customer codes as stores (客户编码, 系统, 门店编号), with the file's import.
  const confirm: CustomerPair[] = values.customers ? await readCustomersFile(values.customers) : [];
  const book = await openExistingBook(path);
  const reports: FileImportReport[] = [];
  const lang = commandLanguage(io.env);
  let actor = 'dry-run';
  const importOne = async (file: string, readFrom?: string) => {
    noteReading(file);
    const report = await importFile(book, file, {
      kind: kind as ImportKind, actor, replace: values.replace, ...(values.reason ? { reason: values.reason } : {}), kaCode: values.ka, mapping: values.mapping,
      ...(map ? { map } : {}), saveMappingAs: values['save-mapping'], date: values.date,
      dryRun: values['dry-run'], allowDates: values['allow-dates'], ...(readFrom ? { readFrom } : {}),
      ignoreSavedMapping: values['no-saved-mapping'], dateOrder, learnCustomers: values['learn-customers'],
      ...(confirm.length ? { confirmCustomers: confirm } : {}),
      // A large file shows how far it has got, on a terminal only (never in captured output).
      ...(process.stderr.isTTY && !values.json ? { onProgress: (n: number) => process.stderr.write(`\r  ${file}: ${n.toLocaleString('en')} rows read`) } : {}),
    });
    if (process.stderr.isTTY && !values.json && report.rowsRead >= 50_000) process.stderr.write('\n');
    reports.push(report);
    if (!values.json) describeImport(io, report, lang);
  };
  try {
    // A dry run writes nothing, so anyone may try a file; an import needs a signed-in user who may import, and
    // replacing (which reverses documents) one who may also correct.
    if (!values['dry-run']) actor = await writeAs(book, io, values.user, values.replace ? ['import', 'corrections'] : ['import']);
    for (const file of files) {
      // A .zip of export files: each file in it is imported as a file of its own, all or nothing per file.
      noteReading(file);
      // (Invoices read a .zip of 数电票 XML files themselves, as one file: core/invoices/import-invoices.ts.)
      if (kind !== 'invoices' && (await isExportBundle(file, file, bookReadLimits(book)))) {
        const bundle = await extractExportBundle(file, file, bookReadLimits(book));
        try {
          for (const member of bundle.files) await importOne(member.file, member.path);
        } finally {
          await bundle.cleanup();
        }
      } else {
        await importOne(file);
      }
    }
  } finally {
    noteReading(undefined);
    book.close();
  }
  if (values.json) printJson(io, { book: path, kind, files: reports });
  return reports.every((r) => r.errorCount === 0 && r.conflicts.length === 0) ? 0 : 1;
}

/** `ka-settle import BOOK --undo BATCH --reason R`: 撤销导入. */
async function undoCommand(positionals: string[], values: { undo?: string; reason?: string; user?: string; json?: boolean }, io: Io): Promise<number> {
  const [path, ...rest] = positionals;
  if (!path || rest.length) throw new UsageError('usage.undo-book-only');
  if (!/^\d+$/.test(values.undo ?? '')) throw new UsageError('usage.undo-batch');
  if (!values.reason?.trim()) throw new UsageError('usage.undo-reason');
  const book = await openExistingBook(path);
  try {
    const actor = await correctionActor(book, io, values.user);
    const report = undoImport(book, Number(values.undo), { actor, reason: values.reason });
    const lang = commandLanguage(io.env);
    if (values.json) printJson(io, report);
    else {
      io.out(say(lang, 'corrections.done-undone', { batch: report.batch, documents: report.reversed.length, reinstated: report.reinstated.length, undoBatch: report.undoBatch }));
      for (const r of report.reversed) for (const line of reversalLines(lang, r)) io.out(`  ${line}`);
    }
    return 0;
  } finally {
    book.close();
  }
}
