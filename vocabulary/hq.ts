/** Who works in the head office's database: credit controllers decide claims and set chain limits, KA managers keep national contracts. */
export const HQ_ROLES = ['credit_controller', 'ka_manager', 'admin'] as const;
export type HqRole = (typeof HQ_ROLES)[number];

/**
 * A fee claim at the head office: pending (in the queue) → proposed (one controller's approve or reject, with its
 * reason) → approved or rejected (a second controller decides) → credited (in a manufacturer-credits file). Withdrawn
 * when a newer edition of the month no longer has it; settled when the book had already settled it.
 */
export const HQ_CLAIM_STATES = ['pending', 'proposed', 'approved', 'rejected', 'credited', 'withdrawn', 'settled'] as const;
export type HqClaimState = (typeof HQ_CLAIM_STATES)[number];

export const HQ_PROPOSALS = ['approve', 'reject'] as const;
export type HqProposal = (typeof HQ_PROPOSALS)[number];

/** How the head office's marketing audit (KA营销审计) is broken down. */
export const HQ_AUDIT_BREAKDOWNS = ['ka', 'store', 'product'] as const;
export type HqAuditBreakdown = (typeof HQ_AUDIT_BREAKDOWNS)[number];
