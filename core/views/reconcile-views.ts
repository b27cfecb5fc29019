import type { Book } from '../../db/connection.js';
import { claimCounts, getClaim, listClaims } from '../../db/queries/claims.js';
import { deductionChecksView } from '../../db/queries/deductions.js';
import { findKaAccount } from '../../db/queries/master-data.js';
import { deliveryResults, unexpectedReceiptLines } from '../../db/queries/reconcile-results.js';
import { UserError } from '../errors.js';

function kaId(book: Book, code?: string): number | null {
  if (!code) return null;
  const ka = findKaAccount(book, code);
  if (!ka) throw new UserError('master.unknown-ka', { code }, { field: '--ka' });
  return ka.id;
}

export interface Page { limit: number; offset: number }

export function deliveryResultsView(book: Book, f: { period: string; kaCode?: string; status?: string; storeCode?: string; sku?: string }, page: Page) {
  return deliveryResults(book, { period: f.period, kaAccountId: kaId(book, f.kaCode), status: f.status, storeCode: f.storeCode, sku: f.sku }, page.limit, page.offset);
}

export function unexpectedReceiptsView(book: Book, period: string, kaCode: string | undefined, page: Page) {
  return unexpectedReceiptLines(book, period, kaId(book, kaCode), page.limit, page.offset);
}

export function deductionsView(book: Book, period: string, kaCode: string | undefined, disputedOnly: boolean, page: Page) {
  return deductionChecksView(book, period, kaId(book, kaCode), disputedOnly, page.limit, page.offset);
}

export function claimsView(book: Book, status: string | null, page: Page) {
  return { counts: claimCounts(book), claims: listClaims(book, status, page.limit, page.offset).map(({ evidence_json: _e, open_item_id: _o, distributor_id: _d, ...c }) => c) };
}

export function claimView(book: Book, id: number) {
  const claim = getClaim(book, id);
  if (!claim) throw new UserError('reconcile.no-claim', { id });
  const { evidence_json, ...rest } = claim;
  return { ...rest, evidence: JSON.parse(evidence_json) as unknown };
}
