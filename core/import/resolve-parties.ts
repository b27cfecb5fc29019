import type { Book } from '../../db/connection.js';
import { aliasProduct, distributorWithManufacturer, storeOfKa, storesByCode, type StoreMatch } from '../../db/queries/import-lookups.js';
import { findKaAccount, findManufacturer, findProduct, getProduct, insertProductAlias, type ProductRow } from '../../db/queries/master-data.js';
import { AuditWriter } from '../audit/audit-chain.js';
import { UserError, type ErrorPlace } from '../errors.js';

/**
 * Finds the parties and products a file's rows name, by the codes people use: a store by the KA's own store
 * code, a product by SKU, 69- barcode or the KA's own item code. A KA's item code seen beside a SKU or barcode is
 * remembered for that KA, so later files that carry only the item code still match. Lookups are cached per file.
 */
export class PartyResolver {
  private readonly kaCache = new Map<string, { id: number; code: string }>();
  private readonly storeCache = new Map<string, StoreMatch>();
  private readonly productCache = new Map<string, ProductRow>();
  private readonly distributorCache = new Map<string, { id: number; manufacturerId: number; manufacturerCode: string }>();
  readonly learnedAliases: { ka: string; itemCode: string; sku: string }[] = [];

  constructor(private readonly book: Book, private readonly actor: string) {}

  ka(code: string, place: ErrorPlace): { id: number; code: string } {
    let hit = this.kaCache.get(code);
    if (!hit) {
      const row = findKaAccount(this.book, code);
      if (!row) throw new UserError('master.unknown-ka', { code }, place);
      hit = { id: row.id, code: row.code };
      this.kaCache.set(code, hit);
    }
    return hit;
  }

  store(ka: { id: number; code: string } | null, storeCode: string, place: ErrorPlace): StoreMatch {
    const key = `${ka?.id ?? ''}|${storeCode}`;
    let hit = this.storeCache.get(key);
    if (!hit) {
      if (ka) {
        hit = storeOfKa(this.book, ka.id, storeCode);
        if (!hit) throw new UserError('import.unknown-store-of-ka', { code: storeCode, ka: ka.code }, place);
      } else {
        const all = storesByCode(this.book, storeCode);
        if (all.length === 0) throw new UserError('master.unknown-store', { code: storeCode }, place);
        if (all.length > 1) {
          throw new UserError('import.ambiguous-store', { code: storeCode, kas: all.map((s) => s.ka_code) }, place);
        }
        hit = all[0]!;
      }
      this.storeCache.set(key, hit);
    }
    return hit;
  }

  distributor(code: string, place: ErrorPlace): { id: number; manufacturerId: number; manufacturerCode: string } {
    let hit = this.distributorCache.get(code);
    if (!hit) {
      const row = distributorWithManufacturer(this.book, code);
      if (!row) throw new UserError('master.unknown-distributor', { code }, place);
      hit = { id: row.id, manufacturerId: row.manufacturer_id, manufacturerCode: row.manufacturer_code };
      this.distributorCache.set(code, hit);
    }
    return hit;
  }

  manufacturer(code: string, place: ErrorPlace): number {
    const row = findManufacturer(this.book, code);
    if (!row) throw new UserError('master.unknown-manufacturer', { code }, place);
    return row.id;
  }

  /** By SKU, then barcode, then the KA's item code; learns the item code when the others identify the product. */
  product(codes: { sku?: string; barcode?: string; kaItemCode?: string }, ka: { id: number; code: string } | null, place: ErrorPlace): ProductRow {
    const key = `${ka?.id ?? ''}|${codes.sku ?? ''}|${codes.barcode ?? ''}|${codes.kaItemCode ?? ''}`;
    const cached = this.productCache.get(key);
    if (cached) return cached;
    // An ERP's own item code in the SKU column need not stop a file whose barcode column identifies the product.
    let product: ProductRow | undefined = codes.sku ? findProduct(this.book, codes.sku) : undefined;
    if (!product && codes.barcode) product = findProduct(this.book, codes.barcode);
    if (!product && (codes.sku || codes.barcode) && !codes.kaItemCode) {
      throw new UserError('import.unknown-product-codes', { codes: [codes.sku, codes.barcode].filter((c): c is string => !!c) }, place);
    }
    if (codes.kaItemCode && ka) {
      const known = aliasProduct(this.book, ka.id, codes.kaItemCode);
      if (product && known === undefined) {
        insertProductAlias(this.book, ka.id, codes.kaItemCode, product.id);
        this.learnedAliases.push({ ka: ka.code, itemCode: codes.kaItemCode, sku: product.sku });
        new AuditWriter(this.book).append({ actor: this.actor, action: 'create', entity: 'product_alias', entityKey: `${ka.code}/${codes.kaItemCode}`, after: { sku: product.sku } });
      } else if (product && known !== product.id) {
        throw new UserError('import.alias-conflict', { ka: ka.code, code: codes.kaItemCode, sku: product.sku }, place);
      } else if (!product && known !== undefined) {
        product = getProduct(this.book, known);
      }
    }
    if (!product) {
      throw codes.kaItemCode
        ? new UserError('import.unknown-item-code', { ka: ka?.code ?? 'KA', code: codes.kaItemCode }, place)
        : new UserError('import.no-product-any', {}, place);
    }
    this.productCache.set(key, product);
    return product;
  }
}
