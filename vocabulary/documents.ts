/** The documents of the ledger (DESIGN.md §2). */
export const DOCUMENT_KINDS = [
  'delivery', //               送货单: what the distributor sent to a store
  'receipt', //                验收单: what the store accepted
  'return', //                 退货单
  'statement', //              对账单: the KA's own statement of account
  'deduction', //              扣款: fees the KA takes from the remittance (账扣) or the invoice (票扣)
  'remittance', //             付款单/结算单
  'fee_claim', //              费用转移申请: the manufacturer's share of a deduction, claimed back
  'manufacturer_credit', //    厂家核销: the manufacturer's credit to the distributor (cash, 货补, 票折)
  'rebate_accrual', //         返利计提
  'delivery_cost_claim', //    配送费补贴
  'price_protection_claim', // 补差
  'adjustment', //             调整
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** 账扣 taken from the remittance, 票扣 taken as an invoice discount. */
export const DEDUCTION_METHODS = ['account', 'invoice'] as const;
/** 直营 the KA paid the distributor; 总部 the KA paid the manufacturer, who owes it on (货款转移). */
export const REMITTANCE_METHODS = ['direct', 'central'] as const;
/** cash, 货补 goods, 票折 invoice discount on the manufacturer's next invoice, or 货款转移 transfer of what a KA paid the manufacturer centrally. */
export const CREDIT_METHODS = ['cash', 'goods', 'invoice_discount', 'transfer'] as const;

/** The chart of accounts the postings use (db/migrations/0003-ledger.sql); debits positive, credits negative. */
export const ACCOUNTS = [
  'ar_ka', 'ar_manufacturer', 'bank', 'goods_credit', 'ap_manufacturer', 'deductions_pending', 'claims_manufacturer', 'rebate_payable_ka',
  'sales', 'sales_returns', 'manufacturer_income', 'fee_expense', 'rebate_expense', 'adjustment',
] as const;
export type AccountCode = (typeof ACCOUNTS)[number];
