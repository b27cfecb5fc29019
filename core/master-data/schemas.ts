import { z } from 'zod';
import { isIsoDate } from '../calendar/dates.js';
import { DOCUMENT_KINDS } from '../ledger/document-kinds.js';

/**
 * Master data as it enters the book, by codes (never by database ids). Money is integer fen, prices integer
 * 1/10,000 yuan, rates integer parts per million. These schemas are the boundary: the importer, the window and
 * the demo generator all pass through them.
 */
const code = z.string().trim().min(1).max(64);
const name = z.string().trim().min(1).max(200);
const optionalText = z.string().trim().max(200).nullish().transform((v) => (v ? v : null));
const isoDate = z.string().refine(isIsoDate, 'input.date');
const fen = z.number().int();
const nonNegativeFen = fen.nonnegative();
const ppm = z.number().int().min(0).max(1_000_000);

import { DELIVERY_COST_METHODS, FEE_TYPES, PROMOTION_KINDS, REBATE_BASES, REBATE_DIRECTIONS, REMITTANCE_METHODS, TIER_MODES } from '../../vocabulary/index.js';
export { FEE_TYPES, type FeeType } from '../../vocabulary/index.js';

export const manufacturerInput = z.object({ code, name });
export const distributorInput = z.object({
  code, name, manufacturerCode: code, region: optionalText, contact: optionalText, phone: optionalText,
});
export const kaAccountInput = z.object({
  code, name, paymentTermsDays: z.number().int().min(0).max(366), contact: optionalText, phone: optionalText,
});
export const storeInput = z.object({
  kaCode: code, storeCode: code, name, region: z.string().trim().min(1).max(64), city: optionalText,
  distributorCode: code.nullish(), openedOn: isoDate.nullish(),
  /** the distributor's own ERP customer code for the store (用友/金蝶 客户编码): its delivery exports name the store by it */
  erpCustomerCode: code.nullish(),
});
export const productInput = z.object({
  sku: code,
  barcode: z.string().trim().regex(/^\d{8,14}$/, 'input.digits-8-14').nullish(),
  name, spec: optionalText, casePack: z.number().int().positive(), vatRate: ppm, manufacturerCode: code.nullish(),
});
export const priceInput = z.object({
  kaCode: code, sku: code, region: z.string().trim().max(64).default(''), price: z.number().int().nonnegative(),
  validFrom: isoDate, validTo: isoDate,
}).refine((p) => p.validFrom <= p.validTo, { message: 'input.dates-reversed', path: ['validTo'] });

export const feeTermInput = z.object({
  feeType: z.enum(FEE_TYPES).describe('fee type: entry 进场费, barcode 条码费/新品费, display 堆头费, end_cap 端架费, dm DM/海报费, anniversary 店庆费, festival 节庆费, promo_service 促销服务费, info_service 信息服务费, shrinkage 损耗, rebate 返利, penalty 罚款, other 其他'),
  allowed: z.boolean().default(true).describe('false: the KA may not charge this fee under the contract'),
  manufacturerShare: ppm.describe("the manufacturer's share in parts per million (1000000 = all of it); the distributor bears the rest"),
  maxPoints: ppm.nullish().describe('limit as parts per million of sales, if any'),
  maxAmount: nonNegativeFen.nullish().describe('limit per charge in fen, if any'),
});
export const rebateTierInput = z.object({
  threshold: nonNegativeFen.describe('net sales in fen from which this rate applies'),
  rate: ppm.describe('rate in parts per million (2.5 % = 25000)'),
});
export const deliveryCostInput = z.object({
  region: z.string().trim().max(64).default('').describe("region this rule is for; '' for every region"),
  method: z.enum(DELIVERY_COST_METHODS).describe('percent of accepted value, an amount per case, or per drop (delivery note)'),
  rate: ppm.nullish().describe('for percent: parts per million'),
  amount: nonNegativeFen.nullish().describe('for per_case and per_drop: fen'),
  monthlyFloor: nonNegativeFen.nullish().describe('monthly minimum per distributor, fen'),
  monthlyCap: nonNegativeFen.nullish().describe('monthly maximum per distributor, fen'),
}).refine((d) => (d.method === 'percent' ? d.rate != null : d.amount != null), {
  message: 'input.rate-or-amount', path: ['method'],
}).refine((d) => d.monthlyFloor == null || d.monthlyCap == null || d.monthlyFloor <= d.monthlyCap, {
  message: 'input.floor-above-cap', path: ['monthlyFloor'],
});

