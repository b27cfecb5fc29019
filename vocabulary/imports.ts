/** What a file can be imported as: master data, then the documents of the ledger. */
export const MASTER_KINDS = ['manufacturers', 'distributors', 'ka-accounts', 'stores', 'products', 'prices', 'contracts', 'promotions'] as const;
export const DOCUMENT_IMPORT_KINDS = ['deliveries', 'receipts', 'returns', 'statements', 'deductions', 'remittances', 'manufacturer-credits'] as const;
export const IMPORT_KINDS = [...MASTER_KINDS, ...DOCUMENT_IMPORT_KINDS] as const;
export type MasterKind = (typeof MASTER_KINDS)[number];
export type DocumentImportKind = (typeof DOCUMENT_IMPORT_KINDS)[number];
export type ImportKind = (typeof IMPORT_KINDS)[number];
