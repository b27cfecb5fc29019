/** 返利: whole-amount (全额累进: the reached rate on the whole base) or progressive (超额累进: each slice at its own rate). */
export const TIER_MODES = ['whole', 'progressive'] as const;
export type TierMode = (typeof TIER_MODES)[number];
/** The rebate's year: the contract year, or quarters. */
export const REBATE_BASES = ['annual', 'quarterly'] as const;
export type RebateBasis = (typeof REBATE_BASES)[number];
/** Who the rebate is owed to: the KA, or the distributor (paid by the manufacturer on KA sales). */
export const REBATE_DIRECTIONS = ['to_ka', 'to_distributor'] as const;
export type RebateDirection = (typeof REBATE_DIRECTIONS)[number];
/** How the rebate is accrued before the year ends: at the tier the run rate projects, or at the tier reached. */
export const ACCRUAL_BASES = ['run_rate', 'reached'] as const;
export type AccrualBasis = (typeof ACCRUAL_BASES)[number];
/** 配送费补贴: a percent of accepted value, an amount per case, or per drop (delivery note). */
export const DELIVERY_COST_METHODS = ['percent', 'per_case', 'per_drop'] as const;
export type DeliveryCostMethod = (typeof DELIVERY_COST_METHODS)[number];
/** 促销: a special price (特价), a DM/flyer promotion, a national promotion (全国). */
export const PROMOTION_KINDS = ['special', 'dm', 'national'] as const;
export type PromotionKind = (typeof PROMOTION_KINDS)[number];
