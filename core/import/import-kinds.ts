import type { DocumentKind } from '../ledger/document-kinds.js';
import type { SynonymGroup } from './header-match.js';

/** The KIND names of `ka-settle import`. */
import { DOCUMENT_IMPORT_KINDS, IMPORT_KINDS, MASTER_KINDS } from '../../vocabulary/index.js';
export { DOCUMENT_IMPORT_KINDS, IMPORT_KINDS, MASTER_KINDS } from '../../vocabulary/index.js';
export type MasterKind = (typeof MASTER_KINDS)[number];
export type DocumentImportKind = (typeof DOCUMENT_IMPORT_KINDS)[number];
export type ImportKind = (typeof IMPORT_KINDS)[number];

export type FieldType = 'text' | 'date' | 'amount' | 'price' | 'qty' | 'rate' | 'int';

export interface FieldSpec {
  field: string;
  /** synonym groups whose headings map to this field, most specific first */
  groups: SynonymGroup[];
  type: FieldType;
  required?: boolean;
  /**
   * A document-level value (number, date, store, order): a blank cell takes the value of the row above, as
   * merged cells and grouped exports leave it.
   */
  fillDown?: boolean;
}

export interface KindSpec {
  fields: FieldSpec[];
  /** at least one field of each set must be mapped (e.g. a product by SKU, barcode or the KA's item code) */
  anyOf?: string[][];
}

const text = (field: string, groups: SynonymGroup[], extra: Partial<FieldSpec> = {}): FieldSpec => ({ field, groups, type: 'text', ...extra });
const product: FieldSpec[] = [
  text('sku', ['sku']), text('barcode', ['barcode']), text('kaItemCode', ['kaItemCode']), text('productName', ['productName']),
];
const productAnyOf = ['sku', 'barcode', 'kaItemCode'];
/**
 * The store of a row: the KA's store code, a cell joining code and name, or the distributor's ERP customer code; a
 * name column beside it. It is a document-level field (filled down within a document) for goods documents and
 * deductions, and a line-level one on statements and remittances, whose lines name stores of their own.
 */
const store = (required: boolean, documentLevel = true): FieldSpec[] => [
  text('kaCode', ['kaCode'], { fillDown: true }),
  text('storeCode', ['storeCode', 'erpCustomerCode'], { required, fillDown: documentLevel }),
  text('storeName', ['storeName', 'customerName'], { fillDown: documentLevel }),
];

/**
 * Deliveries, receipts and returns share one shape: a document number, date, order and store, and product lines
 * of quantity, price and amount. Each has its own more specific headings first (送货单号, 实收数量 …). The store
 * may come from a heading row rather than a column for KA files (not for the distributor's own deliveries).
 */
function productDocument(o: { number: SynonymGroup; date: SynonymGroup; qty: SynonymGroup; numberRequired: boolean; storeRequired: boolean; extra?: FieldSpec[] }): KindSpec {
  return {
    fields: [
      text('docNo', [o.number, 'docNo'], { required: o.numberRequired, fillDown: true }),
      { field: 'date', groups: [o.date, 'date'], type: 'date', required: true, fillDown: true },
      text('orderNo', ['orderNo'], { fillDown: true }), ...store(o.storeRequired), ...(o.extra ?? []),
      ...product, { field: 'qty', groups: o.qty === 'qty' ? ['qty'] : [o.qty, 'qty'], type: 'qty', required: true },
      { field: 'price', groups: ['price'], type: 'price', required: true },
      { field: 'amount', groups: ['amount'], type: 'amount' }, text('memo', ['memo']),
    ],
    anyOf: [productAnyOf],
  };
}

