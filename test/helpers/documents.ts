import { lineAmount } from '../../core/money/rounding.js';
import { postDocuments, type DocumentDraft } from '../../core/ledger/post-documents.js';
import type { Book } from '../../db/connection.js';
import type { addSmallWorld } from './small-world.js';

export type World = ReturnType<typeof addSmallWorld>;
/** [product id, quantity in units, price in yuan × 10,000] */
export type Line = [number, number, number];

function lines(store: number, po: string | null, ls: Line[]) {
  return ls.map(([productId, units, price]) => ({ storeId: store, productId, orderNo: po, qty: units * 1000, price, amount: lineAmount(units * 1000, price) }));
}

export function delivery(w: World, docNo: string, date: string, po: string | null, ls: Line[], store = w.a021, ka = w.rtm): DocumentDraft {
  return { kind: 'delivery', naturalKey: `D01|${docNo}`, docNo, docDate: date, manufacturerId: w.manufacturerId, distributorId: w.distributorId,
    kaAccountId: ka, storeId: store, orderNo: po, lines: lines(store, po, ls) };
}

export function receipt(w: World, docNo: string, date: string, po: string | null, ls: Line[], store = w.a021, ka = w.rtm): DocumentDraft {
  return { kind: 'receipt', naturalKey: `K${ka}|${docNo}`, docNo, docDate: date, manufacturerId: w.manufacturerId, distributorId: w.distributorId,
    kaAccountId: ka, storeId: store, orderNo: po, lines: lines(store, po, ls) };
}

export function post(book: Book, ...drafts: DocumentDraft[]) {
  return postDocuments(book, drafts, 'tester', { kind: 'user', description: 'test' });
}
