import type { Book } from '../../db/connection.js';
import { claimableDeductions, countClaims, getClaim, insertClaim, insertDeductionPosting, setClaimStatus, type ClaimStatus } from '../../db/queries/claims.js';
import { openItemsOfDocument } from '../../db/queries/clearings.js';
import { statementsOfPeriod } from '../../db/queries/statements.js';
import { AuditWriter } from '../audit/audit-chain.js';
import { assertIsoDate, lastDayOf } from '../calendar/dates.js';
import { UserError } from '../errors.js';
import { clearItems } from '../ledger/clear-items.js';
import { Poster } from '../ledger/post-documents.js';
import { storedMessage } from '../../locale/index.js';
import { allocateCreditsToClaims } from './allocate-credits.js';
import { chainDocument } from '../../db/queries/corrections.js';

/** A claim withdrawn by reversal (红字) moves no further. */
const isReversed = (book: Book, id: number) => chainDocument(book, id)?.reversed_by != null;

/**
 * 费用转移申请: for each KA and distributor, the manufacturer's share of the period's undisputed deductions becomes
 * one draft fee claim (a document posting the share from 'deductions awaiting classification' to 'fee claims due
 * from the manufacturer'), and the distributor's share is booked as its own expense. Each deduction line is booked
 * once; disputed lines wait. The claim carries its evidence: the deductions, their stores, wording and period.
 */
export function createFeeClaims(book: Book, period: string, kaAccountId: number | null, actor: string): { claims: number; amountFen: number } {
  const lines = claimableDeductions(book, period, kaAccountId);
  const groups = new Map<string, typeof lines>();
  for (const l of lines) {
    const key = `${l.ka_account_id}|${l.distributor_id ?? ''}`;
    const g = groups.get(key);
    if (g) g.push(l);
    else groups.set(key, [l]);
  }
  const poster = new Poster(book, actor);
  const date = lastDayOf(period);
  let claims = 0;
  let amountFen = 0;
  for (const group of groups.values()) {
    const first = group[0]!;
    const n = countClaims(book, first.ka_account_id, first.distributor_id, period) + 1;
    const scope = `${first.ka_code}|${first.distributor_code ?? '-'}|${period}|${n}`;
    const number = `${period.replace('-', '')}-${first.ka_code}-${first.distributor_code ?? 'X'}-${n}`;
    const parties = { kaAccountId: first.ka_account_id, distributorId: first.distributor_id, manufacturerId: first.manufacturer_id };
    const manufacturerLines = group.filter((l) => l.manufacturer_fen !== 0);
    const distributorLines = group.filter((l) => l.distributor_fen !== 0);
    let claimId: number | null = null;
    if (manufacturerLines.length) {
      const outcome = poster.post({
        kind: 'fee_claim', naturalKey: `CLAIM|${scope}`, docNo: `FY${number}`, docDate: date, ...parties,
        memo: storedMessage({ code: 'memo.claim-manufacturer', params: { ka: first.ka_code, period } }),
        lines: manufacturerLines.map((l) => ({ storeId: l.store_id, amount: l.manufacturer_fen, feeType: l.fee_type, feeText: l.fee_text, reference: l.doc_no })),
      });
      claimId = outcome.id;
      const evidence = {
        period, ka: first.ka_code,
        statements: statementsOfPeriod(book, period, first.ka_account_id).filter((st) => st.distributor_id === first.distributor_id).map((st) => st.doc_no),
        deductions: manufacturerLines.map((l) => ({ deduction: l.doc_no, store: l.store_code, wording: l.fee_text, feeType: l.fee_type, amountFen: l.amount_fen, claimFen: l.manufacturer_fen })),
      };
      insertClaim(book, { document_id: claimId, status: 'draft', period, ka_account_id: first.ka_account_id, distributor_id: first.distributor_id, evidence_json: JSON.stringify(evidence), changed_by: actor });
      claims++;
      amountFen += manufacturerLines.reduce((s, l) => s + l.manufacturer_fen, 0);
    }
    let adjustmentId: number | null = null;
    const distributorTotal = distributorLines.reduce((s, l) => s + l.distributor_fen, 0);
    if (distributorLines.length && distributorTotal !== 0) {
      adjustmentId = poster.post({
        kind: 'adjustment', naturalKey: `FEES|${scope}`, docNo: `FYZ${number}`, docDate: date, ...parties,
        memo: storedMessage({ code: 'memo.claim-distributor', params: { ka: first.ka_code, period } }),
        lines: distributorLines.map((l) => ({ storeId: l.store_id, amount: l.distributor_fen, feeType: l.fee_type, feeText: l.fee_text, reference: l.doc_no })),
        legs: [{ account: 'fee_expense', amount: distributorTotal }, { account: 'deductions_pending', amount: -distributorTotal }],
      }).id;
    }
    for (const l of group) {
      insertDeductionPosting(book, { deduction_line_id: l.line_id, claim_document_id: l.manufacturer_fen ? claimId : null,
        adjustment_document_id: l.distributor_fen ? adjustmentId : null, manufacturer_fen: l.manufacturer_fen, distributor_fen: l.distributor_fen });
    }
  }
  return { claims, amountFen };
}

