/** A month's state in the close (结账): open → prepared (编制) → reviewed (复核) → closed (审批). */
export const PERIOD_STATUSES = ['open', 'prepared', 'reviewed', 'closed'] as const;
export type PeriodStatus = (typeof PERIOD_STATUSES)[number];

/** A frozen statement version's state. */
export const STATEMENT_STATUSES = ['draft', 'prepared', 'reviewed', 'approved', 'superseded'] as const;
export type StatementStatus = (typeof STATEMENT_STATUSES)[number];

/** Who works in a book. */
export const ROLES = ['accountant', 'credit_controller', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who answers a statement (回签): the manufacturer, or one of the KAs on it. */
export const CONFIRMATION_PARTIES = ['manufacturer', 'ka'] as const;
export type ConfirmationParty = (typeof CONFIRMATION_PARTIES)[number];
/** Their answer: confirmed, or disputed with reasons. */
export const CONFIRMATION_RESULTS = ['confirmed', 'disputed'] as const;
export type ConfirmationResult = (typeof CONFIRMATION_RESULTS)[number];
