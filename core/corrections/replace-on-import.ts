import type { Book } from '../../db/connection.js';
import { getDocument } from '../../db/queries/documents.js';
import { AuditWriter } from '../audit/audit-chain.js';
import { UserError } from '../errors.js';
import type { DocumentDraft, Poster, PostOutcome } from '../ledger/post-documents.js';
import { documentDifference, type DocumentDifference } from './document-diff.js';
import { reverseInTransaction } from './reverse.js';

/** A document of a re-imported file that differs from the version in force (or whose key was reversed). */
export interface ImportConflict {
  key: string;
  row?: number;
  /** `changed`: the book holds another version in force; `reversed`: it was reversed and nothing is in force */
  reason: 'changed' | 'reversed';
  docNo: string;
  documentId: number;
  /** line by line, old → new (for `changed`) */
  difference: DocumentDifference | null;
}

/** What 替换 / --replace did with one document: the old version reversed (红字) and the new one posted. */
export interface ImportReplacement extends ImportConflict {
  reversalId: number | null;
  newId: number;
  version: number;
}

/** Conflicts shown in full; a file conflicting in more places than this is listed by key only beyond it. */
export const DIFFERENCES_SHOWN = 500;

/**
 * The import's corrections hook: without --replace a conflicting document is reported with its difference and
 * the file is refused; with it, the version in force is reversed and the file's version posted in its place, in
 * the import's own transaction and batch, audited with both versions. A key whose last version was reversed is
 * posted anew (re-instated) only with --replace too.
 */
export class ImportCorrections {
  readonly conflicts: ImportConflict[] = [];
  readonly replaced: ImportReplacement[] = [];

  constructor(
    private readonly book: Book,
    private readonly poster: Poster,
    private readonly o: { replace: boolean; actor: string; reason: string; today?: string },
  ) {}

  onConflict(draft: DocumentDraft, outcome: Extract<PostOutcome, { status: 'conflict' }>, row: number): void {
    const shown = this.conflicts.length + this.replaced.length < DIFFERENCES_SHOWN;
    const conflict: ImportConflict = {
      key: outcome.naturalKey, row, reason: outcome.reason, docNo: draft.docNo, documentId: outcome.id,
      difference: outcome.reason === 'changed' && (shown || this.o.replace) ? documentDifference(this.book, outcome.id, draft) : null,
    };
    if (!this.o.replace) {
      this.conflicts.push(conflict);
      return;
    }
    const old = getDocument(this.book, outcome.id)!;
    const reversal = outcome.reason === 'changed'
      ? reverseInTransaction(this.book, this.poster, outcome.id, { actor: this.o.actor, reason: this.o.reason, ...(this.o.today ? { today: this.o.today } : {}) })
      : null;
    const posted = this.poster.post({ ...draft, version: old.version + 1 });
    if (posted.status !== 'created') throw new UserError('corrections.replace-failed', { docNo: draft.docNo });
    const fresh = getDocument(this.book, posted.id)!;
    new AuditWriter(this.book).append({
      actor: this.o.actor, action: outcome.reason === 'changed' ? 'replace' : 'reinstate', entity: 'document', entityKey: `${draft.kind}:${draft.naturalKey}`,
      before: { id: old.id, version: old.version, total: old.total_fen, contentHash: old.content_hash },
      after: { id: fresh.id, version: fresh.version, total: fresh.total_fen, contentHash: fresh.content_hash, reversal: reversal?.reversalId ?? null,
        reason: this.o.reason, changedLines: conflict.difference?.lines.length ?? 0 },
    });
    this.replaced.push({ ...conflict, reversalId: reversal?.reversalId ?? null, newId: posted.id, version: fresh.version });
  }
}
