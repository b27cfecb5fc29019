/** Whose credit: a KA account, or a distributor. */
export const CREDIT_ENTITIES = ['ka', 'distributor'] as const;
export type CreditEntityKind = (typeof CREDIT_ENTITIES)[number];
/** What a delivery over the limit (or to a KA graded D) meets: nothing, a warning, or a refusal. */
export const HOLD_MODES = ['off', 'warn', 'block'] as const;
export type HoldModeValue = (typeof HOLD_MODES)[number];
/** A hold check's verdict. */
export const HOLD_LEVELS = ['ok', 'warn', 'block'] as const;
/** 账龄 by party, and by days past the due date or since the document. */
export const AGEING_GROUPINGS = ['ka', 'store', 'distributor', 'manufacturer'] as const;
export const AGEING_BASES = ['due', 'document'] as const;
/** The measures of payment behaviour a grade is scored on. */
export const GRADE_MEASURES = ['dso', 'overdueShare', 'longestOverdue', 'disputedShare', 'shortPaidShare'] as const;
export type GradeMeasure = (typeof GRADE_MEASURES)[number];
