import type { Book } from '../../db/connection.js';
import { arItemOfDocument, clearingPartDetails, openArItemsOfKa, remittancesOfPeriod } from '../../db/queries/corrections.js';
import { clearingsToUndo } from '../ledger/reverse-document.js';
import { getDocument } from '../../db/queries/documents.js';
import { findKaAccount } from '../../db/queries/master-data.js';
import { UserError } from '../errors.js';
import type { Page } from '../views/book-views.js';

/** 回款: a month's remittances with what each applied and left unapplied, and its correction state. */
export function remittancesView(book: Book, period: string, kaCode: string | undefined, page: Page) {
  const ka = kaCode ? findKaAccount(book, kaCode) : undefined;
  if (kaCode && !ka) throw new UserError('corrections.not-found', { document: kaCode });
  // A reversed remittance is settled by its own red mirror: it applied nothing and has nothing unapplied.
  return remittancesOfPeriod(book, period, ka?.id ?? null, page.limit, page.offset).map((r) => {
    const state = r.reverses_id !== null ? 'reversal' : r.reversed_by !== null ? 'reversed' : 'in_force';
    return { ...r, state, ...(state === 'in_force' ? {} : { applied_fen: null, unapplied_fen: null }) };
  });
}

/**
 * What a remittance may be allocated to: its KA's receipts, deductions and returns dated no later than it, with
 * what will be open on each once its own clearings are undone (reallocating undoes them first) — so the items it
 * pays now are offered too, with their whole amount.
 */
export function allocatableItems(book: Book, remittanceId: number) {
  const remittance = getDocument(book, remittanceId);
  if (!remittance || remittance.kind !== 'remittance' || !remittance.ka_account_id) throw new UserError('corrections.not-remittance', { docNo: remittance?.doc_no ?? String(remittanceId) });
  const undone = new Map<number, number>();
  for (const c of clearingsToUndo(book, remittanceId)) {
    for (const p of clearingPartDetails(book, c.id)) if (p.document_id !== remittanceId) undone.set(p.document_id, (undone.get(p.document_id) ?? 0) + p.amount_fen);
  }
  const items = new Map(openArItemsOfKa(book, remittance.ka_account_id, remittance.doc_date, 500).map((i) => [i.document_id, i]));
  for (const documentId of undone.keys()) {
    const i = arItemOfDocument(book, documentId);
    if (i && !items.has(documentId)) items.set(documentId, i);
  }
  return [...items.values()].filter((i) => i.document_id !== remittanceId)
    .map((i) => ({ document_id: i.document_id, kind: i.kind, doc_no: i.doc_no, doc_date: i.doc_date, due_date: i.due_date,
      open_fen: i.open_fen - (undone.get(i.document_id) ?? 0), paid_by_this_fen: -(undone.get(i.document_id) ?? 0), amount_fen: i.amount_fen }))
    .filter((i) => i.open_fen !== 0)
    .sort((a, b) => (a.due_date ?? a.doc_date).localeCompare(b.due_date ?? b.doc_date) || a.document_id - b.document_id);
}
