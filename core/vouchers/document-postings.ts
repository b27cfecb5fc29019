import type { PendingEntryRow } from '../../db/queries/vouchers.js';
import { labelOf, type Language } from '../../locale/index.js';
import { documentSummary, feeText, partyText } from './voucher-summary.js';

/** One document of the month that no voucher carries yet, with its entries and how its 摘要 reads. */
export interface DocumentPosting {
  id: number;
  kind: string;
  docNo: string;
  date: string;
  /** a 红字 reversal: its lines stand on the original's sides with negative amounts */
  reversal: boolean;
  summary: string;
  entries: PendingEntryRow[];
}

/** The detail a 摘要 adds for some kinds: the fees of a deduction, how a remittance or a manufacturer's credit was paid. */
function detailOf(lang: Language, first: PendingEntryRow): string {
  if (first.kind === 'deduction') return feeText(lang, (first.fee_types ?? '').split(',').filter(Boolean));
  if (first.kind === 'remittance' && first.method === 'central') return labelOf(lang, 'remittanceMethods', 'central');
  if (first.kind === 'manufacturer_credit' && first.method) return labelOf(lang, 'creditMethods', first.method);
  return '';
}

/** The entries (in document order, as the query gives them) gathered per document. */
export function documentPostings(lang: Language, entries: readonly PendingEntryRow[]): DocumentPosting[] {
  const out: DocumentPosting[] = [];
  let current: DocumentPosting | undefined;
  for (const e of entries) {
    if (current?.id !== e.document_id) {
      // The document's own party: the first entry that names a KA, store or manufacturer speaks for it.
      const party = partyText({ kaName: e.ka_name, storeName: e.store_name, manufacturerName: e.manufacturer_name });
      current = {
        id: e.document_id, kind: e.kind, docNo: e.doc_no, date: e.doc_date, reversal: e.reverses_id !== null, entries: [],
        summary: documentSummary(lang, { kind: e.kind, docNo: e.doc_no, reversedDocNo: e.reverses_id === null ? null : (e.reversed_doc_no ?? ''), party, detail: detailOf(lang, e) }),
      };
      out.push(current);
    }
    current.entries.push(e);
  }
  return out;
}
