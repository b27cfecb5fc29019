import type { FileImportReport } from '../../core/import/import-report.js';
import { formatFen } from '../../core/money/format.js';
import { labelOf, renderMessage, renderWithPlace, type Language, type MessageCode, type Params } from '../../locale/index.js';
import type { Io } from '../io.js';
import { differenceLines, say as sayCorrection } from '../correction-text.js';

/** Errors shown in the text output; --json has them all. */
const SHOWN_ERRORS = 100;
const SHOWN_STORES = 12;

const DOCUMENT_KINDS = ['deliveries', 'receipts', 'returns', 'statements', 'deductions', 'remittances', 'manufacturer-credits'];

/**
 * What importing one file did, for a person at a terminal: the header and how each column was read (with how sure),
 * the saved mapping applied, the date style of each date column, how store cells were read, what must be decided
 * (competing columns, an undecidable date column, unknown ERP customers with the store proposed), then the outcome.
 */
export function describeImport(io: Io, r: FileImportReport, lang: Language): void {
  const say = (code: MessageCode, params: Params = {}) => renderMessage(lang, { code, params });
  const what = r.kind === 'contracts' ? 'contracts' : DOCUMENT_KINDS.includes(r.kind) ? 'documents' : 'records';
  io.out(`${say('cli.import-head', { kind: labelOf(lang, 'importKinds', r.kind), file: r.file, format: `${r.format}${r.encoding ? `, ${r.encoding}` : ''}` })}${r.headerRow ? say('cli.import-header-row', { row: r.headerRow }) : ''}`);
  if (r.appliedMapping) {
    const m = r.appliedMapping;
    io.out(`  ${say(m.ka ? 'import.saved-mapping-applied' : 'import.saved-mapping-applied-any', { date: m.savedAt.slice(0, 10), ka: m.kaName || m.ka, name: m.name })}`);
  }
  if (r.columns.length) io.out(`  ${say('cli.import-columns', { list: r.columns.map((c) => `${c.column} ${c.heading}→${c.field} ${c.confidence}%`).join(', ') })}`);
  if (r.ignoredColumns.length) io.out(`  ${say('cli.import-ignored', { list: r.ignoredColumns.map((c) => `${c.column} ${c.heading}`).join(', ') })}`);
  for (const d of r.dateStyles) io.out(`  ${say('import.date-column', { column: `${d.column} ${d.heading}`, style: d.style, example: d.example })}`);
  for (const s of r.storeReadings.slice(0, SHOWN_STORES)) {
    io.out(`  ${s.store ? say('import.store-read', { text: s.text, store: `${s.store.ka}/${s.store.code}`, name: s.store.name, how: s.reading }) : say('import.store-read-chain', { text: s.text })}`);
  }
  if (r.storeReadings.length > SHOWN_STORES) io.out(`  ${say('cli.import-more-stores', { count: r.storeReadings.length - SHOWN_STORES })}`);
  if (r.filledCells) io.out(`  ${say('import.filled-cells', { count: r.filledCells })}`);
  if (r.unknownCustomers.length) {
    io.out(`  ${say('import.unknown-customers', { count: r.unknownCustomers.length, codes: r.unknownCustomers.map((u) => u.code) })}`);
    for (const u of r.unknownCustomers) {
      io.out(`    ${u.proposal
        ? say('import.customer-proposal', { code: u.code, name: u.name ?? '', ka: u.proposal.ka, store: u.proposal.storeCode, storeName: u.proposal.storeName, score: Math.round(u.proposal.score * 100) })
        : say('import.customer-no-proposal', { code: u.code, name: u.name ?? '' })}`);
    }
  }
  if (r.learnedCustomers.length) io.out(`  ${say('import.customers-learned', { count: r.learnedCustomers.length })}: ${r.learnedCustomers.map((c) => `${c.code}=${c.ka}/${c.storeCode}`).join(', ')}`);
  const skipped = (Object.entries(r.skipped) as [keyof typeof r.skipped, number][]).filter(([, n]) => n > 0).map(([k, n]) => say(`cli.import-skip-${k}`, { count: n }));
  io.out(`  ${say('cli.import-rows', {
    rows: r.dataRows, skipped: skipped.length ? say('cli.import-skipped', { list: skipped.join(lang === 'zh' ? '，' : ', ') }) : '', what: say(`cli.what-${what}`),
    created: r.created, lines: r.lines ? say('cli.import-lines', { lines: r.lines }) : '', unchanged: r.unchanged, conflicts: r.conflicts.length,
  })}`);
  if (r.learnedItemCodes.length) io.out(`  ${say('cli.import-learned', { count: r.learnedItemCodes.length, examples: r.learnedItemCodes.slice(0, 3).map((a) => `${a.ka} ${a.itemCode}=${a.sku}`).join(', ') })}`);
  if (r.previousImports.length) io.out(`  ${say('cli.import-before', { batches: r.previousImports.map((p) => p.batchId).join(', ') })}`);
  correctionLines(io, r, lang);
  for (const e of r.errors.slice(0, SHOWN_ERRORS)) io.out(`  ${say('cli.error', { text: renderWithPlace(lang, e.reason, e) })}`);
  const warned = new Map<string, number[]>();
  for (const x of r.warnings) {
    const reason = renderMessage(lang, x.reason);
    warned.set(reason, [...(warned.get(reason) ?? []), x.row ?? 0]);
  }
  for (const [reason, rows] of warned) io.out(`  ${say('cli.warning', { text: reason, rows: `${rows.slice(0, 10).join(', ')}${rows.length > 10 ? ' …' : ''}` })}`);
  if (r.errorCount > SHOWN_ERRORS) io.out(`  ${say('cli.more-errors', { count: r.errorCount - SHOWN_ERRORS })}`);
  if (r.dryRun && r.newDocuments.length) {
    for (const d of r.newDocuments.slice(0, 20)) io.out(`  ${say('cli.would-add', { key: d.key, row: d.row, lines: d.lines, total: formatFen(d.total) })}`);
    if (r.created > 20) io.out(`  ${say('cli.more-documents', { count: r.created - 20 })}`);
  }
  const verdict = r.errorCount || r.conflicts.length ? say('cli.import-refused')
    : r.dryRun ? say('cli.import-dry-run') : r.committed ? say('cli.import-done', { batch: r.batchId ?? 0 }) : say('cli.import-nothing-new');
  io.out(`  ${say('cli.import-verdict', { verdict, seconds: r.seconds.toFixed(1) })}`);
}

