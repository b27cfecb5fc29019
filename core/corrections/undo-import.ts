import type { Book } from '../../db/connection.js';
import { clearingPartDetails, documentsOfBatch, getBatch, setBatchUndo, type ChainDocument } from '../../db/queries/corrections.js';
import { documentLines, findDocumentByKey, getDocument, insertBatch } from '../../db/queries/documents.js';
import { getPeriod } from '../../db/queries/periods.js';
import { AuditWriter } from '../audit/audit-chain.js';
import type { IsoDate } from '../calendar/dates.js';
import { UserError } from '../errors.js';
import type { DocumentKind } from '../ledger/document-kinds.js';
import { Poster } from '../ledger/post-documents.js';
import { clearingsToUndo } from '../ledger/reverse-document.js';
import { requireReason, reverseInTransaction, type ReversalReport } from './reverse.js';

export interface UndoReport {
  batch: number;
  undoBatch: number;
  reversed: ReversalReport[];
  /** documents the import had replaced, posted anew with their earlier content */
  reinstated: { key: string; docNo: string; id: number; version: number }[];
}

/** The batch's documents that are still in force: what an undo reverses. */
function inForceOf(docs: ChainDocument[]): ChainDocument[] {
  return docs.filter((d) => d.reverses_id === null && d.reversed_by === null);
}

/**
 * Why a batch cannot be undone as it stands: its documents in closed months, and those a later document (one the
 * batch did not post) has cleared — the user reverses that one first, so nothing is un-cleared behind their back.
 */
function blockers(book: Book, docs: ChainDocument[], batchIds: Set<number>): { closed: string[]; cleared: string[] } {
  const closed: string[] = [];
  const cleared: string[] = [];
  for (const d of docs) {
    if (getPeriod(book, d.period)?.status === 'closed') closed.push(`${d.doc_no} (${d.period})`);
    for (const c of clearingsToUndo(book, d.id)) {
      // A clearing belongs to the document that made it (a remittance); one without (credits against claims) to all it touched.
      const by = c.document_id !== null
        ? (batchIds.has(c.document_id) ? [] : [getDocument(book, c.document_id)!.doc_no])
        : clearingPartDetails(book, c.id).filter((p) => p.document_id !== d.id && !batchIds.has(p.document_id)).map((p) => p.doc_no);
      if (by.length) cleared.push(`${d.doc_no} ← ${[...new Set(by)].join('/')}`);
    }
  }
  return { closed, cleared };
}

/**
 * 撤销导入: reverses every document an import batch posted that is still in force, in one transaction and a batch of
 * its own that names the undone one and the reason; documents the import had replaced are posted anew with their
 * earlier content. Refused, listing them, when any is in a closed month or was cleared by a document the batch
 * did not post.
 */
export function undoImport(book: Book, batchId: number, o: { actor: string; reason: string; today?: IsoDate }): UndoReport {
  const reason = requireReason(o.reason);
  return book.write(() => {
    const batch = getBatch(book, batchId);
    if (!batch) throw new UserError('corrections.batch-not-found', { batch: batchId });
    if (batch.kind === 'undo') throw new UserError('corrections.batch-is-undo', { batch: batchId });
    if (batch.kind !== 'import') throw new UserError('corrections.batch-not-import', { batch: batchId, kind: batch.kind });
    if (batch.undone_by !== null) {
      const undo = getBatch(book, batch.undone_by)!;
      throw new UserError('corrections.batch-undone', { batch: batchId, undoneBy: undo.id, by: undo.created_by, at: undo.created_at.slice(0, 10) });
    }
    const posted = documentsOfBatch(book, batchId);
    const live = inForceOf(posted);
    if (live.length === 0) throw new UserError('corrections.batch-nothing-in-force', { batch: batchId });
    const ids = new Set(posted.map((d) => d.id));
    const { closed, cleared } = blockers(book, live, ids);
    if (closed.length && cleared.length) throw new UserError('corrections.undo-blocked-both', { batch: batchId, closed, cleared });
    if (closed.length) throw new UserError('corrections.undo-blocked-closed', { batch: batchId, documents: closed });
    if (cleared.length) throw new UserError('corrections.undo-blocked-cleared', { batch: batchId, documents: cleared });

    const undoBatch = insertBatch(book, { kind: 'undo', description: `undo import ${batchId}`, file_name: batch.file_name, file_sha256: batch.file_sha256, created_by: o.actor });
    setBatchUndo(book, undoBatch, batchId, reason);
    const poster = new Poster(book, o.actor, undoBatch);
    const reversed = live.map((d) => reverseInTransaction(book, poster, d.id, { actor: o.actor, reason, ...(o.today ? { today: o.today } : {}) }));

    // What the import replaced comes back: its reversed version is posted anew, with the content it had.
    const reinstated: UndoReport['reinstated'] = [];
    for (const r of posted.filter((d) => d.reverses_id !== null)) {
      const replaced = getDocument(book, r.reverses_id!)!;
      // Only where nothing of the key is in force now (another import may have posted it since).
      const latest = findDocumentByKey(book, replaced.kind, replaced.natural_key)!;
      if (latest.reversed_by === null) continue;
      const lines = documentLines(book, replaced.id);
      const outcome = poster.post({
        kind: replaced.kind as DocumentKind, naturalKey: replaced.natural_key, docNo: replaced.doc_no, docDate: replaced.doc_date,
        manufacturerId: replaced.manufacturer_id, distributorId: replaced.distributor_id, kaAccountId: replaced.ka_account_id,
        storeId: replaced.store_id, orderNo: replaced.order_no, reference: replaced.reference, method: replaced.method, dueDate: replaced.due_date,
        memo: replaced.memo, sourceFile: replaced.source_file, sourceRow: replaced.source_row, contentHash: replaced.content_hash,
        version: latest.version + 1,
        lines: lines.map((l) => ({ storeId: l.store_id, productId: l.product_id, orderNo: l.order_no, qty: l.qty_milli, price: l.price_e4,
          amount: l.amount_fen, feeType: l.fee_type, feeText: l.fee_text, reference: l.reference, memo: l.memo })),
      });
      if (outcome.status === 'created') reinstated.push({ key: replaced.natural_key, docNo: replaced.doc_no, id: outcome.id, version: getDocument(book, outcome.id)!.version });
    }
    new AuditWriter(book).append({
      actor: o.actor, action: 'undo-import', entity: 'batch', entityKey: String(batchId),
      before: { documents: live.map((d) => d.id) },
      after: { undoBatch, reason, reversals: reversed.map((r) => r.reversalId), reinstated: reinstated.map((r) => r.id) },
    });
    return { batch: batchId, undoBatch, reversed, reinstated };
  });
}
