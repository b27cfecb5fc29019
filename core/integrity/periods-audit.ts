import type { Book } from '../../db/connection.js';
import { iterateAuditActions } from '../../db/queries/audit.js';
import { earlierActivePeriods, listPeriods } from '../../db/queries/periods.js';
import type { Message } from '../../locale/index.js';
import type { PeriodStatus } from '../../vocabulary/index.js';
import { currentSigners } from '../close/sign-offs.js';
import { finding, type CheckResult } from './check-result.js';

const STEP_STATUS: Record<string, PeriodStatus> = { prepare: 'prepared', review: 'reviewed', approve: 'closed', reopen: 'open' };

/**
 * The months' states against the audit log: replaying the audited prepares, reviews, approvals and reopenings in
 * chain order must give each month the state the book says it has; no document may have been posted into a month
 * while the replay has it closed (or after a later month closed) — the mark of a month set open and back to closed
 * around an import; a closed month must have its sign-offs; and closed months must form an unbroken run.
 */
export function checkPeriodsAgainstAudit(book: Book): CheckResult {
  const problems: Message[] = [];
  const state = new Map<string, PeriodStatus>();
  // The latest month the replay has closed, kept up to date as states change (posts are many, state changes few).
  const closed = { latest: null as string | null };
  for (const row of iterateAuditActions(book, ['prepare', 'review', 'approve', 'reopen', 'post'])) {
    if (row.action === 'post') {
      if (row.entity !== 'document') continue;
      const after = JSON.parse(row.after_json ?? '{}') as { docDate?: string; kind?: string; docNo?: string };
      const period = after.docDate?.slice(0, 7);
      if (!period) continue;
      const later = closed.latest;
      if (state.get(period) === 'closed' || (later !== null && period < later)) {
        problems.push({ code: 'security.check-post-into-closed', params: { period, document: `${after.kind ?? ''} ${after.docNo ?? row.entity_key}`.trim(), row: row.id } });
      }
      continue;
    }
    if (row.entity !== 'period') continue;
    state.set(row.entity_key, STEP_STATUS[row.action]!);
    closed.latest = [...state].filter(([, st]) => st === 'closed').map(([p]) => p).sort().at(-1) ?? null;
  }
  const periods = listPeriods(book);
  for (const p of periods) {
    const expected = state.get(p.period) ?? 'open';
    if (expected !== p.status) problems.push({ code: 'security.check-period-state', params: { period: p.period, status: p.status, expected } });
    if (p.status === 'closed') {
      if (currentSigners(book, p.period).length === 0) problems.push({ code: 'security.check-closed-without-sign-offs', params: { period: p.period } });
      const earlier = earlierActivePeriods(book, p.period).find((e) => e.status !== 'closed');
      if (earlier) problems.push({ code: 'security.check-period-order', params: { period: p.period, earlier: earlier.period, status: earlier.status } });
    }
  }
  return finding('check.periods-audit', problems, { code: 'security.check-periods-ok', params: { count: periods.length } });
}
