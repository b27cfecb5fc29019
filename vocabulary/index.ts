/**
 * The one list of each domain vocabulary: document kinds, fee types, statuses, roles, import kinds. A leaf that
 * imports nothing, so core/, the contract and the renderer all derive from it; locale/ gives every value its
 * words, and test/vocabulary checks that no value lacks them.
 */
export * from './documents.js';
export * from './fees.js';
export * from './reconcile.js';
export * from './close.js';
export * from './imports.js';
export * from './vouchers.js';
export * from './corrections.js';
export * from './audit.js';
export * from './contracts.js';
export * from './credit.js';
export * from './security.js';
export * from './hq.js';
