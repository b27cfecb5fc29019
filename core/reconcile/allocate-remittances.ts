import type { Book } from '../../db/connection.js';
import { openArItemByDocNo, openReceivables, openRemittances, periodStatusOf, remittanceReferences, type OpenItem } from '../../db/queries/allocation.js';
import { clearItems, type ClearingPart } from '../ledger/clear-items.js';
import { storedMessage } from '../../locale/index.js';

export interface RemittanceAllocation {
  remittances: number;
  /** money applied to receivables, fen */
  applied: number;
  /** money of the period's remittances not applied to anything, fen */
  unapplied: number;
  /** what the receivables a remittance named were left short, fen */
  shortPaid: number;
  /** remittances whose date falls in a closed period, left alone */
  skipped: number;
}

/** How one remittance is allocated: by what it names first (then oldest due), or oldest due only. */
export interface AllocationRules {
  /** settle the receipts, deductions and returns the remittance names first */
  byReferences: boolean;
  /** the clearing's date: the remittance's own, or a later open day when it is allocated again */
  date: string;
}

export interface OneAllocation {
  clearingId: number | null;
  /** cash applied to receivables, fen */
  applied: number;
  /** what the named receipts still owe */
  shortPaid: number;
  /** cash left unapplied, fen */
  unapplied: number;
}

/**
 * 核销 of one remittance against receivables (inside the caller's transaction). With `byReferences`, the receipts
 * it names are settled first, with the deductions and returns it names netted against them (they were taken from
 * those receipts), then its own cash; cash left over settles the KA's other open receivables, oldest due first;
 * what is still left is unapplied cash. One clearing, its parts summing to zero.
 */
export function allocateRemittance(book: Book, remittance: OpenItem, rules: AllocationRules, actor: string): OneAllocation {
  const ka = remittance.ka_account_id!;
  const named: OpenItem[] = [];
  if (rules.byReferences) {
    for (const ref of remittanceReferences(book, remittance.document_id)) {
      const item = openArItemByDocNo(book, ka, ref.reference);
      // A document dated after the remittance cannot be what it paid.
      if (item && item.doc_date <= remittance.doc_date && !named.some((n) => n.id === item.id)) named.push(item);
    }
  }
  const credits = [...named.filter((n) => n.open_fen < 0), remittance];
  const debits = named.filter((n) => n.open_fen > 0);
  const parts = new Map<number, number>();
  const apply = (debit: OpenItem, credit: OpenItem) => {
    const amount = Math.min(debit.open_fen, -credit.open_fen);
    if (amount <= 0) return 0;
    parts.set(debit.id, (parts.get(debit.id) ?? 0) - amount);
    parts.set(credit.id, (parts.get(credit.id) ?? 0) + amount);
    debit.open_fen -= amount;
    credit.open_fen += amount;
    return amount;
  };
  let cash = 0;
  for (const debit of debits) {
    for (const credit of credits) {
      if (debit.open_fen <= 0) break;
      const amount = apply(debit, credit);
      if (credit === remittance) cash += amount;
    }
  }
  const shortPaid = debits.reduce((s, d) => s + d.open_fen, 0);
  if (remittance.open_fen < 0) {
    for (const receivable of openReceivables(book, ka, remittance.distributor_id, 500)) {
      if (remittance.open_fen >= 0) break;
      if (parts.has(receivable.id) || receivable.doc_date > remittance.doc_date) continue;
      cash += apply(receivable, remittance);
    }
  }
  const clearing: ClearingPart[] = [...parts].filter(([, a]) => a !== 0).map(([openItemId, amount]) => ({ openItemId, amount }));
  const clearingId = clearing.length >= 2
    ? clearItems(book, { date: rules.date, documentId: remittance.document_id, memo: storedMessage({ code: 'memo.remittance', params: { docNo: remittance.doc_no } }), parts: clearing }, actor)
    : null;
  return { clearingId, applied: cash, shortPaid, unapplied: Math.abs(remittance.open_fen) };
}

/** 核销 of the period's remittances against receivables: each by its references, then oldest due first. */
export function allocateRemittances(book: Book, period: string, kaAccountId: number | null, actor: string): RemittanceAllocation {
  const result: RemittanceAllocation = { remittances: 0, applied: 0, unapplied: 0, shortPaid: 0, skipped: 0 };
  for (const remittance of openRemittances(book, period, kaAccountId)) {
    if (periodStatusOf(book, remittance.doc_date) === 'closed') {
      result.skipped++;
      continue;
    }
    result.remittances++;
    const one = allocateRemittance(book, remittance, { byReferences: true, date: remittance.doc_date }, actor);
    result.applied += one.applied;
    result.unapplied += one.unapplied;
    result.shortPaid += one.shortPaid;
  }
  return result;
}
