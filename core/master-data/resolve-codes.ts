import type { Book } from '../../db/connection.js';
import { findDistributor, findKaAccount, findManufacturer, findProduct, findStore } from '../../db/queries/master-data.js';
import { UserError, type ErrorPlace } from '../errors.js';

/** Code → id lookups that fail with a message naming the unknown code and where it came from. */
export class CodeResolver {
  private readonly memo = new Map<string, number>();

  constructor(private readonly book: Book, private readonly place: ErrorPlace = {}) {}

  private cached(key: string, find: () => number | undefined, what: string, code: string, field: string): number {
    const hit = this.memo.get(key);
    if (hit !== undefined) return hit;
    const id = find();
    if (id === undefined) throw new UserError('unknown-code', `unknown ${what} "${code}"`, { ...this.place, field });
    this.memo.set(key, id);
    return id;
  }

  manufacturer(code: string, field = 'manufacturer'): number {
    return this.cached(`m|${code}`, () => findManufacturer(this.book, code)?.id, 'manufacturer', code, field);
  }
  distributor(code: string, field = 'distributor'): number {
    return this.cached(`d|${code}`, () => findDistributor(this.book, code)?.id, 'distributor', code, field);
  }
  kaAccount(code: string, field = 'KA account'): number {
    return this.cached(`k|${code}`, () => findKaAccount(this.book, code)?.id, 'KA account', code, field);
  }
  store(kaAccountId: number, storeCode: string, field = 'store'): number {
    return this.cached(`s|${kaAccountId}|${storeCode}`, () => findStore(this.book, kaAccountId, storeCode)?.id, 'store code', storeCode, field);
  }
  product(code: string, kaAccountId?: number, field = 'product'): number {
    return this.cached(`p|${kaAccountId ?? ''}|${code}`, () => findProduct(this.book, code, kaAccountId)?.id, 'product (SKU, barcode or KA item code)', code, field);
  }
}
