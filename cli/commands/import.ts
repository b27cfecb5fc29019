import { parseArgs } from 'node:util';
import { openExistingBook } from '../../core/book/open-book.js';
import { importFile } from '../../core/import/import-file.js';
import { formatFen } from '../../core/money/format.js';
import { IMPORT_KINDS, type ImportKind } from '../../core/import/import-kinds.js';
import type { FileImportReport } from '../../core/import/import-report.js';
import { COMMON_OPTIONS, resolveActor } from '../context.js';
import { printJson, type Io } from '../io.js';
import { UsageError } from '../usage.js';
import { noteReading } from '../activity.js';
import { extractExportBundle, isExportBundle } from '../../core/import/readers/export-archive.js';
import { bookReadLimits } from '../../core/import/readers/book-read-limits.js';
import { undoImport } from '../../core/corrections/undo-import.js';
import { commandLanguage } from '../../core/errors.js';
import { correctionActor, differenceLines, reversalLines, say } from '../correction-text.js';
import { wordsOf } from '../words.js';
import { renderMessage, renderWithPlace } from '../../locale/index.js';

const OPTIONS = {
  ...COMMON_OPTIONS,
  ka: { type: 'string' }, mapping: { type: 'string' }, map: { type: 'string' }, 'save-mapping': { type: 'string' },
  date: { type: 'string' }, 'dry-run': { type: 'boolean', default: false }, 'allow-dates': { type: 'boolean', default: false },
  // corrections (core/corrections): replace what differs from the book, or undo a whole import batch
  replace: { type: 'boolean', default: false }, reason: { type: 'string' }, undo: { type: 'string' },
} as const;

/** Errors shown in the text output; --json has them all. */
const SHOWN_ERRORS = 100;

