import type { Book } from '../../db/connection.js';
import { chainDocument, keyChain, type ChainDocument } from '../../db/queries/corrections.js';
import { getDocument, type DocumentRow } from '../../db/queries/documents.js';
import { findDocumentIds } from '../../db/queries/listings.js';
import { UserError } from '../errors.js';

/** One document of a reversal chain (更正记录): a version of the KA's document, or the red reversal of one. */
export interface ChainEntry {
  id: number;
  role: 'version' | 'reversal';
  version: number;
  docNo: string;
  docDate: string;
  period: string;
  totalFen: number;
  inForce: boolean;
  /** for a reversal: the version it reverses */
  reverses: { id: number; docNo: string; version: number } | null;
  /** for a reversed version: its reversal */
  reversedBy: { id: number; docNo: string; date: string; by: string; reason: string | null } | null;
  batchId: number | null;
  /** how it came: an import, an undo, a user's reversal … */
  batchKind: string | null;
  by: string;
  at: string;
  /** the reason the reversal gives (its memo), for reversals */
  reason: string | null;
}

const isInForce = (d: ChainDocument) => d.reverses_id === null && d.reversed_by === null;

function entry(book: Book, d: ChainDocument, all: ChainDocument[]): ChainEntry {
  const reversal = d.reversed_by === null ? undefined : all.find((x) => x.id === d.reversed_by) ?? chainDocument(book, d.reversed_by);
  const original = d.reverses_id === null ? undefined : all.find((x) => x.id === d.reverses_id) ?? chainDocument(book, d.reverses_id);
  return {
    id: d.id, role: d.reverses_id === null ? 'version' : 'reversal', version: d.version, docNo: d.doc_no, docDate: d.doc_date, period: d.period,
    totalFen: d.total_fen, inForce: isInForce(d),
    reverses: original ? { id: original.id, docNo: original.doc_no, version: original.version } : null,
    reversedBy: reversal ? { id: reversal.id, docNo: reversal.doc_no, date: reversal.doc_date, by: reversal.created_by, reason: reversal.memo } : null,
    batchId: d.batch_id, batchKind: d.batch_kind, by: d.created_by, at: d.created_at, reason: d.reverses_id === null ? null : d.memo,
  };
}

/** Every version of a document's key and every reversal of one, oldest first: the document's correction history. */
export function reversalChain(book: Book, documentId: number): ChainEntry[] {
  const doc = getDocument(book, documentId);
  if (!doc) throw new UserError('corrections.not-found', { document: String(documentId) });
  const key = doc.reverses_id === null ? doc.natural_key : getDocument(book, doc.reverses_id)!.natural_key;
  const all = keyChain(book, doc.kind, key);
  return all.map((d) => entry(book, d, all));
}

/**
 * The document a person names — its natural key (`RTM|YS0903A021`) or its number — that is in force. A number
 * several documents in force share (two KAs, two kinds) is refused with their keys; one with no version in force
 * says so.
 */
export function resolveDocument(book: Book, ref: string): DocumentRow {
  const found = findDocumentIds(book, ref).map((id) => chainDocument(book, id)!);
  if (found.length === 0) throw new UserError('corrections.not-found', { document: ref });
  const live = found.filter(isInForce);
  if (live.length === 1) return getDocument(book, live[0]!.id)!;
  // One document, out of force: let the caller say exactly why (a reversal, or reversed already).
  if (found.length === 1) return getDocument(book, found[0]!.id)!;
  if (live.length > 1) throw new UserError('corrections.ambiguous', { document: ref, matches: live.map((d) => `${d.kind}:${d.natural_key}`) });
  throw new UserError('corrections.nothing-in-force', { document: ref, versions: found.map((d) => `${d.doc_no} v${d.version}`) });
}
