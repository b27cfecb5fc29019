import type { Book } from '../../db/connection.js';
import { openItemsOfDocument } from '../../db/queries/clearings.js';
import { clearingPartDetails, liveClearingsOfDocument, type LiveClearing } from '../../db/queries/corrections.js';
import { documentEntries, documentLines, type DocumentRow } from '../../db/queries/documents.js';
import { AuditWriter } from '../audit/audit-chain.js';
import { storedMessage } from '../../locale/index.js';
import { UserError } from '../errors.js';
import { clearItems, reverseClearing, type ClearingPart } from './clear-items.js';
import type { DocumentKind } from './document-kinds.js';
import type { Poster } from './post-documents.js';
import type { Account } from './posting-rules.js';

/** One clearing the reversal undid (核销冲回), and what of it was cleared again without the reversed document. */
export interface UnClearing {
  clearingId: number;
  reversedBy: number;
  /** the clearing that re-applies what the other items of the original clearing still settle, if any */
  recleared: number | null;
  /** the documents of every item the clearing touched */
  documentIds: number[];
}

export interface ReversalPosting {
  reversalId: number;
  unCleared: UnClearing[];
}

/** The clearings a reversal has to undo first: those in effect on the document's open items. */
export function clearingsToUndo(book: Book, documentId: number): LiveClearing[] {
  return liveClearingsOfDocument(book, documentId);
}

/**
 * Undoes a clearing for one document (核销冲回): the clearing is reversed whole, then what it settled between its other
 * items is cleared again. The reversed document's parts are taken out and the opposite side is reduced by as much
 * — the clearing's own document first (so a remittance, not the receipts it also paid, gets the money back as
 * unapplied), then its other items from the last part back.
 */
export function unClear(book: Book, clearing: LiveClearing, documentId: number, date: string, actor: string, reason: string, audit: AuditWriter): UnClearing {
  const parts = clearingPartDetails(book, clearing.id);
  const reversedBy = reverseClearing(book, clearing.id, date, actor, reason);
  const removed = parts.filter((p) => p.document_id === documentId).reduce((s, p) => s + p.amount_fen, 0);
  const rest = parts.filter((p) => p.document_id !== documentId).map((p) => ({ ...p }));
  // The rest sums to -removed; take that much off the parts on the other side of the clearing.
  let excess = -removed;
  const side = Math.sign(excess);
  const order = [...rest.filter((p) => p.document_id === clearing.document_id), ...rest.filter((p) => p.document_id !== clearing.document_id).reverse()];
  for (const part of order) {
    if (excess === 0) break;
    if (Math.sign(part.amount_fen) !== side) continue;
    const take = side * Math.min(Math.abs(part.amount_fen), Math.abs(excess));
    part.amount_fen -= take;
    excess -= take;
  }
  const again: ClearingPart[] = rest.filter((p) => p.amount_fen !== 0).map((p) => ({ openItemId: p.open_item_id, amount: p.amount_fen }));
  const recleared = again.length >= 2
    ? clearItems(book, { date, documentId: clearing.document_id, memo: clearing.memo, parts: again }, actor, audit)
    : null;
  return { clearingId: clearing.id, reversedBy, recleared, documentIds: [...new Set(parts.map((p) => p.document_id))] };
}

/**
 * 红字冲销, the ledger's part: what the document cleared is un-cleared first (each clearing reversed, the rest of it
 * cleared again), then a new document mirrors it — every line and entry negated, same kind, parties and method —
 * and the two documents' open items clear each other. The original stays exactly as it was. Runs inside the
 * caller's write transaction; `clearingDate` is no earlier than `date` nor than any clearing it undoes.
 */
export function postReversal(
  book: Book, poster: Poster, original: DocumentRow,
  o: { date: string; clearingDate: string; actor: string; reason: string },
): ReversalPosting {
  const audit = new AuditWriter(book);
  const unCleared = clearingsToUndo(book, original.id).map((c) => unClear(book, c, original.id, o.clearingDate, o.actor, o.reason, audit));

  const lines = documentLines(book, original.id);
  const entries = documentEntries(book, original.id);
  const withItems = new Set(openItemsOfDocument(book, original.id).map((i) => i.account));
  const explicitLegs = original.kind === 'adjustment' || original.kind === 'rebate_accrual';
  const outcome = poster.post({
    kind: original.kind as DocumentKind,
    naturalKey: `${original.natural_key}|reversal`,
    version: original.version,
    docNo: original.version > 1 ? `${original.doc_no}-R${original.version}` : `${original.doc_no}-R`,
    docDate: o.date,
    manufacturerId: original.manufacturer_id, distributorId: original.distributor_id,
    kaAccountId: original.ka_account_id, storeId: original.store_id,
    orderNo: original.order_no, reference: original.doc_no, method: original.method, dueDate: original.due_date,
    memo: o.reason, reversesId: original.id,
    lines: lines.map((l) => ({
      storeId: l.store_id, productId: l.product_id, orderNo: l.order_no,
      qty: l.qty_milli === null ? null : -l.qty_milli, price: l.price_e4, amount: -l.amount_fen,
      feeType: l.fee_type, feeText: l.fee_text, reference: l.reference, memo: l.memo,
    })),
    ...(explicitLegs ? { legs: entries.map((e) => ({ account: e.account as Account, amount: -e.amount_fen, openItem: withItems.has(e.account) })) } : {}),
  });
  if (outcome.status !== 'created') throw new UserError('corrections.already-reversed', { docNo: original.doc_no });

  // The mirror must say exactly the opposite of the original, entry by entry.
  const mirrored = documentEntries(book, outcome.id).map((e) => `${e.account}:${e.amount_fen}`);
  const expected = entries.map((e) => `${e.account}:${-e.amount_fen}`);
  if (mirrored.join() !== expected.join()) throw new Error(`reversal of document ${original.id} does not mirror its entries`);

  // With nothing of it cleared any more, the original is settled in full by its mirror image.
  const theirs = openItemsOfDocument(book, outcome.id);
  for (const item of openItemsOfDocument(book, original.id)) {
    const mirror = theirs.find((t) => t.account === item.account);
    if (!mirror || item.open_fen === 0) continue;
    if (mirror.open_fen !== -item.open_fen) throw new Error(`open item ${item.id} is not fully open after un-clearing`);
    clearItems(book, {
      date: o.clearingDate, documentId: outcome.id, memo: storedMessage({ code: 'memo.reversal-of', params: { docNo: original.doc_no } }),
      parts: [{ openItemId: item.id, amount: -item.open_fen }, { openItemId: mirror.id, amount: item.open_fen }],
    }, o.actor, audit);
  }
  return { reversalId: outcome.id, unCleared };
}
