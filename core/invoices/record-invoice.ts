import type { Book } from '../../db/connection.js';
import { findDocumentByKey, getDocument } from '../../db/queries/documents.js';
import {
  getInvoice, insertInvoice, insertInvoiceItem, insertStatusChange, invoiceByNumber, itemCount, latestInvoiceStatus, productsNamed,
  redsAwaitingOriginal, setInvoiceOriginal, type InvoiceRow,
} from '../../db/queries/invoices.js';
import type { Message } from '../../locale/index.js';
import { AuditWriter } from '../audit/audit-chain.js';
import { today } from '../calendar/dates.js';
import { UserError, type ErrorPlace } from '../errors.js';
import { formatFen } from '../money/format.js';
import type { InvoiceConflictField } from '../../vocabulary/invoices.js';
import type { Poster } from '../ledger/post-documents.js';
import { bookingDate, latestOf } from './booking-date.js';
import { checkInvoice } from './check-invoice.js';
import type { InvoiceDraft, InvoiceItemDraft } from './invoice-draft.js';
import { invoiceKey } from './invoice-numbers.js';
import { invoiceParties, type InvoiceParties } from './invoice-parties.js';

export type RecordOutcome =
  | { status: 'created'; id: number; parties: InvoiceParties }
  | { status: 'unchanged' | 'updated'; id: number; itemsAdded: number; voidedOn: string | null };

/** 数电票 names carry the tax category in asterisks: *糕点*好丽友派 is the product 好丽友派. */
export function itemProductName(name: string): string {
  return name.replace(/^\*[^*]*\*/, '').trim();
}

/**
 * Records invoices inside the caller's write transaction. An invoice is a document (kind invoice_issued or
 * invoice_received) keyed by its number, with one line of its 价税合计, its own figures, its item lines and its
 * status. The same invoice read again is unchanged; read again with the item lines a list export lacked, it gains
 * them; read again as 作废, it is recorded void from that day — never deleted. Read again with other figures it
 * is refused: an invoice, once issued, is corrected by voiding it or by a red-letter invoice, never rewritten.
 */
export class InvoiceRecorder {
  private readonly audit: AuditWriter;
  readonly notices: { message: Message; place: ErrorPlace }[] = [];

  constructor(private readonly book: Book, private readonly poster: Poster, private readonly actor: string) {
    this.audit = new AuditWriter(book);
  }

  private place(d: InvoiceDraft): ErrorPlace {
    return { ...(d.sourceFile ? { file: d.sourceFile } : {}), ...(d.sourceRow ? { row: d.sourceRow } : {}) };
  }

  record(d: InvoiceDraft): RecordOutcome {
    checkInvoice(d);
    const parties = invoiceParties(this.book, d);
    const key = invoiceKey(d.code, d.number);
    const kind = parties.direction === 'issued' ? 'invoice_issued' : 'invoice_received';
    const existing = findDocumentByKey(this.book, kind, key);
    if (existing) return this.again(existing.id, key, d);

    const booked = bookingDate(this.book, d.date);
    if (booked !== d.date) {
      this.notices.push({ message: { code: 'invoices.booked-later', params: { number: key, date: d.date, period: d.date.slice(0, 7), booked } }, place: this.place(d) });
    }
    const outcome = this.poster.post({
      kind, naturalKey: key, docNo: key, docDate: booked, manufacturerId: parties.manufacturerId, distributorId: parties.distributorId,
      kaAccountId: parties.kaAccountId, reference: null, memo: d.remark ?? null, sourceFile: d.sourceFile ?? null, sourceRow: d.sourceRow ?? null,
      lines: [{ amount: d.gross, memo: d.colour === 'red' ? 'red' : 'blue' }],
    });
    const id = outcome.id;
    const original = d.originalNumber ? invoiceByNumber(this.book, d.originalNumber) : undefined;
    const row: InvoiceRow = {
      document_id: id, direction: parties.direction, invoice_type: d.invoiceType, colour: d.colour, invoice_code: d.code ?? null,
      invoice_number: d.number, invoice_date: d.date, seller_tax_id: d.seller.taxId, seller_name: d.seller.name, buyer_tax_id: d.buyer.taxId,
      buyer_name: d.buyer.name, net_fen: d.net, tax_fen: d.tax, gross_fen: d.gross, original_number: d.originalNumber ?? null,
      original_document_id: original?.document_id ?? null, red_confirmation_no: d.redConfirmationNo ?? null, remark: d.remark ?? null,
      drawer: d.drawer ?? null, source: d.source,
    };
    insertInvoice(this.book, row);
    this.addItems(id, d.items);
    // A red invoice that arrived before its blue one is joined to it now.
    if (d.colour === 'blue') for (const red of redsAwaitingOriginal(this.book, key)) setInvoiceOriginal(this.book, red, id);
    this.audit.append({ actor: this.actor, action: 'record', entity: 'invoice', entityKey: `${kind}:${key}`, after: { ...row, items: d.items.length } });
    if (parties.kaAccountId === null && !parties.fromManufacturer) {
      const other = parties.direction === 'issued' ? d.buyer : d.seller;
      this.notices.push({ message: { code: 'invoices.unknown-buyer', params: { number: key, taxId: other.taxId, name: other.name } }, place: this.place(d) });
    }
    if (d.status === 'void') this.setStatus(id, key, 'void', booked, 'import');
    return { status: 'created', id, parties };
  }

