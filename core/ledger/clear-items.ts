import type { Book } from '../../db/connection.js';
import { clearingParts, getClearing, insertClearing, insertClearingPart, openItemState } from '../../db/queries/clearings.js';
import { ensurePeriod } from '../../db/queries/periods.js';
import { AuditWriter } from '../audit/audit-chain.js';
import { assertIsoDate, periodOf } from '../calendar/dates.js';
import { UserError } from '../errors.js';
import { assertInteger, type Fen } from '../money/units.js';
import { withBookErrors } from './book-errors.js';

/** One part of a clearing: the amount applied to an open item, with the sign that reduces what is open. */
export interface ClearingPart {
  openItemId: number;
  amount: Fen;
}

export interface ClearingRequest {
  date: string;
  parts: ClearingPart[];
  documentId?: number | null;
  memo?: string | null;
}

/**
 * 核销: links amounts of open items that settle each other. The parts must sum to exactly zero, each must move
 * its item toward zero without passing it, and the items must be on the same account. Runs inside the caller's
 * write transaction.
 */
export function clearItems(book: Book, request: ClearingRequest, actor: string, audit = new AuditWriter(book)): number {
  assertIsoDate(request.date, { field: 'clearing date' });
  if (request.parts.length < 2) throw new UserError('ledger.clearing-parts');
  let sum = 0;
  let account: string | undefined;
  for (const part of request.parts) {
    assertInteger(part.amount, 'clearing amount');
    if (part.amount === 0) throw new UserError('ledger.clearing-zero', { item: part.openItemId });
    const item = openItemState(book, part.openItemId);
    if (!item) throw new UserError('ledger.no-open-item', { item: part.openItemId });
    account ??= item.account;
    if (item.account !== account) throw new UserError('ledger.clearing-accounts', { a: account, b: item.account });
    // A clearing is dated no earlier than what it clears, so ageing as of any date ties to the ledger.
    if (item.doc_date > request.date) throw new UserError('ledger.clearing-date', { item: item.id, date: item.doc_date, clearingDate: request.date });
    const after = item.open_fen + part.amount;
    if (Math.sign(part.amount) === Math.sign(item.open_fen) || Math.abs(after) > Math.abs(item.open_fen) || Math.sign(after) === -Math.sign(item.open_fen)) {
      throw new UserError('ledger.over-clearing', { item: item.id, open: item.open_fen, amount: part.amount });
    }
    sum += part.amount;
  }
  if (sum !== 0) throw new UserError('ledger.clearing-unbalanced', { sum });
  const period = periodOf(request.date);
  ensurePeriod(book, period);
  const id = withBookErrors(() => insertClearing(book, {
    clearing_date: request.date, period, document_id: request.documentId ?? null, reverses_id: null,
    memo: request.memo ?? null, created_by: actor,
  }), { period });
  for (const part of request.parts) withBookErrors(() => insertClearingPart(book, id, part.openItemId, part.amount), { period });
  audit.append({ actor, action: 'clear', entity: 'clearing', entityKey: String(id), after: { date: request.date, parts: request.parts } });
  return id;
}

/** A clearing is never edited: it is undone by a clearing with the opposite parts, dated in an open period. */
export function reverseClearing(book: Book, clearingId: number, date: string, actor: string, reason: string): number {
  assertIsoDate(date, { field: 'date' });
  const original = getClearing(book, clearingId);
  if (!original) throw new UserError('ledger.no-clearing', { clearing: clearingId });
  if (original.reverses_id !== null) throw new UserError('ledger.clearing-is-reversal', { clearing: clearingId });
  if (original.reversed_by !== null) throw new UserError('ledger.clearing-reversed', { clearing: clearingId, by: original.reversed_by });
  const period = periodOf(date);
  ensurePeriod(book, period);
  const id = withBookErrors(() => insertClearing(book, { clearing_date: date, period, document_id: null, reverses_id: clearingId, memo: reason, created_by: actor }), { period });
  const parts = clearingParts(book, clearingId);
  for (const p of parts) withBookErrors(() => insertClearingPart(book, id, p.open_item_id, -p.amount_fen), { period });
  new AuditWriter(book).append({ actor, action: 'reverse', entity: 'clearing', entityKey: String(clearingId), after: { reversal: id, date, reason } });
  return id;
}
