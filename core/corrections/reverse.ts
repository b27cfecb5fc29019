import type { Book } from '../../db/connection.js';
import { getClaim, setClaimStatus } from '../../db/queries/claims.js';
import { chainDocument, claimStatusOf, freeDeductionPostings, postingsBookedBy } from '../../db/queries/corrections.js';
import { getDocument, type DocumentRow } from '../../db/queries/documents.js';
import { AuditWriter } from '../audit/audit-chain.js';
import { today as localToday, periodOf, type IsoDate } from '../calendar/dates.js';
import { UserError } from '../errors.js';
import { withBookErrors } from '../ledger/book-errors.js';
import { Poster } from '../ledger/post-documents.js';
import { clearingsToUndo, postReversal } from '../ledger/reverse-document.js';
import { openDayFrom, reversalDate } from './reversal-date.js';

export interface ReverseOptions {
  /** who reverses: the signed-in user where the book has users */
  actor: string;
  reason: string;
  /** the calendar's today (tests pin it) */
  today?: IsoDate;
}

/** What one reversal did, for the command, the window and the audit. */
export interface ReversalReport {
  documentId: number;
  kind: string;
  docNo: string;
  version: number;
  originalDate: string;
  reversalId: number;
  reversalNo: string;
  date: string;
  /** the original's month was closed: the reversal is booked in a later open month, referring to it */
  closedPeriod: string | null;
  /** clearings undone, with the documents they touched */
  unCleared: { clearingId: number; reversedBy: number; recleared: number | null; documents: string[] }[];
  /** a fee claim and the distributor's share beside it go together; their deduction lines are booked again on the next run */
  companions: ReversalReport[];
  freedDeductionLines: number;
}

export function requireReason(reason: string): string {
  const text = reason.trim();
  if (!text) throw new UserError('corrections.reason-required', {});
  return text;
}

/** Refuses what can never be reversed: a reversal, or a document already reversed. */
export function assertReversible(book: Book, original: DocumentRow): void {
  if (original.reverses_id !== null) {
    const of = getDocument(book, original.reverses_id);
    throw new UserError('corrections.is-reversal', { docNo: original.doc_no, original: of?.doc_no ?? String(original.reverses_id) });
  }
  const chain = chainDocument(book, original.id);
  if (chain?.reversed_by) {
    const r = getDocument(book, chain.reversed_by)!;
    throw new UserError('corrections.already-reversed', { docNo: original.doc_no, reversal: r.doc_no, date: r.doc_date, by: r.created_by });
  }
  if (original.kind === 'fee_claim') {
    const status = claimStatusOf(book, original.id);
    if (status === 'written_off' || status === 'rejected') throw new UserError('corrections.claim-settled', { docNo: original.doc_no, status });
  }
}

/** A claim whose credits were un-cleared is no longer written off. */
function reopenWrittenOffClaims(book: Book, documentIds: number[], actor: string, audit: AuditWriter): void {
  for (const id of documentIds) {
    const claim = getClaim(book, id);
    if (claim && claim.status === 'written_off' && claim.open_fen !== 0) {
      setClaimStatus(book, id, 'approved', actor);
      audit.append({ actor, action: 'claim-status', entity: 'fee_claim', entityKey: claim.doc_no, before: { status: 'written_off' }, after: { status: 'approved', because: 'credit un-cleared' } });
    }
  }
}

/**
 * 红字冲销 inside the caller's write transaction, with the poster of the caller's batch (an import that replaces,
 * an undo). See reverseDocument.
 */
export function reverseInTransaction(book: Book, poster: Poster, documentId: number, o: ReverseOptions & { companionOf?: number }): ReversalReport {
  const reason = requireReason(o.reason);
  const original = getDocument(book, documentId);
  if (!original) throw new UserError('corrections.not-found', { document: String(documentId) });
  assertReversible(book, original);
  const today = o.today ?? localToday();
  const audit = new AuditWriter(book);

  const date = reversalDate(book, original.doc_date, today);
  const latestClearing = clearingsToUndo(book, original.id).reduce((d, c) => (c.clearing_date > d ? c.clearing_date : d), date);
  const clearingDate = openDayFrom(book, latestClearing, today);
  const posted = withBookErrors(() => postReversal(book, poster, original, { date, clearingDate, actor: o.actor, reason }));
  const touched = [...new Set(posted.unCleared.flatMap((u) => u.documentIds))];
  reopenWrittenOffClaims(book, touched, o.actor, audit);

  // A fee claim and the distributor's-share adjustment booked from the same deductions stand or fall together.
  const postings = postingsBookedBy(book, original.id);
  const companions: ReversalReport[] = [];
  const partners = new Set(postings.flatMap((p) => [p.claim_document_id, p.adjustment_document_id]).filter((id): id is number => id !== null && id !== original.id && id !== o.companionOf));
  for (const partner of partners) {
    if (chainDocument(book, partner)?.reversed_by) continue;
    companions.push(reverseInTransaction(book, poster, partner, { ...o, companionOf: original.id }));
  }
  if (postings.length) freeDeductionPostings(book, postings.map((p) => p.deduction_line_id));

  const names = (ids: number[]) => ids.map((id) => getDocument(book, id)?.doc_no ?? String(id));
  const report: ReversalReport = {
    documentId: original.id, kind: original.kind, docNo: original.doc_no, version: original.version, originalDate: original.doc_date,
    reversalId: posted.reversalId, reversalNo: getDocument(book, posted.reversalId)!.doc_no, date,
    closedPeriod: periodOf(date) === original.period ? null : original.period,
    unCleared: posted.unCleared.map((u) => ({ clearingId: u.clearingId, reversedBy: u.reversedBy, recleared: u.recleared, documents: names(u.documentIds.filter((id) => id !== original.id)) })),
    companions, freedDeductionLines: postings.length,
  };
  audit.append({
    actor: o.actor, action: 'reverse', entity: 'document', entityKey: `${original.kind}:${original.natural_key}`,
    before: { id: original.id, version: original.version, docNo: original.doc_no, docDate: original.doc_date, total: original.total_fen },
    after: { reversal: report.reversalId, docNo: report.reversalNo, date, reason, closedPeriod: report.closedPeriod,
      unCleared: report.unCleared.map((u) => u.clearingId), freedDeductionLines: postings.length, ...(o.companionOf ? { companionOf: o.companionOf } : {}) },
  });
  return report;
}

/**
 * Reverses a posted document the way an accountant does (红字冲销), in one transaction: what it cleared is
 * un-cleared, a red document mirrors it exactly — dated in its own month if that month is open, else in the
 * earliest open month after it, referring to the original — and the two settle each other. A reversed document is
 * never reversed again; to re-instate it, post it anew (import the file again with --replace).
 */
export function reverseDocument(book: Book, documentId: number, o: ReverseOptions): ReversalReport {
  requireReason(o.reason);
  return book.write(() => reverseInTransaction(book, new Poster(book, o.actor), documentId, o));
}
