import type { ExpectedDocument, FeeType } from '../../vocabulary/index.js';

/**
 * The document each fee usually leaves when the contract's fee table does not say: the KA's services (进场费,
 * 陈列费, 促销服务费 …) are invoiced to us by the KA, a sales-volume rebate and shrinkage of our goods are a 销售折让
 * on our side, a red-letter invoice. A 票扣 deduction, whatever its fee, is a discount line on our invoice instead.
 */
export const USUAL_EXPECTED_DOCUMENT: Record<FeeType, ExpectedDocument> = {
  entry: 'service_invoice', barcode: 'service_invoice', display: 'service_invoice', end_cap: 'service_invoice', dm: 'service_invoice',
  anniversary: 'service_invoice', festival: 'service_invoice', promo_service: 'service_invoice', info_service: 'service_invoice',
  shrinkage: 'red_invoice', rebate: 'red_invoice', other: 'service_invoice',
  // a fine (罚款) is no sale of a service: no VAT invoice, at most a receipt (收据)
  penalty: 'none',
};

export function expectedDocument(feeType: string | null, method: string | null, contractSays: string | null | undefined): ExpectedDocument {
  if (method === 'invoice') return 'discount_line';
  if (contractSays) return contractSays as ExpectedDocument;
  return feeType ? USUAL_EXPECTED_DOCUMENT[feeType as FeeType] ?? 'service_invoice' : 'service_invoice';
}
