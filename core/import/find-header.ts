import type { Book } from '../../db/connection.js';
import { loadMapping } from '../../db/queries/import-mappings.js';
import { findKaAccount } from '../../db/queries/master-data.js';
import type { DateOrder } from '../../vocabulary/index.js';
import { UserError } from '../errors.js';
import { detectHeader, expectedHeadings, HEADER_SCAN_ROWS, type ExplicitMapping, type HeaderMatch } from './detect-header.js';
import type { ImportKind, KindSpec } from './import-kinds.js';
import type { ImportOptions } from './import-options.js';
import type { FileImportReport } from './import-report.js';
import type { RawRow } from './read-rows.js';
import type { PartyResolver } from './resolve-parties.js';
import { findSavedMapping, headerSignature } from './saved-mappings.js';

/** A KA's own exports (its receiving, returns): a product code column there may hold the KA's item codes. */
const KA_FILES = new Set<string>(['receipts', 'returns']);

export interface FoundHeader {
  header: HeaderMatch;
  /** the KA the file is read for: --ka, or the KA of the saved mapping found for it */
  kaCode: string | undefined;
  /** the date order given by the user or by the saved mapping */
  dateOrder: DateOrder | undefined;
  /**
   * why no row of the file can be read yet — a required field without a column, or one only guessed from its
   * values — while the proposed mapping is still reported for the user to confirm or change
   */
  refusal?: UserError;
}

/** A required field whose column was only guessed from its values, below this confidence, is confirmed by the user. */
const SURE_ENOUGH = 60;

/**
 * Finds the file's header and how its columns are read: a saved mapping named (--mapping) or found by the header
 * signature of one of the first rows (applied without being asked for, and named in the report), then --map by
 * hand, then each heading by its parts checked against its values. A file whose header lacks a required field is
 * refused whole, naming what is missing.
 */
export function findHeader(book: Book, file: string, head: RawRow[], kind: Exclude<ImportKind, 'contracts'>, spec: KindSpec, options: ImportOptions,
  parties: PartyResolver, report: FileImportReport): FoundHeader {
  let kaCode = options.kaCode;
  let saved: ExplicitMapping | undefined;
  let savedRowIndex: number | undefined;
  let dateOrder = options.dateOrder;
  if (options.mapping) {
    const named = loadMapping(book, options.mapping, kind, kaCode ?? '');
    if (!named) throw new UserError('import.unknown-mapping', { name: options.mapping, kind, ka: kaCode ?? '' }, { field: '--mapping' });
    saved = JSON.parse(named.mapping_json) as ExplicitMapping;
    dateOrder ??= (named.date_order as DateOrder | null) ?? undefined;
  } else if (!options.ignoreSavedMapping) {
    const found = findSavedMapping(book, head, kind, kaCode);
    if (found) {
      saved = found.mapping.mapping;
      savedRowIndex = found.index;
      dateOrder ??= found.mapping.dateOrder ?? undefined;
      kaCode ??= found.mapping.ka || undefined;
      report.appliedMapping = {
        name: found.mapping.name, ka: found.mapping.ka, kaName: found.mapping.ka ? findKaAccount(book, found.mapping.ka)?.name ?? found.mapping.ka : '',
        savedAt: found.mapping.savedAt, savedBy: found.mapping.savedBy, dateOrder: found.mapping.dateOrder,
      };
    }
  }
  if (kaCode) report.kaCode = kaCode;
  const ka = kaCode ? parties.ka(kaCode, { file, field: '--ka' }) : null;
  const header = detectHeader(head, spec, {
    explicit: options.map, saved, savedRowIndex, kaFile: KA_FILES.has(kind),
    known: { isStore: (t) => parties.stores.knows(t, ka, false), isSku: (t) => parties.knowsProduct(t) },
  });
  if (!header) throw new UserError('import.no-header', { rows: HEADER_SCAN_ROWS, expected: spec.fields.filter((f) => f.required).map(expectedHeadings) }, { file });
  const mapped = (f: string) => header.columns.some((c) => c.field === f);
  const requiredMissing = spec.fields.filter((f) => f.required && !mapped(f.field) && f.field !== 'storeCode');
  const anyOfMissing = (spec.anyOf ?? []).filter((set) => !set.some(mapped));
  let refusal: UserError | undefined;
  if (requiredMissing.length || anyOfMissing.length) {
    const wanted = [...requiredMissing.map((f) => expectedHeadings(f)), ...anyOfMissing.map((set) => set.map((f) => expectedHeadings(spec.fields.find((x) => x.field === f)!)).join(' / '))];
    refusal = new UserError('import.header-lacks', { row: header.row, wanted }, { file });
  } else {
    const needed = new Set([...spec.fields.filter((f) => f.required).map((f) => f.field), ...(spec.anyOf ?? []).flat(), 'amount', 'storeCode']);
    const unsure = header.columns.filter((c) => needed.has(c.field) && c.basis === 'values' && c.confidence < SURE_ENOUGH);
    if (unsure.length) {
      refusal = new UserError('import.unsure-columns', {
        columns: unsure.map((c) => `${c.letter} ${c.heading} (${c.confidence}%)`),
        example: header.columns.map((c) => `${c.heading || c.letter}=${c.field}`).join(';'),
      }, { file });
    }
  }
  report.headerRow = header.row;
  report.headerSignature = headerSignature(head[header.index]!.cells);
  report.columns = header.columns.map((c) => ({ column: c.letter, heading: c.heading, field: c.field, confidence: c.confidence, basis: c.basis }));
  report.ignoredColumns = header.ignored.map((c) => ({ column: c.letter, heading: c.heading }));
  report.competing = header.competing.map((c) => ({ field: c.field, columns: c.columns.map((x) => ({ column: x.letter, heading: x.heading, confidence: x.confidence })) }));
  return { header, kaCode, dateOrder, ...(refusal ? { refusal } : {}) };
}

/** The refusal for columns that compete: both named, and how to choose with --map. */
export function competitionError(file: string, c: FileImportReport['competing'][number]): UserError {
  const [first, second] = c.columns as [(typeof c.columns)[number], (typeof c.columns)[number]];
  // Two columns under the same heading are told apart by their letters.
  const name = (x: typeof first) => (first.heading && first.heading !== second.heading ? x.heading : x.column);
  return new UserError('import.competing-columns', {
    field: c.field, columns: c.columns.map((x) => `${x.column} ${x.heading} (${x.confidence}%)`),
    example: `${name(first)}=${c.field};${name(second)}=`,
  }, { file, field: c.columns.map((x) => `${x.heading} (column ${x.column})`).join(', ') });
}