  private again(id: number, key: string, d: InvoiceDraft): RecordOutcome {
    const was = getInvoice(this.book, id)!;
    const compared: [InvoiceConflictField, string | number, string | number][] = [
      ['date', was.invoice_date, d.date], ['seller_tax_id', was.seller_tax_id, d.seller.taxId], ['buyer_tax_id', was.buyer_tax_id, d.buyer.taxId],
      ['net', was.net_fen, d.net], ['tax', was.tax_fen, d.tax], ['gross', was.gross_fen, d.gross], ['colour', was.colour, d.colour],
    ];
    const differs = compared.find(([, a, b]) => a !== b);
    if (differs) {
      const [field, a, b] = differs;
      const show = (v: string | number) => (typeof v === 'number' ? formatFen(v) : v);
      throw new UserError('invoices.conflict', { number: key, field, was: show(a), now: show(b) }, this.place(d));
    }
    let itemsAdded = 0;
    if (d.items.length > 0 && itemCount(this.book, id) === 0) {
      this.addItems(id, d.items);
      itemsAdded = d.items.length;
      this.audit.append({ actor: this.actor, action: 'add-items', entity: 'invoice', entityKey: key, after: { items: itemsAdded } });
      this.notices.push({ message: { code: 'invoices.items-added', params: { number: key, items: itemsAdded } }, place: this.place(d) });
    }
    let voidedOn: string | null = null;
    if (d.status === 'void' && latestInvoiceStatus(this.book, id).status !== 'void') {
      // The book learns of the void today (never before the invoice was booked).
      const doc = getDocument(this.book, id)!;
      voidedOn = bookingDate(this.book, latestOf(doc.doc_date, today()));
      this.setStatus(id, key, 'void', voidedOn, 'import');
    }
    return { status: itemsAdded > 0 || voidedOn ? 'updated' : 'unchanged', id, itemsAdded, voidedOn };
  }

  private addItems(id: number, items: InvoiceItemDraft[]): void {
    items.forEach((item, i) => {
      const named = item.isDiscount ? [] : productsNamed(this.book, itemProductName(item.name));
      insertInvoiceItem(this.book, {
        document_id: id, line_no: i + 1, item_name: item.name, tax_code: item.taxCode ?? null, spec: item.spec ?? null, unit: item.unit ?? null,
        qty_milli: item.qty ?? null, unit_price: item.unitPrice ?? null, net_fen: item.net, tax_rate_ppm: item.taxRate, tax_fen: item.tax,
        is_discount: item.isDiscount ? 1 : 0, product_id: named.length === 1 ? named[0]!.id : null,
      });
    });
  }

  /** 作废 (or valid again), dated; the links a void invoice had are undone by the caller (links.ts). */
  setStatus(id: number, key: string, status: 'valid' | 'void', date: string, reason: string): void {
    insertStatusChange(this.book, { document_id: id, status, effective_date: date, reason, changed_by: this.actor });
    this.audit.append({ actor: this.actor, action: status === 'void' ? 'void' : 'revalidate', entity: 'invoice', entityKey: key, after: { status, date, reason } });
    if (status === 'void') this.notices.push({ message: { code: 'invoices.voided', params: { number: key, date } }, place: {} });
  }
}
