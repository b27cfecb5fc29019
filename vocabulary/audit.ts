/** What the audit log records a change as (审计日志 动作). */
export const AUDIT_ACTIONS = [
  'create', 'update', 'post', 'reverse', 'clear', 'accrue', 'reconcile', 'confirmed', 'overridden', 'annotated', 'reclassify', 'claim-status',
  'attach', 'accept-exceptions', 'prepare', 'review', 'approve', 'reopen', 'confirm', 'set', 'set-limit', 'override-hold', 'follow-up',
  'password', 'disable', 'import', 'export', 'rewrite', 'replace', 'reinstate', 'reallocate', 'undo-import',
  'enable', 'role', 'reset-password', 'revoke-sessions', 'login', 'logout', 'sign-in', 'sign-in-failed', 'prepare-refused',
  'restore', 'restore-away', 'restore-damaged', 'package', 'upgrade-migration-identities', 'drop',
  // 发票 (issue 19)
  'record', 'add-items', 'void', 'revalidate', 'link', 'unlink', 'recalculate-due',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What kind of thing a change was made to (审计日志 对象). */
export const AUDIT_ENTITIES = [
  'book', 'manufacturer', 'distributor', 'ka_account', 'store', 'product', 'product_alias', 'price', 'contract', 'delivery_cost_rule', 'promotion', 'promotion_product',
  'promotion_store', 'document',
  'clearing', 'reconciliation', 'deduction', 'fee_claim', 'period', 'statement', 'credit_ka', 'credit_distributor', 'setting', 'user',
  'gl_account', 'gl_chart', 'gl_aux_item', 'vouchers', 'batch', 'erp_customer_link', 'session', 'signing_key', 'schema',
  'invoice', 'invoicing_entity', 'import_mapping',
] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];
