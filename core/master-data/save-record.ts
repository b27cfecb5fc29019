import type { Book } from '../../db/connection.js';
import { MasterDataWriter } from './save-master-data.js';
import type * as s from './schemas.js';
import type { MasterKind } from '../../vocabulary/index.js';

export type MasterEntity = MasterKind;

/**
 * One master-data record from a form, checked by the same schemas as an import (an error names the field, so the
 * window shows it next to that field) and written in one transaction with its audit row. As with an import, a
 * record already in the book with other details is a conflict and changes nothing.
 */
export function saveMasterRecord(book: Book, entity: MasterEntity, record: Record<string, unknown>, actor: string): { key: string; outcome: 'created' | 'unchanged' } {
  const writer = new MasterDataWriter(book, actor);
  const r = record as never;
  const key = entity === 'invoicing-entities' ? String(record.taxId ?? '').trim().toUpperCase()
    : String(record.code ?? record.sku ?? (entity === 'stores' ? `${String(record.kaCode)}/${String(record.storeCode)}` : `${String(record.kaCode)}/${String(record.sku)}`));
  const outcome = book.write(() => {
    switch (entity) {
      case 'manufacturers': return writer.manufacturer(r as s.ManufacturerInput);
      case 'distributors': return writer.distributor(r as s.DistributorInput);
      case 'ka-accounts': return writer.kaAccount(r as s.KaAccountInput);
      case 'stores': return writer.store(r as s.StoreInput);
      case 'products': return writer.product(r as s.ProductInput);
      case 'prices': return writer.price(r as s.PriceInput);
      case 'contracts': return writer.contract(r as s.ContractInput);
      case 'promotions': return writer.promotion(r as s.PromotionInput);
      case 'invoicing-entities': return writer.invoicingEntity(r as s.InvoicingEntityInput);
    }
  });
  return { key, outcome: outcome === 'unchanged' ? 'unchanged' : 'created' };
}
