import type { Book } from '../../db/connection.js';
import { searchAudit, type AuditFilter } from '../../db/queries/audit.js';
import { listUsers } from '../../db/queries/users.js';
import { actorWords, auditDetails, auditSummary } from '../audit/audit-summary.js';

/**
 * The audit log as the window lists it: newest first, filtered; each change with who made it (姓名 beside the
 * login), one sentence for what it was and every recorded field made readable.
 */
export function auditSearch(book: Book, f: AuditFilter, page: { offset: number; limit: number }) {
  const { rows, total } = searchAudit(book, f, page.limit, page.offset);
  const names = new Map(listUsers(book).map((u) => [u.username, u.display_name]));
  return {
    total,
    rows: rows.map(({ before_json, after_json, ...r }) => {
      const before = before_json ? (JSON.parse(before_json) as unknown) : null;
      const after = after_json ? (JSON.parse(after_json) as unknown) : null;
      // A document's key says its kind first (receipt:RTM|YS0903A021): the action and the summary already say it.
      const shownKey = r.entity === 'document' ? r.entity_key.slice(r.entity_key.indexOf(':') + 1) : r.entity_key;
      return { ...r, entity_key: shownKey, who: actorWords(r.actor, names), summary: auditSummary(r.action, r.entity, r.entity_key, before, after), details: auditDetails(r.entity, before, after) };
    }),
  };
}