/** Conflicts with what changed, line by line (old → new); with --replace what was (or would be) replaced. */
function correctionLines(io: Io, r: FileImportReport, lang: Language): void {
  for (const c of r.conflicts.slice(0, SHOWN_ERRORS)) {
    const version = c.difference?.oldVersion ?? 1;
    io.out(`  ${sayCorrection(lang, c.reason === 'reversed' ? 'corrections.conflict-reversed' : 'corrections.conflict-changed', { key: c.key, row: c.row ?? 0, version })}`);
    if (c.difference) for (const line of differenceLines(lang, c.difference)) io.out(line);
  }
  if (r.conflicts.length) io.out(`  ${sayCorrection(lang, 'corrections.hint-replace')}`);
  for (const x of r.replaced.slice(0, SHOWN_ERRORS)) {
    const code = r.dryRun ? (x.reason === 'reversed' ? 'corrections.would-reinstate' : 'corrections.would-replace')
      : (x.reason === 'reversed' ? 'corrections.reinstated' : 'corrections.replaced');
    io.out(`  ${sayCorrection(lang, code, { key: x.key, row: x.row ?? 0, version: x.difference?.oldVersion ?? x.version - 1, newVersion: x.version, reversal: x.reversalId ?? 0 })}`);
    if (x.difference) for (const line of differenceLines(lang, x.difference)) io.out(line);
  }
}
