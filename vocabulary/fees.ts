/** 费用类型: the fees a KA deducts (DESIGN.md §1); penalty 罚款 is a fine (促销员违规罚款), not a service the KA sold. */
export const FEE_TYPES = [
  'entry', 'barcode', 'display', 'end_cap', 'dm', 'anniversary', 'festival', 'promo_service', 'info_service',
  'shrinkage', 'rebate', 'penalty', 'other',
] as const;
export type FeeType = (typeof FEE_TYPES)[number];

/** What the contract check says of a deduction. */
export const DEDUCTION_VERDICTS = ['ok', 'unknown', 'not_allowed', 'over_contract', 'no_contract'] as const;
export type DeductionVerdict = (typeof DEDUCTION_VERDICTS)[number];

/** 费用申请 workflow: draft → submitted → approved → written_off, or rejected. */
export const CLAIM_STATUSES = ['draft', 'submitted', 'approved', 'written_off', 'rejected'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
