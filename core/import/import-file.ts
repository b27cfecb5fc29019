import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { Book } from '../../db/connection.js';
import { insertBatch } from '../../db/queries/documents.js';
import { batchesOfFile } from '../../db/queries/import-lookups.js';
import { assertIsoDate } from '../calendar/dates.js';
import { UserError } from '../errors.js';
import { MasterDataWriter } from '../master-data/save-master-data.js';
import { importContracts } from './import-contracts.js';
import type { ImportOptions } from './import-options.js';
import { emptyReport, MAX_KEPT_ERRORS, type FileImportReport, type RowError } from './import-report.js';
import { importTable } from './import-table.js';
import { confirmCustomers, type CustomerPair } from './learn-customers.js';
import { PartyResolver } from './resolve-parties.js';
import { applyCreditReferences } from '../reconcile/credit-references.js';

export type { ImportOptions } from './import-options.js';

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** A refusal as a report row: where, the English sentence, and the code with its parameters. */
function rowErrorOf(file: string, e: UserError): RowError {
  return { file, ...(e.place.row !== undefined ? { row: e.place.row } : {}), ...(e.place.field ? { field: e.place.field } : {}), reason: e.toMessage() };
}

/**
 * With --learn-customers: the stores proposed for the file's unknown ERP customer codes, read in a dry run first.
 * Every unknown code needs a proposal; one without is refused, naming it.
 */
async function proposedPairs(book: Book, file: string, options: ImportOptions): Promise<CustomerPair[]> {
  const probe = await importFile(book, file, { ...options, learnCustomers: false, dryRun: true, saveMappingAs: undefined, sampleRows: undefined });
  const missing = probe.unknownCustomers.find((u) => !u.proposal);
  if (missing) throw new UserError('import.no-proposal', { code: missing.code, name: missing.name ?? '' }, { file, row: missing.firstRow });
  return probe.unknownCustomers.map((u) => ({ customerCode: u.code, customerName: u.name, ka: u.proposal!.ka, storeCode: u.proposal!.storeCode }));
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
  const pairs = [...(options.confirmCustomers ?? []), ...(options.learnCustomers ? await proposedPairs(book, file, options) : [])];
  const report = emptyReport(file, options.kind, sha256, options.dryRun ?? false);
  report.previousImports = batchesOfFile(book, sha256).map((b) => ({ batchId: b.id, at: b.created_at }));
  const addError = (e: RowError) => {
    report.errorCount++;
    if (report.errors.length < MAX_KEPT_ERRORS) report.errors.push(e);
  };
  const fail = (e: unknown) => {
    if (!(e instanceof UserError)) throw e;
    addError(rowErrorOf(file, e));
  };

  book.begin();
  try {
    const batchId = insertBatch(book, { kind: 'import', description: `import ${options.kind} ${basename(file)}`, file_name: file, file_sha256: sha256, created_by: options.actor });
    if (pairs.length) report.learnedCustomers = confirmCustomers(book, pairs, options.actor, { file });
    const writer = new MasterDataWriter(book, options.actor, { file });
    if (options.kind === 'contracts') {
      report.dataRows = importContracts(options.readFrom ?? file, writer, report.errors);
      report.errorCount = report.errors.length;
      report.created = writer.counts.created;
      report.unchanged = writer.counts.unchanged;
    } else {
      await importTable(book, file, options, report, writer, batchId, new PartyResolver(book, options.actor), fail);
    }
    const ok = report.errorCount === 0 && report.conflicts.length === 0;
    // Credits that name a fee claim (the head office's credits file) clear that claim, in this same transaction.
    if (ok && !report.dryRun && options.kind === 'manufacturer-credits' && report.created > 0) report.claimsCleared = applyCreditReferences(book, batchId, options.actor);
    const wrote = report.created > 0 || report.replaced.length > 0 || report.learnedItemCodes.length > 0 || report.learnedCustomers.length > 0 || options.saveMappingAs;
    if (ok && !report.dryRun && wrote) {
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
