import type { Book } from '../../db/connection.js';
import { dropUnbookedChecksOutOfForce, reversedBookedDeductionLines } from '../../db/queries/corrections.js';
import { saveDeductionCheck } from '../../db/queries/deductions.js';

/**
 * How classification answers a reversed deduction (part of each reconciliation of a month): a reversed deduction
 * never claimed simply drops out (nothing disputed, nothing to claim); one already booked into a fee claim is
 * booked back — each line of its reversal gets the original's check with the shares negated, so the next claim
 * run books a red claim line (the manufacturer's share taken back) and the distributor's share back out of its
 * expense. Where the original claim was rejected the distributor bore it all, so all of it comes back to it.
 */
export function answerReversedDeductions(book: Book, period: string, kaAccountId: number | null): number {
  dropUnbookedChecksOutOfForce(book, period, kaAccountId);
  const lines = reversedBookedDeductionLines(book, period, kaAccountId);
  for (const l of lines) {
    const rejected = l.claim_status === 'rejected';
    saveDeductionCheck(book, {
      line_id: l.line_id, period: l.period, ka_account_id: l.ka_account_id, fee_type: l.fee_type, classified_by: l.classified_by ?? 'user',
      contract_id: l.contract_id, verdict: 'ok',
      manufacturer_fen: rejected ? 0 : -l.manufacturer_fen,
      distributor_fen: rejected ? -(l.manufacturer_fen + l.distributor_fen) : -l.distributor_fen,
      disputed: 0, reason: `reversal of ${l.original_no}: booked back as it was claimed`,
    });
  }
  return lines.length;
}
