import type { Book } from '../../db/connection.js';
import { listImportBatches } from '../../db/queries/corrections.js';
import type { Page } from '../views/book-views.js';

/** Import batches, newest first, with how many documents each posted and whether (and by which batch) it was undone. */
export function importBatchesView(book: Book, page: Page) {
  return listImportBatches(book, page.limit, page.offset).map((b) => ({
    batch: b.id, kind: b.kind, file: b.file_name, documents: b.documents, by: b.created_by, at: b.created_at,
    undoes: b.undoes_batch_id, undone_by: b.undone_by, reason: b.reason,
  }));
}
