import type { Book } from '../../db/connection.js';
import { postedUnder } from '../../db/queries/terms.js';
import type { DocumentKind } from '../ledger/document-kinds.js';
import { Poster, type LineDraft } from '../ledger/post-documents.js';
import type { Leg } from '../ledger/posting-rules.js';
import type { Fen } from '../money/units.js';

export interface DifferencePosting {
  kind: DocumentKind;
  /**
   * The figure's identity, shared by every document posted for it: a rebate year (`REBATE|HT-RTM-2025|2025-11-01|`,
   * its target cumulative) or one month's claim (`DCS|HT-RTM-2025|D01|2026-09|`).
   */
  keyPrefix: string;
  period: string;
  date: string;
  docNo: string;
  /** what the figure should total, up to and including this period */
  target: Fen;
  parties: { manufacturerId?: number | null; distributorId?: number | null; kaAccountId?: number | null };
  memo: string;
  /** the lines of the difference; they are scaled by the caller to sum to the difference */
  lines: (difference: Fen) => LineDraft[];
  legs?: (difference: Fen) => Leg[];
}

/**
 * Posts only what a figure has changed by: the target less what earlier runs posted for it up to this period.
 * Running again with nothing new posts nothing; a re-run after late receipts posts the difference.
 */
export function postDifference(book: Book, poster: Poster, p: DifferencePosting): { posted: Fen; before: Fen; documentId?: number } {
  const before = postedUnder(book, p.kind, p.keyPrefix, p.period);
  const difference = p.target - before.total_fen;
  if (difference === 0) return { posted: 0, before: before.total_fen };
  const outcome = poster.post({
    kind: p.kind, naturalKey: `${p.keyPrefix}${p.period}|${before.documents + 1}`, docNo: `${p.docNo}-${before.documents + 1}`,
    docDate: p.date, ...p.parties, memo: p.memo, lines: p.lines(difference), ...(p.legs ? { legs: p.legs(difference) } : {}),
  });
  return { posted: difference, before: before.total_fen, documentId: outcome.id };
}
