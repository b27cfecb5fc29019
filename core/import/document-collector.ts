import { UserError } from '../errors.js';
import type { DocumentDraft, LineDraft, Poster, PostOutcome } from '../ledger/post-documents.js';
import type { DocumentRow } from './document-rows.js';
import type { FileImportReport } from './import-report.js';

interface Pending {
  header: DocumentRow['header'];
  lines: LineDraft[];
  lineRows: number[];
  firstRow: number;
  lastRow: number;
  /** the lines so far (their index in `lines`) by product, or by sameLineKey for a line without one */
  lineIndex: Map<number | string, number[]>;
}

/**
 * What makes two lines of a document the same line: every field, in a fixed order, numbers as they are and texts
 * behind their length (so no text can run into the next field). Cheaper than JSON of the whole line, which every row paid for.
 */
export function sameLineKey(l: LineDraft): string {
  return `${l.storeId ?? ''}|${l.productId ?? ''}|${l.qty ?? ''}|${l.price ?? ''}|${l.amount}|${quoted(l.orderNo)}|${quoted(l.feeType)}|${quoted(l.feeText)}|${quoted(l.reference)}|${quoted(l.memo)}`;
}

/** Whether two lines are the same line: what sameLineKey says, field by field (a field left out is null). */
export function sameLine(a: LineDraft, b: LineDraft): boolean {
  return a.amount === b.amount && (a.productId ?? null) === (b.productId ?? null) && (a.storeId ?? null) === (b.storeId ?? null)
    && (a.qty ?? null) === (b.qty ?? null) && (a.price ?? null) === (b.price ?? null) && (a.orderNo ?? null) === (b.orderNo ?? null)
    && (a.feeType ?? null) === (b.feeType ?? null) && (a.feeText ?? null) === (b.feeText ?? null)
    && (a.reference ?? null) === (b.reference ?? null) && (a.memo ?? null) === (b.memo ?? null);
}

/** A text written with its length first, so it cannot run into the next field; null stays apart from ''. */
function quoted(text: string | null | undefined): string {
  return text == null ? '' : `${text.length}:${text}`;
}

/** A document whose rows stop for this many rows is taken as complete and posted, so memory stays flat. */
const SETTLE_AFTER_ROWS = 5_000;

/**
 * Gathers rows into documents by natural key and posts each when it is complete. Rows of one document may be
 * spread a little (sorted by store, then document); a document whose rows come back after it was posted is
 * refused with both row numbers, as is a line repeated exactly.
 */
export class DocumentCollector {
  private readonly pending = new Map<string, Pending>();
  private readonly posted = new Map<string, number>();
  private rowsSinceSweep = 0;
  /** the document of the last row added */
  private last: Pending | undefined;

  constructor(
    private readonly poster: Poster,
    private readonly file: string,
    private readonly report: FileImportReport,
    private readonly fail: (e: unknown) => void,
    /** corrections (core/corrections): a document differing from the one in force is reported, or replaced */
    private readonly onConflict?: (draft: DocumentDraft, outcome: Extract<PostOutcome, { status: 'conflict' }>, row: number) => void,
  ) {}

  add(row: number, { header, line }: DocumentRow): void {
    const key = header.naturalKey;
    // Most rows belong to the document of the row before: it is still pending (a sweep keeps the documents of recent rows).
    let doc = this.last !== undefined && this.last.header.naturalKey === key ? this.last : undefined;
    if (!doc) {
      const done = this.posted.get(key);
      if (done !== undefined) {
        throw new UserError('import.scattered-document', { docNo: header.docNo, gap: row - done }, { file: this.file, row });
      }
      doc = this.pending.get(key);
    }
    if (!doc) {
      doc = { header, lines: [], lineRows: [], firstRow: row, lastRow: row, lineIndex: new Map() };
      this.pending.set(key, doc);
    } else if (doc.header.docDate !== header.docDate) {
      throw new UserError('import.inconsistent-date', { docNo: header.docNo, first: doc.header.docDate, firstRow: doc.firstRow, here: header.docDate }, { file: this.file, row });
    } else if (doc.header.storeId !== header.storeId) {
      doc.header = { ...doc.header, storeId: null };
    }
    // A line is compared only with the document's lines of its product (a product's key costs no text); a line
    // without one goes by its whole key.
    const lineKey = line.productId != null ? line.productId : sameLineKey(line);
    const alike = doc.lineIndex.get(lineKey);
    if (alike) {
      for (const i of alike) {
        if (sameLine(doc.lines[i]!, line)) throw new UserError('import.same-line-twice', { row: doc.lineRows[i]!, docNo: header.docNo }, { file: this.file, row });
      }
      alike.push(doc.lines.length);
    } else doc.lineIndex.set(lineKey, [doc.lines.length]);
    doc.lines.push(line);
    doc.lineRows.push(row);
    doc.lastRow = row;
    this.last = doc;
    if (++this.rowsSinceSweep >= SETTLE_AFTER_ROWS) this.sweep(row);
  }

  private sweep(row: number): void {
    this.rowsSinceSweep = 0;
    for (const [key, doc] of this.pending) if (row - doc.lastRow >= SETTLE_AFTER_ROWS) this.post(key, doc);
  }

  private post(key: string, doc: Pending): void {
    this.pending.delete(key);
    this.posted.set(key, doc.lastRow);
    // Once any row is refused the file will not be committed: the rest is only checked, not posted.
    if (this.report.errorCount > 0) return;
    try {
      const draft = { ...doc.header, lines: doc.lines, sourceRow: doc.firstRow };
      const outcome = this.poster.post(draft);
      if (outcome.status === 'created') {
        this.report.created++;
        this.report.lines += doc.lines.length;
        if (this.report.newDocuments.length < 1000) {
          this.report.newDocuments.push({ key, row: doc.firstRow, lines: doc.lines.length, total: doc.lines.reduce((s, l) => s + l.amount, 0) });
        }
      } else if (outcome.status === 'unchanged') this.report.unchanged++;
      else if (this.onConflict) {
        // A correction reads what the book holds: every line posted so far is stored first.
        this.poster.storeLines();
        this.onConflict(draft, outcome, doc.firstRow);
      }
      else this.report.conflicts.push({ key, row: doc.firstRow, reason: outcome.reason, docNo: doc.header.docNo, documentId: outcome.id, difference: null });
    } catch (e) {
      this.fail(e instanceof UserError && e.place.row === undefined ? e.withPlace({ ...e.place, file: this.file, row: doc.firstRow }) : e);
    }
  }

  /** Posts what is still pending and stores the last lines: after this, the book holds every document of the file. */
  finish(): void {
    for (const [key, doc] of this.pending) this.post(key, doc);
    this.poster.storeLines();
  }
}
