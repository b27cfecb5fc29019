import type { Book } from '../../db/connection.js';
import { arItemOfDocument, chainDocument, clearingPartDetails, type ArItem } from '../../db/queries/corrections.js';
import { getDocument } from '../../db/queries/documents.js';
import { getKaAccount } from '../../db/queries/master-data.js';
import { AuditWriter } from '../audit/audit-chain.js';
import { today as localToday, type IsoDate } from '../calendar/dates.js';
import { UserError } from '../errors.js';
import { storedMessage } from '../../locale/index.js';
import { clearItems, reverseClearing, type ClearingPart } from '../ledger/clear-items.js';
import { withBookErrors } from '../ledger/book-errors.js';
import { clearingsToUndo, unClear } from '../ledger/reverse-document.js';
import { allocateRemittance } from '../reconcile/allocate-remittances.js';
import type { ReallocationMode } from '../../vocabulary/index.js';
import { openDayFrom } from './reversal-date.js';
import { requireReason } from './reverse.js';

export interface ChosenItem {
  documentId: number;
  /** how much of it to settle (default: all that is open, as far as the money goes) */
  amountFen?: number;
}

export interface ReallocateOptions {
  mode: ReallocationMode;
  items?: ChosenItem[];
  actor: string;
  reason: string;
  today?: IsoDate;
}

export interface ReallocationReport {
  remittanceId: number;
  docNo: string;
  mode: ReallocationMode;
  date: string;
  /** the clearings undone (each reversed by a clearing with the opposite parts) */
  undone: number[];
  clearingId: number | null;
  applied: number;
  unapplied: number;
  /** what each document received (receipts negative: settled; deductions and returns positive: netted) */
  allocation: { docNo: string; amountFen: number }[];
}

/** Settles the chosen items, in the order given: debts from the chosen credits first, then from the remittance's cash. */
function chosenParts(book: Book, remittance: ArItem, chosen: ChosenItem[]): ClearingPart[] {
  const ka = getKaAccount(book, remittance.ka_account_id!)!.code;
  const items = chosen.map((c) => {
    const item = arItemOfDocument(book, c.documentId);
    const doc = getDocument(book, c.documentId);
    if (!item || !doc || item.ka_account_id !== remittance.ka_account_id || !['receipt', 'return', 'deduction'].includes(item.kind) || item.open_fen === 0) {
      throw new UserError('corrections.item-invalid', { docNo: doc?.doc_no ?? String(c.documentId), ka, remittance: remittance.doc_no });
    }
    if (item.doc_date > remittance.doc_date) throw new UserError('corrections.item-later', { docNo: item.doc_no, date: item.doc_date, remittanceDate: remittance.doc_date });
    if (c.amountFen !== undefined && (c.amountFen <= 0 || c.amountFen > Math.abs(item.open_fen))) {
      throw new UserError('corrections.item-over', { docNo: item.doc_no, open: Math.abs(item.open_fen), amount: c.amountFen });
    }
    return { item, cap: c.amountFen ?? Math.abs(item.open_fen) };
  });
  const credits = [...items.filter((i) => i.item.open_fen < 0), { item: remittance, cap: -remittance.open_fen }];
  const available = credits.reduce((s, c) => s + c.cap, 0);
  const wanted = items.filter((i) => i.item.open_fen > 0).reduce((s, i) => s + i.cap, 0);
  if (chosen.every((c) => c.amountFen !== undefined) && wanted > available) throw new UserError('corrections.reallocate-too-much', { applied: wanted, available });
  const parts = new Map<number, number>();
  for (const debit of items.filter((i) => i.item.open_fen > 0)) {
    for (const credit of credits) {
      const amount = Math.min(debit.cap, credit.cap);
      if (amount <= 0) continue;
      parts.set(debit.item.id, (parts.get(debit.item.id) ?? 0) - amount);
      parts.set(credit.item.id, (parts.get(credit.item.id) ?? 0) + amount);
      debit.cap -= amount;
      credit.cap -= amount;
    }
  }
  return [...parts].filter(([, a]) => a !== 0).map(([openItemId, amount]) => ({ openItemId, amount }));
}

/**
 * 重新核销: a remittance allocated to the wrong invoices is un-cleared (its clearings reversed, never edited) and
 * allocated again — by its own references then oldest due, oldest due only, or to the open items the user chose
 * — on its own date if that month is open, else on the first open day after. One transaction, audited.
 */
export function reallocateRemittance(book: Book, remittanceId: number, o: ReallocateOptions): ReallocationReport {
  const reason = requireReason(o.reason);
  if (o.mode === 'items' && !o.items?.length) throw new UserError('corrections.items-required', {});
  const today = o.today ?? localToday();
  return book.write(() => {
    const doc = getDocument(book, remittanceId);
    if (!doc) throw new UserError('corrections.not-found', { document: String(remittanceId) });
    if (doc.kind !== 'remittance') throw new UserError('corrections.not-remittance', { docNo: doc.doc_no });
    if (doc.reverses_id !== null || chainDocument(book, doc.id)?.reversed_by) throw new UserError('corrections.remittance-not-in-force', { docNo: doc.doc_no });
    const clearings = clearingsToUndo(book, doc.id);
    const latest = clearings.reduce((d, c) => (c.clearing_date > d ? c.clearing_date : d), doc.doc_date);
    const date = openDayFrom(book, latest, today);
    const undone = withBookErrors(() => clearings.map((c) => (c.document_id === doc.id
      ? reverseClearing(book, c.id, date, o.actor, reason)
      : unClear(book, c, doc.id, date, o.actor, reason, new AuditWriter(book)).reversedBy)));

    const item = arItemOfDocument(book, doc.id)!;
    let clearingId: number | null;
    if (o.mode === 'items') {
      const parts = chosenParts(book, item, o.items!);
      clearingId = parts.length >= 2 ? clearItems(book, { date, documentId: doc.id, memo: storedMessage({ code: 'memo.remittance', params: { docNo: doc.doc_no } }), parts }, o.actor) : null;
    } else {
      clearingId = allocateRemittance(book, item, { byReferences: o.mode === 'references', date }, o.actor).clearingId;
    }
    const after = arItemOfDocument(book, doc.id)!;
    const allocation = clearingId === null ? [] : allocationOf(book, clearingId, doc.id);
    const report: ReallocationReport = {
      remittanceId: doc.id, docNo: doc.doc_no, mode: o.mode, date, undone, clearingId,
      applied: after.open_fen - after.amount_fen, unapplied: Math.abs(after.open_fen), allocation,
    };
    new AuditWriter(book).append({
      actor: o.actor, action: 'reallocate', entity: 'document', entityKey: `remittance:${doc.natural_key}`,
      before: { clearings: clearings.map((c) => c.id) },
      after: { mode: o.mode, date, reason, clearing: clearingId, applied: report.applied, unapplied: report.unapplied, allocation },
    });
    return report;
  });
}

function allocationOf(book: Book, clearingId: number, remittanceId: number): { docNo: string; amountFen: number }[] {
  return clearingPartDetails(book, clearingId).filter((p) => p.document_id !== remittanceId).map((p) => ({ docNo: p.doc_no, amountFen: p.amount_fen }));
}
