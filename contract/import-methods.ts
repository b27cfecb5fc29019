import { z } from 'zod';
import { DATE_ORDERS, DATE_STYLES, IMPORT_KINDS, LINE_CHANGES, MAPPING_BASES, STORE_READINGS } from '../vocabulary/index.js';
import { code, fen, isoDate, rowError } from './common-schemas.js';

export const importKind = z.enum(IMPORT_KINDS);

const lineView = z.object({
  store: z.string().nullable(), sku: z.string().nullable(), orderNo: z.string().nullable(), qtyMilli: z.number().int().nullable(),
  priceE4: z.number().int().nullable(), amountFen: fen, feeType: z.string().nullable(), feeText: z.string().nullable(), reference: z.string().nullable(),
});
const difference = z.object({
  key: z.string(), kind: z.string(), docNo: z.string(), oldId: z.number().int(), oldVersion: z.number().int(), oldTotalFen: fen, newTotalFen: fen,
  header: z.array(z.object({ field: z.string(), old: z.string().nullable(), new: z.string().nullable() })),
  lines: z.array(z.object({ change: z.enum(LINE_CHANGES), oldLine: z.number().int().nullable(), newLine: z.number().int().nullable(),
    old: lineView.nullable(), new: lineView.nullable(), fields: z.array(z.string()) })),
});
const conflict = z.object({
  key: z.string(), row: z.number().int().optional(), reason: z.enum(['changed', 'reversed']), docNo: z.string(), documentId: z.number().int(),
  difference: difference.nullable(),
});
const storeReading = z.object({
  text: z.string(), reading: z.enum(STORE_READINGS), rows: z.number().int(),
  store: z.object({ ka: z.string(), code: z.string(), name: z.string() }).optional(),
});

const importReport = z.object({
  file: z.string(), kind: z.string(), format: z.string(), encoding: z.string().optional(), headerRow: z.number().int().optional(),
  headerSignature: z.string().optional(), kaCode: z.string().optional(),
  /** each mapped column with how sure the reading is (0..100) and why */
  columns: z.array(z.object({ column: z.string(), heading: z.string(), field: z.string(), confidence: z.number().int(), basis: z.enum(MAPPING_BASES) })),
  ignoredColumns: z.array(z.object({ column: z.string(), heading: z.string() })),
  competing: z.array(z.object({ field: z.string(), columns: z.array(z.object({ column: z.string(), heading: z.string(), confidence: z.number().int() })) })),
  dateStyles: z.array(z.object({ column: z.string(), heading: z.string(), field: z.string(), style: z.enum(DATE_STYLES), example: z.string() })),
  dateQuestion: z.object({ column: z.string(), heading: z.string(), field: z.string(), value: z.string(), dmy: z.string(), mdy: z.string() }).optional(),
  appliedMapping: z.object({ name: z.string(), ka: z.string(), kaName: z.string(), savedAt: z.string(), savedBy: z.string(), dateOrder: z.enum(DATE_ORDERS).nullable() }).optional(),
  rowsRead: z.number().int(), dataRows: z.number().int(), created: z.number().int(), unchanged: z.number().int(), lines: z.number().int(),
  filledCells: z.number().int(), storeReadings: z.array(storeReading),
  unknownCustomers: z.array(z.object({
    code: z.string(), name: z.string().nullable(), rows: z.number().int(), firstRow: z.number().int(),
    proposal: z.object({ ka: z.string(), storeCode: z.string(), storeName: z.string(), score: z.number() }).optional(),
  })),
  learnedCustomers: z.array(z.object({ code: z.string(), ka: z.string(), storeCode: z.string() })),
  /** each document that differs from the one in force, with its difference line by line (old → new) */
  conflicts: z.array(conflict),
  /** with 替换: what was (or, previewed, would be) reversed and posted anew */
  replaced: z.array(conflict.extend({ reversalId: z.number().int().nullable(), newId: z.number().int(), version: z.number().int() })),
  errors: z.array(rowError), warnings: z.array(rowError), errorCount: z.number().int(),
  newDocuments: z.array(z.object({ key: z.string(), row: z.number().int(), lines: z.number().int(), total: fen })),
  previousImports: z.array(z.object({ batchId: z.number().int(), at: z.string() })),
  dryRun: z.boolean(), committed: z.boolean(), batchId: z.number().int().optional(), seconds: z.number(),
  sample: z.object({
    headings: z.array(z.string()),
    rows: z.array(z.object({ row: z.number().int(), cells: z.array(z.string()), filled: z.array(z.number().int()).optional(), store: storeReading.optional() })),
  }).optional(),
});

const importArgs = z.object({
  kind: importKind, path: z.string().min(1), ka: code.optional(), date: isoDate.optional(), mapping: code.optional(),
  /** file heading (or column letter) → field, beating detection; the field "" leaves a column unread */
  map: z.record(z.string(), z.string()).optional(), saveMappingAs: code.optional(),
  /** documents dated outside the book's window (a year before its first month to today) are confirmed */
  allowDates: z.boolean().optional(),
  /** for a .zip of export files: the file in it to read (as `import.bundle` lists them) */
  member: z.string().min(1).optional(),
  /** 替换: reverse each document that differs from the book and post the file's version (corrections) */
  replace: z.boolean().optional(), reason: z.string().trim().max(500).optional(),
  /** do not apply the saved mapping found for the file's headings */
  ignoreSavedMapping: z.boolean().optional(),
  /** how a date column with no day above 12 is read: day first or month first */
  dateOrder: z.enum(DATE_ORDERS).optional(),
}).strict();

const customerPair = z.object({ customerCode: code, customerName: z.string().max(200).nullish(), ka: code, storeCode: code }).strict();

const savedMapping = z.object({
  name: z.string(), kind: z.string(), ka: z.string(), mapping: z.record(z.string(), z.string()), signature: z.string().nullable(),
  dateOrder: z.enum(DATE_ORDERS).nullable(), savedAt: z.string(), savedBy: z.string(),
});

/** The import wizard: preview (nothing written), then commit (one transaction, all or nothing). */
export const importMethods = {
  'import.preview': {
    args: importArgs,
    result: importReport.extend({ fields: z.array(z.object({ field: z.string(), required: z.boolean(), type: z.string() })) }),
  },
  'import.commit': { args: importArgs, result: importReport },
  /** The export files in a .zip, each imported on its own (preview and commit with `member`). */
  'import.bundle': {
    args: z.object({ path: z.string().min(1) }).strict(),
    result: z.object({ bundle: z.boolean(), members: z.array(z.string()) }),
  },
  'import.mappings': {
    args: z.object({ kind: importKind.optional(), ka: code.optional() }).strict(),
    result: z.object({ mappings: z.array(savedMapping) }),
  },
  /** forget a saved mapping: the next file of its shape is read by its headings again */
  'import.dropMapping': { args: z.object({ name: code, kind: importKind, ka: z.string().max(64) }).strict(), result: z.object({ dropped: z.literal(true) }) },
  /** remember ERP customer codes as the stores the user confirmed (once, for the book) */
  'import.confirmCustomers': {
    args: z.object({ pairs: z.array(customerPair).min(1).max(500) }).strict(),
    result: z.object({ confirmed: z.array(z.object({ code: z.string(), ka: z.string(), storeCode: z.string() })) }),
  },
} as const;
