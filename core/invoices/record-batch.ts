import type { Book } from '../../db/connection.js';
import { insertBatch } from '../../db/queries/documents.js';
import type { Message } from '../../locale/index.js';
import type { ErrorPlace } from '../errors.js';
import { Poster } from '../ledger/post-documents.js';
import { autoLinkInvoices, type AutoLinkSummary } from './auto-link.js';
import type { InvoiceDraft } from './invoice-draft.js';
import { InvoiceRecorder } from './record-invoice.js';
import { unlinkAll } from './links.js';

export interface InvoiceBatchSummary {
  batchId: number;
  created: number;
  unchanged: number;
  updated: number;
  issued: number;
  received: number;
  notices: { message: Message; place: ErrorPlace }[];
  links: AutoLinkSummary | null;
}

/**
 * Records invoices as one batch in the caller's write transaction, then links what they cover (自动关联) over the
 * dates they span. A voided invoice's links are undone on the day it is known void.
 */
export function recordInvoiceBatch(
  book: Book, drafts: Iterable<InvoiceDraft>, actor: string, batch: { description: string; fileName?: string | null; fileSha256?: string | null; id?: number },
  options: { link?: boolean; onError?: (e: unknown) => void } = {},
): InvoiceBatchSummary {
  const batchId = batch.id ?? insertBatch(book, { kind: 'invoices', description: batch.description, file_name: batch.fileName ?? null, file_sha256: batch.fileSha256 ?? null, created_by: actor });
  const recorder = new InvoiceRecorder(book, new Poster(book, actor, batchId), actor);
  const summary: InvoiceBatchSummary = { batchId, created: 0, unchanged: 0, updated: 0, issued: 0, received: 0, notices: recorder.notices, links: null };
  const dates: string[] = [];
  for (const d of drafts) {
    let outcome: ReturnType<InvoiceRecorder['record']>;
    try {
      outcome = recorder.record(d);
    } catch (e) {
      // An import names every refused invoice (and writes nothing); elsewhere the first refusal ends the write.
      if (!options.onError) throw e;
      options.onError(e);
      continue;
    }
    if (outcome.status === 'created') {
      summary.created++;
      if (outcome.parties.direction === 'issued') summary.issued++;
      else summary.received++;
    } else summary[outcome.status]++;
    if (outcome.status !== 'created' && outcome.voidedOn) unlinkAll(book, outcome.id, outcome.voidedOn, 'void', actor);
    dates.push(d.date);
  }
  dates.sort();
  if ((options.link ?? true) && dates.length) summary.links = autoLinkInvoices(book, { from: dates[0]!, to: dates.at(-1)! }, actor);
  return summary;
}