export const KIND_SPECS: Record<Exclude<ImportKind, 'contracts'>, KindSpec> = {
  manufacturers: { fields: [text('code', ['manufacturerCode', 'code'], { required: true }), text('name', ['manufacturerName', 'name'], { required: true })] },
  distributors: {
    fields: [
      text('code', ['distributorCode', 'code'], { required: true }), text('name', ['distributorName', 'name'], { required: true }),
      text('manufacturerCode', ['manufacturerCode'], { required: true }), text('region', ['region']), text('contact', ['contact']), text('phone', ['phone']),
    ],
  },
  'ka-accounts': {
    fields: [
      text('code', ['kaCode', 'code'], { required: true }), text('name', ['kaName', 'customerName', 'name'], { required: true }),
      { field: 'paymentTermsDays', groups: ['paymentTermsDays'], type: 'int', required: true }, text('contact', ['contact']), text('phone', ['phone']),
    ],
  },
  stores: {
    fields: [
      text('kaCode', ['kaCode']), text('storeCode', ['storeCode', 'code'], { required: true }), text('name', ['storeName', 'name'], { required: true }),
      text('region', ['region'], { required: true }), text('city', ['city']), text('distributorCode', ['distributorCode']),
      { field: 'openedOn', groups: ['openedOn'], type: 'date' }, text('erpCustomerCode', ['erpCustomerCode']),
    ],
  },
  products: {
    fields: [
      text('sku', ['sku', 'code'], { required: true }), text('barcode', ['barcode']), text('name', ['productName', 'name'], { required: true }),
      text('spec', ['spec']), { field: 'casePack', groups: ['casePack'], type: 'int' }, { field: 'vatRate', groups: ['vatRate'], type: 'rate' },
      text('manufacturerCode', ['manufacturerCode']),
    ],
  },
  prices: {
    fields: [
      text('kaCode', ['kaCode']), ...product, text('region', ['region']), { field: 'price', groups: ['price'], type: 'price', required: true },
      { field: 'validFrom', groups: ['validFrom'], type: 'date', required: true }, { field: 'validTo', groups: ['validTo'], type: 'date', required: true },
    ],
    anyOf: [productAnyOf],
  },
  promotions: {
    fields: [
      text('code', ['promotionCode'], { required: true, fillDown: true }), text('kaCode', ['kaCode'], { fillDown: true }),
      text('name', ['promotionName'], { required: true, fillDown: true }), text('kind', ['promotionKind'], { fillDown: true }),
      text('manufacturerCode', ['manufacturerCode'], { fillDown: true }),
      { field: 'startDate', groups: ['startDate', 'validFrom'], type: 'date', required: true, fillDown: true },
      { field: 'endDate', groups: ['endDate', 'validTo'], type: 'date', required: true, fillDown: true },
      ...product, { field: 'normalPrice', groups: ['normalPrice'], type: 'price', required: true },
      { field: 'promoPrice', groups: ['promoPrice'], type: 'price', required: true }, text('stores', ['stores'], { fillDown: true }),
    ],
    anyOf: [productAnyOf],
  },
  deliveries: productDocument({ number: 'deliveryNo', date: 'deliveryDate', qty: 'qty', numberRequired: true, storeRequired: true,
    extra: [text('distributorCode', ['distributorCode'], { fillDown: true })] }),
  // A receipt file without receipt numbers (Metro's GoodsRecView) is grouped by store, order and date.
  receipts: productDocument({ number: 'receiptNo', date: 'receiptDate', qty: 'receivedQty', numberRequired: false, storeRequired: false }),
  returns: productDocument({ number: 'returnNo', date: 'returnDate', qty: 'returnQty', numberRequired: true, storeRequired: false }),
  statements: {
    fields: [
      text('docNo', ['statementNo', 'docNo'], { fillDown: true }), { field: 'date', groups: ['date'], type: 'date', fillDown: true }, ...store(false, false),
      text('reference', ['reference', 'receiptNo', 'returnNo', 'deductionNo', 'docNo']), text('documentType', ['documentType']),
      { field: 'amount', groups: ['amount'], type: 'amount', required: true }, text('memo', ['memo']),
    ],
  },
  deductions: {
    fields: [
      text('docNo', ['deductionNo', 'docNo'], { required: true, fillDown: true }),
      { field: 'date', groups: ['deductionDate', 'date'], type: 'date', fillDown: true }, ...store(false),
      text('feeText', ['feeText'], { required: true }), { field: 'amount', groups: ['deductionAmount', 'amount'], type: 'amount', required: true },
      text('method', ['method'], { fillDown: true }), text('memo', ['memo']),
    ],
  },
  remittances: {
    fields: [
      text('docNo', ['remittanceNo', 'docNo'], { required: true, fillDown: true }),
      { field: 'date', groups: ['paymentDate', 'date'], type: 'date', required: true, fillDown: true },
      ...store(false, false), text('distributorCode', ['distributorCode'], { fillDown: true }),
      text('reference', ['reference', 'receiptNo', 'returnNo', 'deductionNo', 'statementNo', 'docNo']), { field: 'amount', groups: ['paymentAmount', 'amount'], type: 'amount', required: true },
      text('method', ['method'], { fillDown: true }), text('memo', ['memo']),
    ],
  },
  'manufacturer-credits': {
    fields: [
      text('docNo', ['creditNo', 'docNo'], { required: true, fillDown: true }),
      { field: 'date', groups: ['date', 'paymentDate'], type: 'date', required: true, fillDown: true },
      text('manufacturerCode', ['manufacturerCode'], { fillDown: true }), text('distributorCode', ['distributorCode'], { required: true, fillDown: true }),
      text('kaCode', ['kaCode'], { fillDown: true }), text('method', ['method'], { fillDown: true }), text('reference', ['reference']),
      { field: 'amount', groups: ['amount', 'paymentAmount'], type: 'amount', required: true }, text('memo', ['memo']),
    ],
  },
};

export const DOCUMENT_KIND_OF: Record<DocumentImportKind, DocumentKind> = {
  deliveries: 'delivery', receipts: 'receipt', returns: 'return', statements: 'statement', deductions: 'deduction',
  remittances: 'remittance', 'manufacturer-credits': 'manufacturer_credit',
};
