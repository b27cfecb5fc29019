import type { Book } from '../../db/connection.js';
import { openItemsOfDocument, reversalOf } from '../../db/queries/clearings.js';
import { documentEntries, documentLines, getDocument } from '../../db/queries/documents.js';
import { assertIsoDate } from '../calendar/dates.js';
import { UserError } from '../errors.js';
import { clearItems } from './clear-items.js';
import type { DocumentKind } from './document-kinds.js';
import { Poster } from './post-documents.js';
import type { Account } from './posting-rules.js';

/**
 * Corrects a posted document the way an accountant does (红字冲销): a new document dated in an open period with
 * every line and entry negated, and the two documents' open items cleared against each other. The original
 * stays as it was, so a closed month is never touched.
 */
export function reverseDocument(book: Book, documentId: number, date: string, actor: string, reason: string): number {
  assertIsoDate(date, { field: 'date' });
  if (!reason.trim()) throw new UserError('missing-reason', 'a reversal needs a reason');
  return book.write(() => {
    const original = getDocument(book, documentId);
    if (!original) throw new UserError('not-found', `document ${documentId} does not exist`);
    if (original.reverses_id !== null) throw new UserError('already-reversal', `document ${original.doc_no} is itself a reversal`);
    const existing = reversalOf(book, documentId);
    if (existing !== undefined) throw new UserError('already-reversed', `document ${original.doc_no} was already reversed (document ${existing})`);

    const lines = documentLines(book, documentId);
    const entries = documentEntries(book, documentId);
    const explicitLegs = original.kind === 'adjustment' || original.kind === 'rebate_accrual';
    const poster = new Poster(book, actor);
    const outcome = poster.post({
      kind: original.kind as DocumentKind,
      naturalKey: `${original.natural_key}|reversal`,
      docNo: `${original.doc_no}-R`,
      docDate: date,
      manufacturerId: original.manufacturer_id, distributorId: original.distributor_id,
      kaAccountId: original.ka_account_id, storeId: original.store_id,
      orderNo: original.order_no, reference: original.doc_no, method: original.method, dueDate: original.due_date,
      memo: reason, reversesId: documentId,
      lines: lines.map((l) => ({
        storeId: l.store_id, productId: l.product_id, orderNo: l.order_no,
        qty: l.qty_milli === null ? null : -l.qty_milli, price: l.price_e4, amount: -l.amount_fen,
        feeType: l.fee_type, feeText: l.fee_text, reference: l.reference, memo: l.memo,
      })),
      ...(explicitLegs ? { legs: entries.map((e) => ({ account: e.account as Account, amount: -e.amount_fen })) } : {}),
    });
    if (outcome.status !== 'created') throw new UserError('already-reversed', `a reversal of ${original.doc_no} is already in the book`);

    // Whatever of the original is still open is settled by its mirror image.
    const mine = openItemsOfDocument(book, documentId);
    const theirs = openItemsOfDocument(book, outcome.id);
    for (const item of mine) {
      const mirror = theirs.find((t) => t.account === item.account);
      if (!mirror || item.open_fen === 0) continue;
      const amount = Math.min(Math.abs(item.open_fen), Math.abs(mirror.open_fen));
      if (amount === 0) continue;
      clearItems(book, {
        date, documentId: outcome.id, memo: `reversal of ${original.doc_no}`,
        parts: [
          { openItemId: item.id, amount: -Math.sign(item.open_fen) * amount },
          { openItemId: mirror.id, amount: -Math.sign(mirror.open_fen) * amount },
        ],
      }, actor);
    }
    return outcome.id;
  });
}
