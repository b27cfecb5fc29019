import { UserError, type ErrorPlace } from '../errors.js';
import type { FieldReader } from '../import/field-reader.js';
import { itemProductName } from './record-invoice.js';
import type { InvoiceDraft, InvoiceItemDraft } from './invoice-draft.js';
import { checkInvoiceNumber, invoiceKey, originalFromRemark } from './invoice-numbers.js';
import { invoiceStatusOf, invoiceTypeOf, taxRateOf, yesNo } from './invoice-words.js';

interface Pending { draft: InvoiceDraft; firstRow: number; header: string; lineKeys: Map<string, number> }

/**
 * 全量发票查询 rows into invoices. The portal exports one row an invoice (发票基础信息) or one row an item line (信息汇总表,
 * with 货物或应税劳务名称, 税率 …): rows of one invoice are gathered by its number, and an item-line export's totals are
 * its lines' sums. Rows of one invoice that disagree on what the invoice says, or repeat a line, are refused.
 */
export class InvoiceListReader {
  private readonly invoices = new Map<string, Pending>();

  constructor(private readonly file: string) {}

  add(r: FieldReader, row: number): void {
    const place: ErrorPlace = { file: this.file, row };
    const digital = r.optText('digitalNumber');
    const numberText = digital ?? r.optText('invoiceNumber');
    if (!numberText) throw new UserError('invoices.no-number', {}, place);
    const { code, number } = checkInvoiceNumber(digital ? null : r.optText('invoiceCode'), numberText, { ...place, field: r.place(digital ? 'digitalNumber' : 'invoiceNumber').field! });
    const key = invoiceKey(code, number);
    const remark = r.optText('memo') ?? null;
    const items = r.has('itemName');
    const gross = r.amount('gross');
    const tax = r.has('tax') ? r.amount('tax') : 0;
    const net = r.has('net') ? r.amount('net') : gross - tax;
    const red = yesNo(r.optText('isRed'), r.place('isRed')) ?? (yesNo(r.optText('isPositive'), r.place('isPositive')) === false ? true : gross < 0);
    const fromRemark = originalFromRemark(remark);
    const draft: InvoiceDraft = {
      source: 'etax_list', invoiceType: invoiceTypeOf(r.optText('invoiceKind'), r.place('invoiceKind')), code, number, date: r.date('invoiceDate'),
      seller: { taxId: r.text('sellerTaxId').toUpperCase(), name: r.text('sellerName') }, buyer: { taxId: r.text('buyerTaxId').toUpperCase(), name: r.text('buyerName') },
      net: items ? 0 : net, tax: items ? 0 : tax, gross: items ? 0 : gross, colour: red ? 'red' : 'blue',
      originalNumber: r.optText('originalNumber') ?? fromRemark.number, redConfirmationNo: fromRemark.confirmation,
      status: invoiceStatusOf(r.optText('status'), r.place('status')), remark, drawer: r.optText('drawer') ?? null, items: [], sourceFile: this.file, sourceRow: row,
    };
    // What the invoice says of itself, the same on each of its rows.
    const header = JSON.stringify([draft.invoiceType, draft.date, draft.seller.taxId, draft.buyer.taxId, draft.colour, draft.status, draft.originalNumber]);
    let pending = this.invoices.get(key);
    if (!pending) {
      pending = { draft, firstRow: row, header, lineKeys: new Map() };
      this.invoices.set(key, pending);
    } else if (!items) {
      throw new UserError('import.duplicate-key', { key, first: pending.firstRow, row }, place);
    } else if (pending.header !== header) {
      throw new UserError('invoices.inconsistent-rows', { number: key, first: pending.firstRow, field: '开票日期/销方/购方/状态' }, place);
    }
    if (!items) return;
    const name = r.text('itemName');
    const item: InvoiceItemDraft = {
      name, taxCode: r.optText('taxCode') ?? null, spec: r.optText('spec') ?? null, unit: r.optText('unit') ?? null,
      qty: r.has('qty') ? r.qty('qty') : null, unitPrice: r.optText('unitPrice') ?? null, net, tax,
      taxRate: r.has('taxRate') ? taxRateOf(r.text('taxRate'), r.place('taxRate')) : 0,
      isDiscount: !red && net < 0, row,
    };
    const lineKey = JSON.stringify([itemProductName(name), item.spec, item.qty, item.net, item.tax]);
    const first = pending.lineKeys.get(lineKey);
    if (first !== undefined) throw new UserError('invoices.duplicate-line', { first, number: key }, place);
    pending.lineKeys.set(lineKey, row);
    pending.draft.items.push(item);
    pending.draft.net += net;
    pending.draft.tax += tax;
    pending.draft.gross += net + tax;
  }

  drafts(): InvoiceDraft[] {
    return [...this.invoices.values()].map((p) => p.draft);
  }
}
