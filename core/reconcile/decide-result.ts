import type { Book } from '../../db/connection.js';
import { getDecision, resultStatusOf, saveDecision } from '../../db/queries/reconcile-results.js';
import { AuditWriter } from '../audit/audit-chain.js';
import { UserError } from '../errors.js';
import { assertPeriodOpen } from '../ledger/period-lock.js';

import { RESULT_STATUSES, type ResultStatus } from '../../vocabulary/index.js';
export { RESULT_STATUSES, type ResultStatus } from '../../vocabulary/index.js';

export type Decision =
  | { decision: 'confirmed'; note?: string }
  | { decision: 'overridden'; to: ResultStatus; note: string }
  | { decision: 'annotated'; note: string };

/**
 * A user's word on a matching result: confirm it as found, override it to another status (a reason is
 * required), or annotate it. Kept across re-runs and written to the audit log with what it replaced.
 */
export function decideResult(book: Book, lineId: number, d: Decision, actor: string): void {
  book.write(() => {
    const result = resultStatusOf(book, lineId);
    if (!result) throw new UserError('reconcile.no-result', { line: lineId }, { field: 'line' });
    assertPeriodOpen(book, result.period, { code: 'ledger.what-decision' });
    if (d.decision === 'overridden') {
      if (!RESULT_STATUSES.includes(d.to)) throw new UserError('reconcile.invalid-status', { status: d.to }, { field: '--status' });
      const allowed = result.kind === 'receipt' ? ['matched', 'unexpected'] : ['matched', 'short', 'over', 'price_diff', 'receipt_missing'];
      if (!allowed.includes(d.to)) {
        throw new UserError('reconcile.status-not-for-kind', { kind: result.kind, status: d.to }, { field: '--status' });
      }
    }
    if (d.decision !== 'confirmed' && !d.note?.trim()) throw new UserError('reconcile.note-needed', {}, { field: '--note' });
    const before = getDecision(book, lineId) ?? null;
    const row = {
      line_id: lineId, decision: d.decision, status_seen: result.status,
      override_to: d.decision === 'overridden' ? d.to : d.decision === 'annotated' ? (before?.override_to ?? null) : null,
      note: d.note?.trim() || null, decided_by: actor,
    };
    saveDecision(book, row);
    new AuditWriter(book).append({ actor, action: d.decision, entity: 'reconciliation', entityKey: String(lineId), before, after: row });
  });
}
