/** 凭证导出: how a month's postings are handed to the company's general ledger (金蝶, 用友). */

/** One voucher per document, or one per day and document kind (汇总). */
export const VOUCHER_GROUPINGS = ['document', 'day_kind'] as const;
export type VoucherGrouping = (typeof VOUCHER_GROUPINGS)[number];

/** The general ledgers a month's vouchers are written for; each has one or more layouts (core/vouchers/layouts). */
export const VOUCHER_FORMATS = ['kingdee', 'yonyou', 'csv'] as const;
export type VoucherFormat = (typeof VOUCHER_FORMATS)[number];

/** 核算项目: the auxiliary dimensions a GL keeps on an account. */
export const AUX_DIMENSIONS = ['customer', 'supplier', 'department'] as const;
export type AuxDimension = (typeof AUX_DIMENSIONS)[number];

/** Who the customer (客户) of an account's line is: nobody, the KA account (系统), or the store (门店). */
export const CUSTOMER_SOURCES = ['none', 'ka', 'store'] as const;
export type CustomerSource = (typeof CUSTOMER_SOURCES)[number];

/** The parties of the book that stand for a GL's 核算项目: customer = KA or store, supplier = manufacturer, department = distributor. */
export const AUX_PARTIES = ['ka', 'store', 'manufacturer', 'distributor'] as const;
export type AuxParty = (typeof AUX_PARTIES)[number];

/** Where an account's mapping stands: confirmed by a person, only proposed, or neither. */
export const MAPPING_STATES = ['confirmed', 'proposed', 'unmapped'] as const;
export type MappingState = (typeof MAPPING_STATES)[number];
