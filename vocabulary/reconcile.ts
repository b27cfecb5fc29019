/** 核对送货与验收: the statuses delivery lines can end in. */
export const DELIVERY_STATUSES = ['matched', 'short', 'over', 'price_diff', 'receipt_missing'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** A matching result's status, including a receipt line nobody delivered. */
export const RESULT_STATUSES = [...DELIVERY_STATUSES, 'unexpected'] as const;
export type ResultStatus = (typeof RESULT_STATUSES)[number];

/** A user's word on a matching result. */
export const RESULT_DECISIONS = ['confirmed', 'overridden', 'annotated'] as const;
export type ResultDecision = (typeof RESULT_DECISIONS)[number];

/** How a delivery line found its receipt: by order number, or the nearest receipt by store, products and date. */
export const MATCH_METHODS = ['order', 'nearest'] as const;
export type MatchMethod = (typeof MATCH_METHODS)[number];

/** 对账单核对: why a KA statement and the book differ, line by line. */
export const STATEMENT_DIFFERENCE_KINDS = ['not_in_book', 'other_period', 'not_on_statement', 'amount_differs', 'unreferenced'] as const;
export type StatementDifferenceKind = (typeof STATEMENT_DIFFERENCE_KINDS)[number];

/** Who gave a deduction its fee type: the KA's wording in the table, a rule saved for the KA, a person, or nobody yet. */
export const CLASSIFIED_BY = ['synonym', 'rule', 'user', 'none'] as const;
export type ClassifiedBy = (typeof CLASSIFIED_BY)[number];

/** What blocks preparing a month, by where it is worked. */
export const CLOSE_EXCEPTION_KINDS = ['delivery', 'receipt', 'deduction', 'statement'] as const;
export type CloseExceptionKind = (typeof CLOSE_EXCEPTION_KINDS)[number];
