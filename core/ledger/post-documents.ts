import type { Book } from '../../db/connection.js';
import {
  findDocumentByKey, insertBatch, insertDocument, insertEntry, insertOpenItem, LineWriter,
} from '../../db/queries/documents.js';
import { ensurePeriod, getPeriod, laterClosedPeriod } from '../../db/queries/periods.js';
import { AuditWriter } from '../audit/audit-chain.js';
import { assertIsoDate, periodOf } from '../calendar/dates.js';
import { dueOnPosting, markAwaitingInvoice, termsOf, type Terms } from '../invoices/due-dates.js';
import { sha256Hex, sortKeys } from '../canonical-json.js';
import { UserError, type ErrorPlace } from '../errors.js';
import { assertInteger, type Fen, type PriceE4, type QtyMilli } from '../money/units.js';
import { withBookErrors } from './book-errors.js';
import type { DocumentKind } from './document-kinds.js';
import { postingLegs, type Leg } from './posting-rules.js';

export interface LineDraft {
  storeId?: number | null;
  productId?: number | null;
  orderNo?: string | null;
  qty?: QtyMilli | null;
  price?: PriceE4 | null;
  amount: Fen;
  feeType?: string | null;
  /** the counterparty's own wording, e.g. the fee name on the KA statement */
  feeText?: string | null;
  reference?: string | null;
  memo?: string | null;
}

export interface DocumentDraft {
  kind: DocumentKind;
  naturalKey: string;
  docNo: string;
  docDate: string;
  manufacturerId?: number | null;
  distributorId?: number | null;
  kaAccountId?: number | null;
  storeId?: number | null;
  orderNo?: string | null;
  reference?: string | null;
  method?: string | null;
  dueDate?: string | null;
  status?: string;
  memo?: string | null;
  reversesId?: number | null;
  sourceFile?: string | null;
  sourceRow?: number | null;
  lines: LineDraft[];
  /** explicit legs, for adjustments and accruals only */
  legs?: Leg[];
  /**
   * Which version of the document under its natural key this is: 1 (the default) when first posted, n + 1 to post
   * it anew once version n was reversed (a replacement, or re-instating a reversed document).
   */
  version?: number;
  /** a document posted anew with the very content of an earlier version keeps that version's hash */
  contentHash?: string;
}

export type PostOutcome =
  | { status: 'created'; id: number }
  | { status: 'unchanged'; id: number }
  /** `changed`: the version in force says something else; `reversed`: the key's last version was reversed and nothing is in force */
  | { status: 'conflict'; id: number; naturalKey: string; reason: 'changed' | 'reversed' };

export interface BatchInfo {
  kind: string;
  description: string;
  fileName?: string;
  fileSha256?: string;
}

/**
 * What makes two versions of a document the same: everything it says, not where or when it was read — the
 * canonical JSON (keys sorted) of those fields. The text is written out directly, keys in sorted order and no
 * object built per line (a document of the import is hashed once, and its lines are most of it);
 * test/core/ledger/content-hash.test.ts holds it to canonicalJson, so hashes stored by earlier builds still match.
 */
export function contentHash(d: DocumentDraft): string {
  let lines = '';
  for (const l of d.lines) {
    lines += `${lines ? ',' : ''}{"amount":${num(l.amount)},"feeText":${str(l.feeText)},"feeType":${str(l.feeType)},"orderNo":${str(l.orderNo)},"price":${num(l.price)},"productId":${num(l.productId)},"qty":${num(l.qty)},"reference":${str(l.reference)},"storeId":${num(l.storeId)}}`;
  }
  return sha256Hex(`{"distributorId":${num(d.distributorId)},"docDate":${str(d.docDate)},"docNo":${str(d.docNo)},"dueDate":${str(d.dueDate)},"kaAccountId":${num(d.kaAccountId)},"kind":${str(d.kind)},"legs":${d.legs ? JSON.stringify(sortKeys(d.legs)) : 'null'},"lines":[${lines}],"manufacturerId":${num(d.manufacturerId)},"method":${str(d.method)},"orderNo":${str(d.orderNo)},"reference":${str(d.reference)},"storeId":${num(d.storeId)}}`);
}

/** A number as JSON writes it (integers here; a value JSON cannot write is null, as JSON.stringify has it). */
function num(v: number | null | undefined): string {
  return v == null || !Number.isFinite(v) ? 'null' : String(v);
}

