/** 核对送货与验收: the statuses delivery lines can end in. */
export const DELIVERY_STATUSES = ['matched', 'short', 'over', 'price_diff', 'receipt_missing'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** A matching result's status, including a receipt line nobody delivered. */
export const RESULT_STATUSES = [...DELIVERY_STATUSES, 'unexpected'] as const;
export type ResultStatus = (typeof RESULT_STATUSES)[number];

/** A user's word on a matching result. */
export const RESULT_DECISIONS = ['confirmed', 'overridden', 'annotated'] as const;
export type ResultDecision = (typeof RESULT_DECISIONS)[number];
