import type { Book } from '../../db/connection.js';
import { findDistributor, findKaAccount, findManufacturer, findProduct, findStore } from '../../db/queries/master-data.js';
import type { MessageCode } from '../../locale/index.js';
import { UserError, type ErrorPlace } from '../errors.js';

type UnknownCode = Extract<MessageCode, `master.unknown-${string}`>;

/** Code → id lookups that fail with a message naming the unknown code and where it came from. */
export class CodeResolver {
  private readonly memo = new Map<string, number>();

  constructor(private readonly book: Book, private readonly place: ErrorPlace = {}) {}

  private cached(key: string, find: () => number | undefined, what: UnknownCode, code: string, field: string): number {
    const hit = this.memo.get(key);
    if (hit !== undefined) return hit;
    const id = find();
    if (id === undefined) throw new UserError(what, { code }, { ...this.place, field });
    this.memo.set(key, id);
    return id;
  }

  manufacturer(code: string, field = 'manufacturer'): number {
    return this.cached(`m|${code}`, () => findManufacturer(this.book, code)?.id, 'master.unknown-manufacturer', code, field);
  }
  distributor(code: string, field = 'distributor'): number {
    return this.cached(`d|${code}`, () => findDistributor(this.book, code)?.id, 'master.unknown-distributor', code, field);
  }
  kaAccount(code: string, field = 'kaCode'): number {
    return this.cached(`k|${code}`, () => findKaAccount(this.book, code)?.id, 'master.unknown-ka', code, field);
  }
  store(kaAccountId: number, storeCode: string, field = 'store'): number {
    return this.cached(`s|${kaAccountId}|${storeCode}`, () => findStore(this.book, kaAccountId, storeCode)?.id, 'master.unknown-store', storeCode, field);
  }
  product(code: string, kaAccountId?: number, field = 'product'): number {
    return this.cached(`p|${kaAccountId ?? ''}|${code}`, () => findProduct(this.book, code, kaAccountId)?.id, 'master.unknown-product', code, field);
  }
}
