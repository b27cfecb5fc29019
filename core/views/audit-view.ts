import type { Book } from '../../db/connection.js';
import { searchAudit, type AuditFilter } from '../../db/queries/audit.js';

/** The audit log as the window lists it: newest first, filtered, each change's before and after as values. */
export function auditSearch(book: Book, f: AuditFilter, page: { offset: number; limit: number }) {
  const { rows, total } = searchAudit(book, f, page.limit, page.offset);
  return {
    total,
    rows: rows.map(({ before_json, after_json, ...r }) => ({ ...r, before: before_json ? (JSON.parse(before_json) as unknown) : null, after: after_json ? (JSON.parse(after_json) as unknown) : null })),
  };
}