const NEXT: Record<ClaimStatus, ClaimStatus[]> = {
  draft: ['submitted', 'rejected'],
  submitted: ['approved', 'rejected'],
  approved: ['written_off', 'rejected'],
  written_off: [],
  rejected: [],
};

/**
 * Moves a claim on: draft → submitted → approved → written off, or rejected. Writing off clears the claim against
 * the manufacturer's credits to this distributor and is refused while any of it is uncovered. Rejecting books
 * what is still open as the distributor's own expense, dated `date` (an open period).
 */
export function moveClaim(book: Book, claimId: number, to: ClaimStatus, actor: string, options: { date: string; reason?: string }): ClaimStatus {
  assertIsoDate(options.date, { field: 'date' });
  return book.write(() => {
    const claim = getClaim(book, claimId);
    if (!claim) throw new UserError('reconcile.no-claim', { id: claimId });
    if (isReversed(book, claimId)) throw new UserError('corrections.claim-reversed', { docNo: claim.doc_no });
    if (!NEXT[claim.status].includes(to)) throw new UserError('reconcile.claim-status', { claim: claim.doc_no, status: claim.status, to });
    if (to === 'written_off') {
      // A red claim (a reversed deduction taken back) is used against the distributor's open claims, not paid by credits.
      allocateCreditsToClaims(book, actor, claim.amount_fen < 0 ? { date: options.date } : { claimId, date: options.date });
      const after = getClaim(book, claimId)!;
      if (after.open_fen !== 0) throw new UserError('reconcile.claim-open', { claim: claim.doc_no, open: after.open_fen });
      if (after.status === 'written_off') return 'written_off';
    }
    if (to === 'rejected') {
      if (!options.reason?.trim()) throw new UserError('reconcile.rejection-reason', {}, { field: 'reason' });
      if (claim.open_fen !== 0 && claim.open_item_id) {
        const adjustment = new Poster(book, actor).post({
          kind: 'adjustment', naturalKey: `REJECT|${claim.doc_no}`, docNo: `${claim.doc_no}-REJ`, docDate: options.date,
          distributorId: claim.distributor_id, memo: storedMessage({ code: 'memo.claim-rejected', params: { claim: claim.doc_no, reason: options.reason } }),
          lines: [{ amount: claim.open_fen, reference: claim.doc_no, memo: options.reason }],
          legs: [{ account: 'fee_expense', amount: claim.open_fen }, { account: 'claims_manufacturer', amount: -claim.open_fen, openItem: true }],
        });
        const [item] = openItemsOfDocument(book, adjustment.id);
        clearItems(book, { date: options.date, documentId: adjustment.id, memo: storedMessage({ code: 'memo.claim-rejected', params: { claim: claim.doc_no, reason: options.reason } }),
          parts: [{ openItemId: claim.open_item_id, amount: -claim.open_fen }, { openItemId: item!.id, amount: claim.open_fen }] }, actor);
      }
    }
    setClaimStatus(book, claimId, to, actor);
    new AuditWriter(book).append({ actor, action: 'claim-status', entity: 'fee_claim', entityKey: claim.doc_no,
      before: { status: claim.status }, after: { status: to, ...(options.reason ? { reason: options.reason } : {}) } });
    return to;
  });
}
