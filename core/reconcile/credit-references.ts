import type { Book } from '../../db/connection.js';
import { periodStatusOf } from '../../db/queries/allocation.js';
import { setClaimStatus } from '../../db/queries/claims.js';
import { creditsNamingClaims } from '../../db/queries/package-data.js';
import { AuditWriter } from '../audit/audit-chain.js';
import { clearItems } from '../ledger/clear-items.js';

/**
 * A manufacturer credit that names a fee claim (参考单号 = the claim's number, as the head office's credits file
 * writes it) pays that claim and no other: the manufacturer approved it, so a draft or submitted claim becomes
 * approved, the credit clears it, and a claim cleared in full is written off. Runs inside the import's transaction,
 * so the credits and what they clear are committed together. Credit left over is allocated later as any credit is.
 * A negative credit naming a red claim clears it the same way (the file's lines then add up to what was paid).
 */
export function applyCreditReferences(book: Book, batchId: number, actor: string): { claimsCleared: number; clearedFen: number } {
  const audit = new AuditWriter(book);
  let claimsCleared = 0;
  let clearedFen = 0;
  for (const pair of creditsNamingClaims(book, batchId)) {
    if (pair.claim_status === 'rejected' || pair.claim_status === 'written_off') continue;
    // A red claim (negative: a reversed deduction's share taken back) is named by a negative credit, the head
    // office setting it off in the same file against the claims it pays: the two clear each other the other way round.
    const red = pair.claim_open_fen < 0;
    const amount = red ? Math.min(-pair.claim_open_fen, pair.credit_open_fen) : Math.min(pair.claim_open_fen, -pair.credit_open_fen);
    if (amount <= 0) continue;
    const date = pair.credit_date > pair.claim_date ? pair.credit_date : pair.claim_date;
    if (periodStatusOf(book, date) === 'closed') continue;
    const sign = red ? -1 : 1;
    if (pair.claim_status !== 'approved') {
      setClaimStatus(book, pair.claim_document_id, 'approved', actor);
      audit.append({ actor, action: 'claim-status', entity: 'fee_claim', entityKey: pair.claim_doc_no, before: { status: pair.claim_status }, after: { status: 'approved', by: 'head-office', credit: pair.credit_doc_no } });
    }
    clearItems(book, { date, memo: `credit ${pair.credit_doc_no} against claim ${pair.claim_doc_no}`,
      parts: [{ openItemId: pair.claim_item_id, amount: -sign * amount }, { openItemId: pair.credit_item_id, amount: sign * amount }] }, actor, audit);
    clearedFen += sign * amount;
    if (pair.claim_open_fen - sign * amount === 0) {
      setClaimStatus(book, pair.claim_document_id, 'written_off', actor);
      audit.append({ actor, action: 'claim-status', entity: 'fee_claim', entityKey: pair.claim_doc_no, before: { status: 'approved' }, after: { status: 'written_off', credit: pair.credit_doc_no } });
      claimsCleared++;
    }
  }
  return { claimsCleared, clearedFen };
}
