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

/**
 * How a store cell of an import was read (the preview shows it): the KA's store code as it is, the code of a cell
 * that joins code and name ("101-上海古北店"), a code without the KA's prefix or leading zeros, a name that is unique
 * for the KA, the distributor's own ERP customer code (given in 主数据 or confirmed once), a store heading row above
 * the lines, or no store at all (全系统: a chain-level line of the KA account).
 */
export const STORE_READINGS = ['code', 'code-and-name', 'code-without-prefix', 'code-without-zeros', 'name', 'customer-code', 'heading-row', 'chain'] as const;
export type StoreReading = (typeof STORE_READINGS)[number];

/**
 * How a date column writes its dates, decided from the whole column: 2026-10-03 or 2026/10/3, 20261003,
 * 2026年10月3日, 10/03/2026 (month first), 03/10/2026 (day first), Excel serial numbers, date cells.
 */
export const DATE_STYLES = ['ymd', 'compact', 'cjk', 'mdy', 'dmy', 'serial', 'date-cell'] as const;
export type DateStyle = (typeof DATE_STYLES)[number];
/** The two readings of a column such as 03/04/2026 that only the user can tell apart. */
export const DATE_ORDERS = ['dmy', 'mdy'] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];

/** Why a column was read as its field: named by hand (--map), a saved mapping, its heading, its values, or both. */
export const MAPPING_BASES = ['explicit', 'saved', 'heading', 'values', 'heading-and-values'] as const;
export type MappingBasis = (typeof MAPPING_BASES)[number];

/**
 * The fields a file's columns are read as (the mapping table and the messages name them in words). Every field of
 * every import kind is here: test/core/import keeps the two in step.
 */
export const IMPORT_FIELDS = [
  'code', 'name', 'manufacturerCode', 'distributorCode', 'kaCode', 'paymentTermsDays', 'contact', 'phone', 'region', 'city',
  'storeCode', 'storeName', 'erpCustomerCode', 'openedOn', 'sku', 'barcode', 'kaItemCode', 'productName', 'spec', 'casePack',
  'vatRate', 'price', 'validFrom', 'validTo', 'docNo', 'date', 'orderNo', 'qty', 'amount', 'memo', 'reference', 'documentType',
  'feeText', 'method', 'kind', 'startDate', 'endDate', 'normalPrice', 'promoPrice', 'stores',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
