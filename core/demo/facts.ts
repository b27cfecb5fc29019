import type { Book } from '../../db/connection.js';
import { insertInjection } from '../../db/queries/listings.js';
import { canonicalJson } from '../canonical-json.js';
import type { Poster } from '../ledger/post-documents.js';
import type { Random } from './random.js';
import type { DemoWorld } from './world.js';

/** What the delivery generator hands on to the settlement generator (receivables, returns, sales). */
export interface ReceiptFact { docNo: string; ka: number; storeId: number; distributorId: number; date: string; due: string; total: number }
export interface ReturnFact { docNo: string; ka: number; storeId: number; distributorId: number; date: string; total: number }
export interface DeductionFact {
  docNo: string; ka: number; storeId: number; distributorId: number; date: string; total: number; method: 'account' | 'invoice';
  /** the manufacturer's share the contract gives, for the credits the manufacturer later pays */
  manufacturerShare: number;
}

export interface DemoFacts {
  receipts: ReceiptFact[];
  returns: ReturnFact[];
  deductions: DeductionFact[];
  /** accepted value per store and month, fen: `${storeId}|${YYYY-MM}` */
  salesByStoreMonth: Map<string, number>;
}

export interface DemoContext {
  book: Book;
  poster: Poster;
  rnd: Random;
  world: DemoWorld;
  facts: DemoFacts;
}

/** Records a deliberate irregularity so later checks can be compared with the truth. */
export function inject(ctx: DemoContext, kind: string, naturalKey: string, lineNo: number | null, detail: Record<string, unknown>): void {
  insertInjection(ctx.book, { kind, natural_key: naturalKey, line_no: lineNo, detail_json: canonicalJson(detail) });
}

export function yymmdd(date: string): string {
  return date.slice(2).replace(/-/g, '');
}
