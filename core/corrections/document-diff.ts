import type { Book } from '../../db/connection.js';
import { distributorCodeOf, kaCodeOf, productSkuOf, storeCodeOf } from '../../db/queries/corrections.js';
import { documentLines, getDocument, type DocumentRow, type LineRow } from '../../db/queries/documents.js';
import type { DocumentDraft, LineDraft } from '../ledger/post-documents.js';

/** A line as people compare it: codes, not ids; money in fen, quantities in thousandths, prices in 1/10,000 yuan. */
export interface LineView {
  store: string | null; sku: string | null; orderNo: string | null; qtyMilli: number | null; priceE4: number | null;
  amountFen: number; feeType: string | null; feeText: string | null; reference: string | null;
}

export type LineChange = 'added' | 'removed' | 'changed';
export interface LineDifference { change: LineChange; oldLine: number | null; newLine: number | null; old: LineView | null; new: LineView | null; fields: (keyof LineView)[] }
export interface HeaderDifference { field: 'docDate' | 'store' | 'ka' | 'distributor' | 'orderNo' | 'reference' | 'method'; old: string | null; new: string | null }

/** What a re-imported document changes against the version in force, line by line (old → new). */
export interface DocumentDifference {
  key: string;
  kind: string;
  docNo: string;
  oldId: number;
  oldVersion: number;
  oldTotalFen: number;
  newTotalFen: number;
  header: HeaderDifference[];
  lines: LineDifference[];
}

const LINE_FIELDS: (keyof LineView)[] = ['store', 'sku', 'orderNo', 'qtyMilli', 'priceE4', 'amountFen', 'feeType', 'feeText', 'reference'];

/** Looks codes up once per id: a file's documents share a handful of stores and products. */
class Codes {
  private readonly cache = new Map<string, string | null>();
  constructor(private readonly book: Book) {}
  private get(kind: string, id: number | null | undefined, find: (book: Book, id: number) => string | undefined): string | null {
    if (id === null || id === undefined) return null;
    const key = `${kind}${id}`;
    if (!this.cache.has(key)) this.cache.set(key, find(this.book, id) ?? `#${id}`);
    return this.cache.get(key)!;
  }
  store = (id: number | null | undefined) => this.get('s', id, storeCodeOf);
  sku = (id: number | null | undefined) => this.get('p', id, productSkuOf);
  ka = (id: number | null | undefined) => this.get('k', id, kaCodeOf);
  distributor = (id: number | null | undefined) => this.get('d', id, distributorCodeOf);
}

function bookedLine(codes: Codes, l: LineRow): LineView {
  return { store: codes.store(l.store_id), sku: codes.sku(l.product_id), orderNo: l.order_no, qtyMilli: l.qty_milli, priceE4: l.price_e4,
    amountFen: l.amount_fen, feeType: l.fee_type, feeText: l.fee_text, reference: l.reference };
}

function draftLine(codes: Codes, l: LineDraft): LineView {
  return { store: codes.store(l.storeId), sku: codes.sku(l.productId), orderNo: l.orderNo ?? null, qtyMilli: l.qty ?? null, priceE4: l.price ?? null,
    amountFen: l.amount, feeType: l.feeType ?? null, feeText: l.feeText ?? null, reference: l.reference ?? null };
}

/** Lines are the same line when they name the same store, product, order, wording and reference. */
const identity = (l: LineView) => JSON.stringify([l.store, l.sku, l.orderNo, l.feeText, l.reference]);
const changedFields = (a: LineView, b: LineView) => LINE_FIELDS.filter((f) => a[f] !== b[f]);

/**
 * Compares two sets of lines: lines naming the same thing are paired first (in order), what is left on both
 * sides is paired by position as changed lines, and the rest is added or removed.
 */
export function diffLines(old: LineView[], next: LineView[]): LineDifference[] {
  const used = new Set<number>();
  const pairs: [number | null, number | null][] = [];
  const leftNew: number[] = [];
  next.forEach((n, j) => {
    const i = old.findIndex((o, k) => !used.has(k) && identity(o) === identity(n));
    if (i >= 0) {
      used.add(i);
      pairs.push([i, j]);
    } else leftNew.push(j);
  });
  const leftOld = old.map((_, i) => i).filter((i) => !used.has(i));
  for (let k = 0; k < Math.max(leftOld.length, leftNew.length); k++) pairs.push([leftOld[k] ?? null, leftNew[k] ?? null]);
  const out: LineDifference[] = [];
  for (const [i, j] of pairs) {
    const a = i === null ? null : old[i]!;
    const b = j === null ? null : next[j]!;
    if (a && b) {
      const fields = changedFields(a, b);
      if (fields.length) out.push({ change: 'changed', oldLine: i! + 1, newLine: j! + 1, old: a, new: b, fields });
    } else out.push({ change: a ? 'removed' : 'added', oldLine: i === null ? null : i + 1, newLine: j === null ? null : j + 1, old: a, new: b, fields: [] });
  }
  return out.sort((x, y) => (x.oldLine ?? x.newLine ?? 0) - (y.oldLine ?? y.newLine ?? 0));
}

function headerDiff(codes: Codes, o: DocumentRow, d: DocumentDraft): HeaderDifference[] {
  const pairs: [HeaderDifference['field'], string | null, string | null][] = [
    ['docDate', o.doc_date, d.docDate],
    ['ka', codes.ka(o.ka_account_id), codes.ka(d.kaAccountId)],
    ['distributor', codes.distributor(o.distributor_id), codes.distributor(d.distributorId)],
    ['store', codes.store(o.store_id), codes.store(d.storeId)],
    ['orderNo', o.order_no, d.orderNo ?? null],
    ['reference', o.reference, d.reference ?? null],
    ['method', o.method, d.method ?? null],
  ];
  return pairs.filter(([, a, b]) => a !== b).map(([field, a, b]) => ({ field, old: a, new: b }));
}

/** The difference between the booked document `oldId` and a draft of the same natural key. */
export function documentDifference(book: Book, oldId: number, draft: DocumentDraft): DocumentDifference {
  const codes = new Codes(book);
  const old = getDocument(book, oldId)!;
  return {
    key: draft.naturalKey, kind: draft.kind, docNo: draft.docNo, oldId, oldVersion: old.version, oldTotalFen: old.total_fen,
    newTotalFen: draft.lines.reduce((s, l) => s + l.amount, 0),
    header: headerDiff(codes, old, draft),
    lines: diffLines(documentLines(book, oldId).map((l) => bookedLine(codes, l)), draft.lines.map((l) => draftLine(codes, l))),
  };
}
