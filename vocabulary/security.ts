/**
 * What a signed-in user may be allowed to do to a book: each write of the command and the window needs one of
 * these (core/users/permissions.ts says which roles hold it).
 */
export const PERMISSIONS = [
  'import', 'master-data', 'reconcile', 'accrue', 'claims.submit', 'claims.approve', 'claims.reject', 'claims.write-off', 'claims.attach',
  'credit.limit', 'credit.hold', 'credit.follow-up', 'settings', 'users', 'backup.restore', 'close.accept', 'close.prepare', 'close.review',
  'close.approve', 'close.reopen', 'statement.confirm', 'vouchers', 'corrections', 'package', 'password',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** The three sign-offs of a month (编制, 复核, 审批), each by a different person. */
export const SIGN_OFF_STEPS = ['prepare', 'review', 'approve'] as const;
export type SignOffStep = (typeof SIGN_OFF_STEPS)[number];

/** Why a session token of `ka-settle login` is no longer good. */
export const SESSION_PROBLEMS = ['unknown', 'expired', 'revoked', 'user-disabled'] as const;
export type SessionProblem = (typeof SESSION_PROBLEMS)[number];

/** What an admin does to another user's account (never to their own). */
export const USER_ACTIONS = ['disable', 'enable', 'reset-password', 'change-role'] as const;
export type UserAction = (typeof USER_ACTIONS)[number];

/** How one user's account depends on another's: who made it, who last enabled it, who last set its password. */
export const USER_RELATIONS = ['created', 'enabled', 'password_set'] as const;
export type UserRelation = (typeof USER_RELATIONS)[number];

/** What a book's schema is made of, as `check` compares it with the migrations. */
export const SCHEMA_OBJECTS = ['table', 'index', 'trigger', 'view'] as const;
export type SchemaObject = (typeof SCHEMA_OBJECTS)[number];
