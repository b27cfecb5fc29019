import { PROMOTION_KINDS, REBATE_BASES, REBATE_DIRECTIONS, REMITTANCE_METHODS, TIER_MODES } from '../../../vocabulary/index.js';

/** How each master-data form is laid out: the record's keys, how a typed value becomes the book's value. */
export type FieldKind = 'text' | 'int' | 'date' | 'yuan' | 'price' | 'percent' | 'ka' | 'list' | { options: string[] };

export interface FieldSpec { key: string; label: string; kind: FieldKind; required?: boolean }

export const MASTER_FIELDS: Record<string, FieldSpec[]> = {
  manufacturers: [{ key: 'code', label: 'fields.code', kind: 'text', required: true }, { key: 'name', label: 'fields.name', kind: 'text', required: true }],
  distributors: [
    { key: 'code', label: 'fields.code', kind: 'text', required: true }, { key: 'name', label: 'fields.name', kind: 'text', required: true },
    { key: 'manufacturerCode', label: 'fields.manufacturerCode', kind: 'text', required: true }, { key: 'region', label: 'fields.region', kind: 'text' },
    { key: 'contact', label: 'fields.contact', kind: 'text' }, { key: 'phone', label: 'fields.phone', kind: 'text' },
  ],
  'ka-accounts': [
    { key: 'code', label: 'fields.code', kind: 'text', required: true }, { key: 'name', label: 'fields.name', kind: 'text', required: true },
    { key: 'paymentTermsDays', label: 'fields.paymentTermsDays', kind: 'int', required: true }, { key: 'contact', label: 'fields.contact', kind: 'text' },
    { key: 'phone', label: 'fields.phone', kind: 'text' },
  ],
  stores: [
    { key: 'kaCode', label: 'fields.kaCode', kind: 'ka', required: true }, { key: 'storeCode', label: 'fields.storeCode', kind: 'text', required: true },
    { key: 'name', label: 'fields.name', kind: 'text', required: true }, { key: 'region', label: 'fields.region', kind: 'text', required: true },
    { key: 'city', label: 'fields.city', kind: 'text' }, { key: 'distributorCode', label: 'fields.distributorCode', kind: 'text' },
    { key: 'openedOn', label: 'fields.openedOn', kind: 'date' }, { key: 'erpCustomerCode', label: 'importFields.erpCustomerCode', kind: 'text' },
  ],
  products: [
    { key: 'sku', label: 'fields.sku', kind: 'text', required: true }, { key: 'barcode', label: 'fields.barcode', kind: 'text' },
    { key: 'name', label: 'fields.name', kind: 'text', required: true }, { key: 'spec', label: 'fields.spec', kind: 'text' },
    { key: 'casePack', label: 'fields.casePack', kind: 'int', required: true }, { key: 'vatRate', label: 'fields.vatRate', kind: 'percent', required: true },
    { key: 'manufacturerCode', label: 'fields.manufacturerCode', kind: 'text' },
  ],
  prices: [
    { key: 'kaCode', label: 'fields.kaCode', kind: 'ka', required: true }, { key: 'sku', label: 'fields.sku', kind: 'text', required: true },
    { key: 'region', label: 'fields.region', kind: 'text' }, { key: 'price', label: 'fields.price', kind: 'price', required: true },
    { key: 'validFrom', label: 'fields.validFrom', kind: 'date', required: true }, { key: 'validTo', label: 'fields.validTo', kind: 'date', required: true },
  ],
  contracts: [
    { key: 'code', label: 'fields.code', kind: 'text', required: true }, { key: 'manufacturerCode', label: 'fields.manufacturerCode', kind: 'text', required: true },
    { key: 'kaCode', label: 'fields.kaCode', kind: 'ka', required: true }, { key: 'distributorCode', label: 'fields.distributorCode', kind: 'text' },
    { key: 'validFrom', label: 'fields.validFrom', kind: 'date', required: true }, { key: 'validTo', label: 'fields.validTo', kind: 'date', required: true },
    { key: 'feePoints', label: 'terms.feePoints', kind: 'percent', required: true }, { key: 'paymentTermsDays', label: 'fields.paymentTermsDays', kind: 'int', required: true },
    { key: 'settlementMode', label: 'master.settlementMode', kind: { options: [...REMITTANCE_METHODS] }, required: true },
    { key: 'rebate.tierMode', label: 'terms.tierMode', kind: { options: [...TIER_MODES] } },
    { key: 'rebate.basis', label: 'master.rebateBasis', kind: { options: [...REBATE_BASES] } },
    { key: 'rebate.direction', label: 'master.rebateDirection', kind: { options: [...REBATE_DIRECTIONS] } },
    { key: 'rebate.excludedProducts', label: 'terms.excludedProducts', kind: 'list' }, { key: 'rebate.excludedStores', label: 'terms.excludedStores', kind: 'list' },
  ],
  promotions: [
    { key: 'code', label: 'fields.code', kind: 'text', required: true }, { key: 'kaCode', label: 'fields.kaCode', kind: 'ka', required: true },
    { key: 'manufacturerCode', label: 'fields.manufacturerCode', kind: 'text', required: true }, { key: 'name', label: 'fields.name', kind: 'text', required: true },
    { key: 'kind', label: 'fields.kind', kind: { options: [...PROMOTION_KINDS] } },
    { key: 'startDate', label: 'fields.startDate', kind: 'date', required: true }, { key: 'endDate', label: 'fields.endDate', kind: 'date', required: true },
    { key: 'stores', label: 'fields.stores', kind: 'list' },
  ],
};

/** Sets a dotted key ("rebate.tierMode") in a nested record. */
export function setPath(record: Record<string, unknown>, key: string, value: unknown): void {
  const parts = key.split('.');
  let at = record;
  for (const p of parts.slice(0, -1)) at = (at[p] ??= {}) as Record<string, unknown>;
  at[parts.at(-1)!] = value;
}