/** "门店=storeCode;金额=amount" → { 门店: 'storeCode', 金额: 'amount' } */
function parseMap(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of text.split(/[;；]/).filter((p) => p.trim())) {
    const at = pair.lastIndexOf('=');
    if (at <= 0) throw new UsageError(`--map takes heading=field pairs separated by ";", got "${pair}"`);
    out[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return out;
}

function describe(io: Io, r: FileImportReport): void {
  const { lang, w, label } = wordsOf(io);
  const what = r.kind === 'contracts' ? 'contracts' : ['deliveries', 'receipts', 'returns', 'statements', 'deductions', 'remittances', 'manufacturer-credits'].includes(r.kind) ? 'documents' : 'records';
  io.out(`${w('cli.import-head', { kind: label('importKinds', r.kind), file: r.file, format: `${r.format}${r.encoding ? `, ${r.encoding}` : ''}` })}${r.headerRow ? w('cli.import-header-row', { row: r.headerRow }) : ''}`);
  if (r.columns.length) io.out(`  ${w('cli.import-columns', { list: r.columns.map((c) => `${c.column} ${c.heading}→${c.field}`).join(', ') })}`);
  if (r.ignoredColumns.length) io.out(`  ${w('cli.import-ignored', { list: r.ignoredColumns.map((c) => `${c.column} ${c.heading}`).join(', ') })}`);
  const skipped = (Object.entries(r.skipped) as [keyof typeof r.skipped, number][]).filter(([, n]) => n > 0).map(([k, n]) => w(`cli.import-skip-${k}`, { count: n }));
  io.out(`  ${w('cli.import-rows', {
    rows: r.dataRows, skipped: skipped.length ? w('cli.import-skipped', { list: skipped.join(lang === 'zh' ? '，' : ', ') }) : '', what: w(`cli.what-${what}`),
    created: r.created, lines: r.lines ? w('cli.import-lines', { lines: r.lines }) : '', unchanged: r.unchanged, conflicts: r.conflicts.length,
  })}`);
  if (r.learnedItemCodes.length) io.out(`  ${w('cli.import-learned', { count: r.learnedItemCodes.length, examples: r.learnedItemCodes.slice(0, 3).map((a) => `${a.ka} ${a.itemCode}=${a.sku}`).join(', ') })}`);
  if (r.previousImports.length) io.out(`  ${w('cli.import-before', { batches: r.previousImports.map((p) => p.batchId).join(', ') })}`);
  correctionLines(io, r);
  for (const e of r.errors.slice(0, SHOWN_ERRORS)) io.out(`  ${w('cli.error', { text: renderWithPlace(lang, e.reason, e) })}`);
  const warned = new Map<string, number[]>();
  for (const x of r.warnings) warned.set(renderMessage(lang, x.reason), [...(warned.get(renderMessage(lang, x.reason)) ?? []), x.row ?? 0]);
  for (const [reason, rows] of warned) io.out(`  ${w('cli.warning', { text: reason, rows: `${rows.slice(0, 10).join(', ')}${rows.length > 10 ? ' …' : ''}` })}`);
  if (r.errorCount > SHOWN_ERRORS) io.out(`  ${w('cli.more-errors', { count: r.errorCount - SHOWN_ERRORS })}`);
  if (r.dryRun && r.newDocuments.length) {
    for (const d of r.newDocuments.slice(0, 20)) io.out(`  ${w('cli.would-add', { key: d.key, row: d.row, lines: d.lines, total: formatFen(d.total) })}`);
    if (r.created > 20) io.out(`  ${w('cli.more-documents', { count: r.created - 20 })}`);
  }
  const verdict = r.errorCount || r.conflicts.length ? w('cli.import-refused')
    : r.dryRun ? w('cli.import-dry-run') : r.committed ? w('cli.import-done', { batch: r.batchId ?? 0 }) : w('cli.import-nothing-new');
  io.out(`  ${w('cli.import-verdict', { verdict, seconds: r.seconds.toFixed(1) })}`);
}

export async function importCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: OPTIONS });
  if (values.undo !== undefined) return undoCommand(positionals, values, io);
  const [path, kind, ...files] = positionals;
  if (!path || !kind || files.length === 0) throw new UsageError('import needs BOOK KIND FILE...');
  if (!(IMPORT_KINDS as readonly string[]).includes(kind)) throw new UsageError(`KIND must be one of ${IMPORT_KINDS.join(', ')}`);
  const book = await openExistingBook(path);
  const reports: FileImportReport[] = [];
  let actor = resolveActor(io, values.user);
  const importOne = async (file: string, readFrom?: string) => {
    noteReading(file);
    const report = await importFile(book, file, {
      kind: kind as ImportKind, actor, replace: values.replace, ...(values.reason ? { reason: values.reason } : {}), kaCode: values.ka, mapping: values.mapping,
      ...(values.map ? { map: parseMap(values.map) } : {}), saveMappingAs: values['save-mapping'], date: values.date,
      dryRun: values['dry-run'], allowDates: values['allow-dates'], ...(readFrom ? { readFrom } : {}),
      // A large file shows how far it has got, on a terminal only (never in captured output).
      ...(process.stderr.isTTY && !values.json ? { onProgress: (n: number) => process.stderr.write(`\r  ${file}: ${n.toLocaleString('en')} rows read`) } : {}),
    });
    if (process.stderr.isTTY && !values.json && report.rowsRead >= 50_000) process.stderr.write('\n');
    reports.push(report);
    if (!values.json) describe(io, report);
  };
  try {
    // Replacing reverses documents: that names a person, signed in where the book has users.
    if (values.replace) actor = await correctionActor(book, io, values.user);
    for (const file of files) {
      // A .zip of export files: each file in it is imported as a file of its own, all or nothing per file.
      noteReading(file);
      if (await isExportBundle(file, file, bookReadLimits(book))) {
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

/** Conflicts with what changed, line by line (old → new); with --replace what was (or would be) replaced. */
function correctionLines(io: Io, r: FileImportReport): void {
  const lang = commandLanguage(io.env);
  for (const c of r.conflicts.slice(0, SHOWN_ERRORS)) {
    const version = c.difference?.oldVersion ?? 1;
    io.out(`  ${say(lang, c.reason === 'reversed' ? 'corrections.conflict-reversed' : 'corrections.conflict-changed', { key: c.key, row: c.row ?? 0, version })}`);
    if (c.difference) for (const line of differenceLines(lang, c.difference)) io.out(line);
  }
  if (r.conflicts.length) io.out(`  ${say(lang, 'corrections.hint-replace')}`);
  for (const x of r.replaced.slice(0, SHOWN_ERRORS)) {
    const code = r.dryRun ? (x.reason === 'reversed' ? 'corrections.would-reinstate' : 'corrections.would-replace')
      : (x.reason === 'reversed' ? 'corrections.reinstated' : 'corrections.replaced');
    io.out(`  ${say(lang, code, { key: x.key, row: x.row ?? 0, version: x.difference?.oldVersion ?? x.version - 1, newVersion: x.version, reversal: x.reversalId ?? 0 })}`);
    if (x.difference) for (const line of differenceLines(lang, x.difference)) io.out(line);
  }
}

/** `ka-settle import BOOK --undo BATCH --reason R`: 撤销导入. */
async function undoCommand(positionals: string[], values: { undo?: string; reason?: string; user?: string; json?: boolean }, io: Io): Promise<number> {
  const [path, ...rest] = positionals;
  if (!path || rest.length) throw new UsageError('import --undo needs BOOK only: ka-settle import BOOK --undo BATCH --reason R');
  if (!/^\d+$/.test(values.undo ?? '')) throw new UsageError('--undo takes an import batch number (see ka-settle show BOOK batches)');
  if (!values.reason?.trim()) throw new UsageError('import --undo needs --reason R');
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
