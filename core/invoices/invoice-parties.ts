import type { Book } from '../../db/connection.js';
import { distributorByTaxId, entityByTaxId, manufacturerByTaxId } from '../../db/queries/invoicing-entities.js';
import { UserError } from '../errors.js';
import type { InvoiceDirection } from '../../vocabulary/index.js';
import type { InvoiceDraft } from './invoice-draft.js';
import { invoiceKey } from './invoice-numbers.js';

export interface InvoiceParties {
  direction: InvoiceDirection;
  distributorId: number;
  manufacturerId: number;
  /** the KA the invoice is made out to (issued) or that issued it (received); null when it is not a KA's entity */
  kaAccountId: number | null;
  /** a received invoice from the manufacturer */
  fromManufacturer: boolean;
}

/**
 * Whose invoice it is, read from the tax ids: a seller that is one of the book's distributors makes it issued (销项),
 * a buyer that is one makes it received (进项). The other side is a KA's invoicing entity, the manufacturer, or
 * someone else (recorded, belonging to no KA until its entity is added).
 */
export function invoiceParties(book: Book, d: InvoiceDraft): InvoiceParties {
  const place = { ...(d.sourceFile ? { file: d.sourceFile } : {}), ...(d.sourceRow ? { row: d.sourceRow } : {}) };
  const number = invoiceKey(d.code, d.number);
  const seller = distributorByTaxId(book, d.seller.taxId);
  const buyer = distributorByTaxId(book, d.buyer.taxId);
  if (seller && buyer) throw new UserError('invoices.both-ours', { number, seller: d.seller.taxId, buyer: d.buyer.taxId }, place);
  if (seller) {
    return { direction: 'issued', distributorId: seller.id, manufacturerId: seller.manufacturer_id, kaAccountId: entityByTaxId(book, d.buyer.taxId)?.ka_account_id ?? null, fromManufacturer: false };
  }
  if (buyer) {
    const manufacturer = manufacturerByTaxId(book, d.seller.taxId);
    return {
      direction: 'received', distributorId: buyer.id, manufacturerId: manufacturer?.id ?? buyer.manufacturer_id,
      kaAccountId: entityByTaxId(book, d.seller.taxId)?.ka_account_id ?? null, fromManufacturer: manufacturer !== undefined,
    };
  }
  throw new UserError('invoices.not-ours', { number, seller: d.seller.taxId, sellerName: d.seller.name, buyer: d.buyer.taxId, buyerName: d.buyer.name }, place);
}