function str(v: string | null | undefined): string {
  return v == null ? 'null' : JSON.stringify(v);
}


/**
 * Posts documents inside the caller's write transaction: the document, its lines, its balanced entries, its
 * open items and its audit row, or nothing. A document whose natural key is already in the book is not
 * written again: it is `unchanged` when its content is the same and a `conflict` when it differs.
 */
export class Poster {
  private readonly audit: AuditWriter;
  private readonly periodStatus = new Map<string, string>();
  private readonly laterClosed = new Map<string, string | null>();
  private readonly termsCache = new Map<string, Terms>();

  /** lines posted and, with `linesInBatches`, not all stored yet */
  private readonly lines: LineWriter;

  constructor(
    private readonly book: Book,
    private readonly actor: string,
    private readonly batchId: number | null = null,
    /**
     * `linesInBatches`: the lines of many documents are stored together, 256 to an INSERT, and the caller stores the
     * last of them with storeLines() before anything reads lines or the transaction commits (the import does).
     */
    private readonly options: { linesInBatches?: boolean } = {},
  ) {
    this.audit = new AuditWriter(book);
    this.lines = new LineWriter(book);
  }

  /** Stores the lines posted and not yet stored (with `linesInBatches`). */
  storeLines(): void {
    this.lines.flush();
  }

  private place(d: DocumentDraft): ErrorPlace {
    return d.sourceFile ? { file: d.sourceFile, ...(d.sourceRow ? { row: d.sourceRow } : {}) } : {};
  }

  private assertOpen(period: string, d: DocumentDraft): void {
    let status = this.periodStatus.get(period);
    if (status === undefined) {
      ensurePeriod(this.book, period);
      status = getPeriod(this.book, period)!.status;
      this.periodStatus.set(period, status);
    }
    if (status === 'closed') {
      throw new UserError('ledger.period-closed-posting', { period, kind: d.kind, docNo: d.docNo, date: d.docDate }, this.place(d));
    }
    // Months close in order: a month before a closed one is as shut as the closed one (its balances open it).
    let later = this.laterClosed.get(period);
    if (later === undefined) {
      later = laterClosedPeriod(this.book, period) ?? null;
      this.laterClosed.set(period, later);
    }
    if (later) throw new UserError('security.period-before-closed-document', { later, kind: d.kind, docNo: d.docNo, date: d.docDate }, this.place(d));
  }

  /** Payment terms (账期): the contract's if one is in force (starting where it says), else the KA account's. */
  private receiptTerms(d: DocumentDraft): Terms | null {
    if (d.kind !== 'receipt' || !d.kaAccountId) return null;
    const key = `${d.kaAccountId}|${d.manufacturerId ?? ''}|${d.distributorId ?? ''}|${d.docDate.slice(0, 7)}`;
    let terms = this.termsCache.get(key);
    if (terms === undefined) {
      terms = termsOf(this.book, { manufacturer_id: d.manufacturerId ?? null, ka_account_id: d.kaAccountId, doc_date: d.docDate });
      this.termsCache.set(key, terms);
    }
    return terms;
  }

  private validate(d: DocumentDraft): Fen {
    const place = this.place(d);
    assertIsoDate(d.docDate, { ...place, field: 'date' });
    if (d.dueDate) assertIsoDate(d.dueDate, { ...place, field: 'dueDate' });
    if (!d.docNo.trim()) throw new UserError('ledger.missing-doc-no', {}, { ...place, field: 'docNo' });
    if (d.lines.length === 0) throw new UserError('ledger.no-lines', { kind: d.kind, docNo: d.docNo }, place);
    let total = 0;
    for (const line of d.lines) {
      assertInteger(line.amount, 'line amount');
      if (line.qty != null) assertInteger(line.qty, 'quantity');
      if (line.price != null) assertInteger(line.price, 'price');
      total += line.amount;
    }
    assertInteger(total, 'document total');
    return total;
  }

