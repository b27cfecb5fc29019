import type { Book } from '../../db/connection.js';
import { auditHead, auditRow } from '../../db/queries/audit.js';
import { documentCount, unauditedDocuments } from '../../db/queries/tamper.js';
import { countUsers } from '../../db/queries/users.js';
import { listPeriods } from '../../db/queries/periods.js';
import type { Message } from '../../locale/index.js';
import { finding, type CheckResult } from './check-result.js';

/**
 * What the audit log must at least hold for the book it sits in: its creation as the first row, and the posting of
 * every document. A log cut short or emptied shows here even where no sign-off recorded a head yet.
 */
export function checkAuditCoverage(book: Book): CheckResult {
  const problems: Message[] = [];
  const documents = documentCount(book);
  const head = auditHead(book);
  if (head.rows === 0) {
    if (documents > 0 || countUsers(book) > 0) problems.push({ code: 'security.check-audit-empty', params: { documents } });
  } else {
    const first = auditRow(book, 1);
    if (!first || first.action !== 'create' || first.entity !== 'book') problems.push({ code: 'security.check-audit-no-create' });
    const missing = unauditedDocuments(book);
    if (missing.count) problems.push({ code: 'security.check-document-unaudited', params: { count: missing.count, first: missing.first.join(', ') } });
  }
  return finding('check.audit-coverage', problems, { code: 'security.check-coverage-ok', params: { documents, periods: listPeriods(book).length } });
}
