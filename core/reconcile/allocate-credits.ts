import type { Book } from '../../db/connection.js';
import { openCentralItems, openClaims, openCredits, openOtherClaims, documentReference, periodStatusOf, type OpenItem } from '../../db/queries/allocation.js';
import { getClaim, setClaimStatus } from '../../db/queries/claims.js';
import { AuditWriter } from '../audit/audit-chain.js';
import { clearItems } from '../ledger/clear-items.js';
import { storedMessage } from '../../locale/index.js';

/** Clears a credit item against a debit item for as much as both have open, on the later of their dates. */
function clearPair(book: Book, debit: OpenItem, credit: OpenItem, actor: string, memo: string, onDate?: string): number {
  const amount = Math.min(debit.open_fen, -credit.open_fen);
  if (amount <= 0) return 0;
  const date = onDate ?? (debit.doc_date > credit.doc_date ? debit.doc_date : credit.doc_date);
  if (periodStatusOf(book, date) === 'closed') return 0;
  clearItems(book, { date, memo, parts: [{ openItemId: debit.id, amount: -amount }, { openItemId: credit.id, amount }] }, actor);
  debit.open_fen -= amount;
  credit.open_fen += amount;
  return amount;
}

/**
 * Manufacturer credits (cash, 货补 goods, 票折 invoice discount) clear approved fee claims of the same
 * distributor, oldest first, and a claim cleared in full is written off; credit left over then clears the other
 * amounts the manufacturer owes (subsidies, price protection, rebates to the distributor). With `claimId`, only
 * that claim.
 */
export function allocateCreditsToClaims(book: Book, actor: string, options: { claimId?: number; date?: string } = {}): { clearedFen: number; writtenOff: number } {
  let clearedFen = 0;
  let writtenOff = 0;
  const creditsByDistributor = new Map<number | null, OpenItem[]>();
  /** Pays a debt from its distributor's credits, oldest first. */
  const pay = (debt: OpenItem, what: string) => {
    let credits = creditsByDistributor.get(debt.distributor_id);
    if (!credits) {
      credits = openCredits(book, debt.distributor_id);
      creditsByDistributor.set(debt.distributor_id, credits);
    }
    for (const credit of credits) {
      if (debt.open_fen <= 0) break;
      if (credit.open_fen < 0) clearedFen += clearPair(book, debt, credit, actor, storedMessage({ code: 'memo.credit-against', params: { credit: credit.doc_no, docNo: debt.doc_no } }), options.date);
    }
  };
  for (const claim of openClaims(book, null, options.claimId ?? null)) {
    pay(claim, 'claim');
    const row = getClaim(book, claim.document_id);
    if (row && row.open_fen === 0 && row.status === 'approved') {
      setClaimStatus(book, claim.document_id, 'written_off', actor);
      new AuditWriter(book).append({ actor, action: 'claim-status', entity: 'fee_claim', entityKey: row.doc_no, before: { status: 'approved' }, after: { status: 'written_off' } });
      writtenOff++;
    }
  }
  // What credit is left pays the manufacturer's other debts to the distributor: subsidies, price protection, its rebates.
  if (options.claimId === undefined) for (const other of openOtherClaims(book, null)) pay(other, 'claim');
  // A red claim used up in full is written off like the claims it offset.
  for (const credits of creditsByDistributor.values()) {
    for (const credit of credits) {
      if (credit.kind !== 'fee_claim' || credit.open_fen !== 0) continue;
      const row = getClaim(book, credit.document_id);
      if (row?.status !== 'approved') continue;
      setClaimStatus(book, credit.document_id, 'written_off', actor);
      new AuditWriter(book).append({ actor, action: 'claim-status', entity: 'fee_claim', entityKey: row.doc_no, before: { status: 'approved' }, after: { status: 'written_off' } });
      writtenOff++;
    }
  }
  return { clearedFen, writtenOff };
}

/** 货款转移: the manufacturer's transfers of centrally collected money clear what it collected — by reference, then oldest. */
export function allocateCentralTransfers(book: Book, actor: string): number {
  const collected = openCentralItems(book, 1);
  const transfers = openCentralItems(book, -1);
  let cleared = 0;
  for (const transfer of transfers) {
    const ref = documentReference(book, transfer.document_id);
    const ordered = [...collected.filter((c) => c.doc_no === ref), ...collected.filter((c) => c.doc_no !== ref)];
    for (const item of ordered) {
      if (transfer.open_fen >= 0) break;
      if (item.open_fen <= 0) continue;
      cleared += clearPair(book, item, transfer, actor, storedMessage({ code: 'memo.transfer-of', params: { transfer: transfer.doc_no, docNo: item.doc_no } }));
    }
  }
  return cleared;
}
