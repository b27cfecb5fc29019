/** What a file can be imported as: master data, then the documents of the ledger. */
export const MASTER_KINDS = ['manufacturers', 'distributors', 'ka-accounts', 'stores', 'products', 'prices', 'contracts', 'promotions'] as const;
export const DOCUMENT_IMPORT_KINDS = ['deliveries', 'receipts', 'returns', 'statements', 'deductions', 'remittances', 'manufacturer-credits'] as const;
export const IMPORT_KINDS = [...MASTER_KINDS, ...DOCUMENT_IMPORT_KINDS] as const;
export type MasterKind = (typeof MASTER_KINDS)[number];
export type DocumentImportKind = (typeof DOCUMENT_IMPORT_KINDS)[number];
export type ImportKind = (typeof IMPORT_KINDS)[number];

/**
 * What an error value in a spreadsheet cell means (#REF!, #N/A …), and `uncalculated`: a formula saved without its
 * result. A cell holding one is read as such, never as text or a number, and refused where a field needs a value.
 */
export const CELL_ERROR_KINDS = ['ref', 'na', 'value', 'div0', 'name', 'num', 'null', 'spill', 'calc', 'getting-data', 'other', 'uncalculated'] as const;
export type CellErrorKind = (typeof CELL_ERROR_KINDS)[number];
/** The kinds of number a file's cell is read as, for saying what was wrong with one. */
export const NUMBER_KINDS = ['amount', 'price', 'quantity', 'rate', 'number'] as const;
export type NumberKind = (typeof NUMBER_KINDS)[number];