  post(d: DocumentDraft): PostOutcome {
    const total = this.validate(d);
    const hash = d.contentHash ?? contentHash(d);
    // A reversal's uniqueness is the book's own: one per document, one per key and version (migration 0010).
    const existing = d.reversesId ? undefined : findDocumentByKey(this.book, d.kind, d.naturalKey);
    const version = d.version ?? 1;
    if (existing && !(existing.reversed_by !== null && version === existing.version + 1)) {
      if (existing.reversed_by !== null) return { status: 'conflict', id: existing.id, naturalKey: d.naturalKey, reason: 'reversed' };
      return existing.content_hash === hash
        ? { status: 'unchanged', id: existing.id }
        : { status: 'conflict', id: existing.id, naturalKey: d.naturalKey, reason: 'changed' };
    }
    const period = periodOf(d.docDate);
    this.assertOpen(period, d);

    const legs = postingLegs({ kind: d.kind, total, method: d.method ?? null, legs: d.legs });
    const legSum = legs.reduce((s, l) => s + l.amount, 0);
    if (legSum !== 0) {
      throw new UserError('ledger.unbalanced', { kind: d.kind, docNo: d.docNo, sum: legSum }, this.place(d));
    }
    const terms = d.dueDate ? null : this.receiptTerms(d);
    const onPosting = terms ? dueOnPosting(terms, d.docDate) : null;
    const dueDate = d.dueDate ?? onPosting?.due ?? null;
    const parties = {
      manufacturer_id: d.manufacturerId ?? null,
      distributor_id: d.distributorId ?? null,
      ka_account_id: d.kaAccountId ?? null,
      store_id: d.storeId ?? null,
    };
    const id = withBookErrors(() => insertDocument(this.book, {
      kind: d.kind, natural_key: d.naturalKey, version, doc_no: d.docNo, doc_date: d.docDate, period, ...parties,
      order_no: d.orderNo ?? null, reference: d.reference ?? null, method: d.method ?? null, due_date: dueDate,
      total_fen: total, status: d.status ?? 'posted', content_hash: hash, reverses_id: d.reversesId ?? null,
      batch_id: this.batchId, source_file: d.sourceFile ?? null, source_row: d.sourceRow ?? null, memo: d.memo ?? null,
      created_by: this.actor, created_at: new Date().toISOString(),
    }), { period });
    d.lines.forEach((l, i) => this.lines.add(id, i + 1, l.storeId ?? null, l.productId ?? null, l.orderNo ?? null, l.qty ?? null,
      l.price ?? null, l.amount, l.feeType ?? null, l.feeText ?? null, l.reference ?? null, l.memo ?? null));
    if (!this.options.linesInBatches) this.lines.flush();
    legs.forEach((leg, i) => {
      insertEntry(this.book, { document_id: id, line_no: i + 1, period, entry_date: d.docDate, account: leg.account, ...parties, amount_fen: leg.amount });
      if (leg.openItem) {
        const item = insertOpenItem(this.book, { document_id: id, account: leg.account, ...parties, doc_date: d.docDate, due_date: dueDate, amount_fen: leg.amount });
        // Terms that start at the invoice have not started yet: the receivable is not due until it is invoiced.
        if (onPosting?.awaitingInvoice && leg.account === 'ar_ka') markAwaitingInvoice(this.book, item, d.docDate, terms!, this.actor);
      }
    });
    this.audit.append({
      actor: this.actor, action: 'post', entity: 'document', entityKey: `${d.kind}:${d.naturalKey}`,
      after: { id, kind: d.kind, docNo: d.docNo, docDate: d.docDate, total, lines: d.lines.length, contentHash: hash, batchId: this.batchId,
        ...(version > 1 ? { version } : {}), ...(d.reversesId ? { reverses: d.reversesId } : {}) },
    });
    return { status: 'created', id };
  }
}

export interface PostSummary {
  batchId: number;
  created: number;
  unchanged: number;
  conflicts: { naturalKey: string; id: number }[];
}

/** Posts a whole batch in one transaction: every document of it is in the book afterwards, or none is. */
export function postDocuments(book: Book, drafts: Iterable<DocumentDraft>, actor: string, batch: BatchInfo): PostSummary {
  return book.write(() => {
    const batchId = insertBatch(book, {
      kind: batch.kind, description: batch.description, file_name: batch.fileName ?? null,
      file_sha256: batch.fileSha256 ?? null, created_by: actor,
    });
    const poster = new Poster(book, actor, batchId);
    const summary: PostSummary = { batchId, created: 0, unchanged: 0, conflicts: [] };
    for (const draft of drafts) {
      const outcome = poster.post(draft);
      if (outcome.status === 'created') summary.created++;
      else if (outcome.status === 'unchanged') summary.unchanged++;
      else summary.conflicts.push({ naturalKey: outcome.naturalKey, id: outcome.id });
    }
    return summary;
  });
}
