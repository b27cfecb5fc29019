import type { Book } from '../../db/connection.js';
import { auditRow } from '../../db/queries/audit.js';
import { allSignOffs } from '../../db/queries/sign-offs.js';
import type { Message } from '../../locale/index.js';
import { finding, type CheckResult } from './check-result.js';

/**
 * The audit chain up to every head a sign-off recorded: the row the signer saw last must still be there with the
 * same hash (rows deleted, inserted or edited and re-hashed before it show), and the row after it must be that
 * sign-off's own (the sign-off cannot have been removed from the log).
 */
export function checkChainHeads(book: Book): CheckResult {
  const problems: Message[] = [];
  const signOffs = allSignOffs(book);
  for (const s of signOffs) {
    const who = { period: s.period, step: s.step, user: s.username, rows: s.chain_rows };
    if (s.chain_rows > 0) {
      const row = auditRow(book, s.chain_rows);
      if (!row) problems.push({ code: 'security.check-head-missing', params: who });
      else if (row.hash !== s.chain_hash) problems.push({ code: 'security.check-head-differs', params: who });
    }
    const own = auditRow(book, s.chain_rows + 1);
    if (!own || own.action !== s.step || own.entity !== 'period' || own.entity_key !== s.period || own.actor !== s.username) {
      problems.push({ code: 'security.check-head-audit', params: who });
    }
  }
  return finding('check.audit-heads', problems, { code: 'security.check-heads-ok', params: { count: signOffs.length } });
}