export const contractInput = z.object({
  code: code.describe('contract number, unique in the book'),
  manufacturerCode: code, kaCode: code.describe('the KA account (系统编码)'),
  distributorCode: code.nullish().describe("set for the manufacturer's terms with one distributor; empty for the KA contract"),
  validFrom: isoDate.describe('YYYY-MM-DD'), validTo: isoDate.describe('YYYY-MM-DD'),
  feePoints: ppm.default(0).describe('合同费用点数: total fee points in parts per million (7 % = 70000)'),
  paymentTermsDays: z.number().int().min(0).max(366).describe('账期: days from acceptance to payment'),
  settlementMode: z.enum(REMITTANCE_METHODS).describe('direct 直营结算: the KA pays the distributor; central 总部结算: it pays the manufacturer'),
  rebate: z.object({
    tierMode: z.enum(TIER_MODES).default('whole').describe('whole 全额累进: the reached rate on the whole base; progressive 超额累进: each slice at its own rate'),
    basis: z.enum(REBATE_BASES).default('annual'),
    direction: z.enum(REBATE_DIRECTIONS).default('to_ka').describe('to_ka: rebate owed to the KA; to_distributor: the manufacturer pays the distributor on KA sales'),
    excludesPromotions: z.boolean().default(true).describe('sales at promotion prices are left out of the base'),
    tiers: z.array(rebateTierInput).default([]),
    excludedProducts: z.array(code).default([]).describe('SKUs left out of the base'),
    excludedStores: z.array(code).default([]).describe("the KA's store codes left out of the base"),
  }).default({ tierMode: 'whole', basis: 'annual', direction: 'to_ka', excludesPromotions: true, tiers: [], excludedProducts: [], excludedStores: [] }),
  feeTerms: z.array(feeTermInput).default([]),
  deliveryCost: z.array(deliveryCostInput).default([]),
}).refine((c) => c.validFrom <= c.validTo, { message: 'input.dates-reversed', path: ['validTo'] })
  .refine((c) => new Set(c.rebate.tiers.map((t) => t.threshold)).size === c.rebate.tiers.length, {
    message: 'input.tier-twice', path: ['rebate', 'tiers'],
  })
  .refine((c) => new Set(c.feeTerms.map((t) => t.feeType)).size === c.feeTerms.length, {
    message: 'input.fee-type-twice', path: ['feeTerms'],
  });

export const promotionInput = z.object({
  code, kaCode: code, manufacturerCode: code, name, kind: z.enum(PROMOTION_KINDS).default('special'),
  startDate: isoDate, endDate: isoDate,
  products: z.array(z.object({ sku: code, normalPrice: z.number().int().nonnegative(), promoPrice: z.number().int().nonnegative() })).min(1),
  /** store codes of the KA taking part; empty means every store */
  stores: z.array(code).default([]),
}).refine((p) => p.startDate <= p.endDate, { message: 'input.dates-reversed', path: ['endDate'] });

export type ManufacturerInput = z.input<typeof manufacturerInput>;
export type DistributorInput = z.input<typeof distributorInput>;
export type KaAccountInput = z.input<typeof kaAccountInput>;
export type StoreInput = z.input<typeof storeInput>;
export type ProductInput = z.input<typeof productInput>;
export type PriceInput = z.input<typeof priceInput>;
export type ContractInput = z.input<typeof contractInput>;
export type ContractOutput = z.output<typeof contractInput>;
export type PromotionInput = z.input<typeof promotionInput>;

export const documentKindSchema = z.enum(DOCUMENT_KINDS);
