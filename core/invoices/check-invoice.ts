import { UserError, type ErrorPlace } from '../errors.js';
import { applyRate } from '../money/rounding.js';
import type { InvoiceDraft } from './invoice-draft.js';
import { invoiceKey } from './invoice-numbers.js';

/** A line's tax may differ from 金额 × 税率 by rounding at the line, never by more than a fen. */
const LINE_TAX_TOLERANCE_FEN = 1;

/**
 * What every invoice must say of itself before the book takes it: 金额 + 税额 = 价税合计, blue positive and red
 * negative, a red one naming its blue one, and item lines (when it has them) that add up to it, each line's tax
 * its amount at its rate.
 */
export function checkInvoice(d: InvoiceDraft): void {
  const place: ErrorPlace = { ...(d.sourceFile ? { file: d.sourceFile } : {}), ...(d.sourceRow ? { row: d.sourceRow } : {}) };
  const number = invoiceKey(d.code, d.number);
  if (d.net + d.tax !== d.gross) throw new UserError('invoices.totals-differ', { net: d.net, tax: d.tax, gross: d.gross }, { ...place, field: '价税合计' });
  if ((d.colour === 'blue' && d.gross < 0) || (d.colour === 'red' && d.gross > 0)) {
    throw new UserError('invoices.sign-colour', { colour: d.colour, gross: d.gross }, { ...place, field: '价税合计' });
  }
  if (d.colour === 'red' && !d.originalNumber) throw new UserError('invoices.red-without-original', { number }, { ...place, field: '备注' });
  if (d.items.length === 0) return;
  let itemsNet = 0;
  let itemsTax = 0;
  d.items.forEach((item, i) => {
    itemsNet += item.net;
    itemsTax += item.tax;
    const expected = applyRate(item.net, item.taxRate);
    if (Math.abs(expected - item.tax) > LINE_TAX_TOLERANCE_FEN) {
      throw new UserError('invoices.item-tax-off', { line: i + 1, net: item.net, rate: item.taxRate, expected, tax: item.tax },
        { ...place, ...(item.row ? { row: item.row } : {}), field: '税额' });
    }
  });
  if (itemsNet !== d.net || itemsTax !== d.tax) {
    throw new UserError('invoices.items-differ', { itemsNet, itemsTax, net: d.net, tax: d.tax }, { ...place, field: '金额' });
  }
}
