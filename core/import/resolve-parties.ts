import type { Book } from '../../db/connection.js';
import { aliasProduct, distributorWithManufacturer } from '../../db/queries/import-lookups.js';
import { findKaAccount, findManufacturer, findProduct, getProduct, insertProductAlias, type ProductRow } from '../../db/queries/master-data.js';
import { AuditWriter } from '../audit/audit-chain.js';
import { UserError, type ErrorPlace } from '../errors.js';
import { StoreFinder } from './find-stores.js';

/**
 * Finds the parties and products a file's rows name, by the codes people use: a store by the ways StoreFinder knows
 * (the KA's store code, code and name, the ERP's customer code, a unique name), a product by SKU, 69- barcode or
 * the KA's own item code. A KA's item code seen beside a SKU or barcode is
 * remembered for that KA, so later files that carry only the item code still match. Lookups are cached per file.
 */
export class PartyResolver {
  private readonly kaCache = new Map<string, { id: number; code: string }>();
  private readonly productCache = new Map<string, ProductRow>();
  private readonly distributorCache = new Map<string, { id: number; manufacturerId: number; manufacturerCode: string }>();
  readonly learnedAliases: { ka: string; itemCode: string; sku: string }[] = [];

  readonly stores: StoreFinder;

  constructor(private readonly book: Book, private readonly actor: string) {
    this.stores = new StoreFinder(book);
  }

  ka(code: string, place: ErrorPlace): { id: number; code: string } {
    let hit = this.kaCache.get(code);
    if (!hit) {
      const row = findKaAccount(this.book, code);
      if (!row) throw new UserError('import.unknown-ka', { code }, place);
      hit = { id: row.id, code: row.code };
      this.kaCache.set(code, hit);
    }
    return hit;
  }

  distributor(code: string, place: ErrorPlace): { id: number; manufacturerId: number; manufacturerCode: string } {
    let hit = this.distributorCache.get(code);
    if (!hit) {
      const row = distributorWithManufacturer(this.book, code);
      if (!row) throw new UserError('import.unknown-distributor', { code }, place);
      hit = { id: row.id, manufacturerId: row.manufacturer_id, manufacturerCode: row.manufacturer_code };
      this.distributorCache.set(code, hit);
    }
    return hit;
  }

  manufacturer(code: string, place: ErrorPlace): number {
    const row = findManufacturer(this.book, code);
    if (!row) throw new UserError('import.unknown-manufacturer', { code }, place);
    return row.id;
  }

  /** Whether a value is one of the book's SKUs or barcodes (for recognising a product column by its values). */
  knowsProduct(code: string): boolean {
    let known = this.productKnown.get(code);
    if (known === undefined) {
      known = code.length <= 64 && findProduct(this.book, code) !== undefined;
      this.productKnown.set(code, known);
    }
    return known;
  }

  private readonly productKnown = new Map<string, boolean>();

  /** By SKU, then barcode, then the KA's item code; learns the item code when the others identify the product. */
  product(codes: { sku?: string; barcode?: string; kaItemCode?: string }, ka: { id: number; code: string } | null, place: ErrorPlace): ProductRow {
    const key = `${ka?.id ?? ''}|${codes.sku ?? ''}|${codes.barcode ?? ''}|${codes.kaItemCode ?? ''}`;
    const cached = this.productCache.get(key);
    if (cached) return cached;
    // An ERP's own item code in the SKU column need not stop a file whose barcode column identifies the product.
    let product: ProductRow | undefined = codes.sku ? findProduct(this.book, codes.sku) : undefined;
    if (!product && codes.barcode) product = findProduct(this.book, codes.barcode);
    if (!product && (codes.sku || codes.barcode) && !codes.kaItemCode) {
      if (codes.sku && codes.barcode) throw new UserError('import.unknown-product-or-barcode', { sku: codes.sku, barcode: codes.barcode }, place);
      if (codes.sku) throw new UserError('import.unknown-product', { sku: codes.sku }, place);
      throw new UserError('import.unknown-barcode', { barcode: codes.barcode! }, place);
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
        : new UserError('import.no-product-code', {}, place);
    }
    this.productCache.set(key, product);
    return product;
  }
}
