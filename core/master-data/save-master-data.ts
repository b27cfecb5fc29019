import type { z } from 'zod';
import type { Book } from '../../db/connection.js';
import { insertContract, insertDeliveryCost, insertFeeTerm, insertRebateExclusion, insertRebateTier } from '../../db/queries/contracts.js';
import {
  insertDistributor, insertKaAccount, insertManufacturer, insertPrice, insertProduct, insertProductAlias, insertStore,
} from '../../db/queries/master-data.js';
import { overlappingPrice } from '../../db/queries/price-overlaps.js';
import { insertPromotion, insertPromotionProduct, insertPromotionStore } from '../../db/queries/promotions.js';
import { latestAuditState } from '../../db/queries/audit.js';
import { customerLinkedStore, storeWithErpCode } from '../../db/queries/store-finding.js';
import { AuditWriter } from '../audit/audit-chain.js';
import { canonicalJson } from '../canonical-json.js';
import type { AuditEntity } from '../../vocabulary/index.js';
import { UserError, type ErrorPlace } from '../errors.js';
import { inputError, issueField } from '../input-issues.js';
import { withBookErrors } from '../ledger/book-errors.js';
import { CodeResolver } from './resolve-codes.js';
import * as s from './schemas.js';

/** One ERP customer code names one store: a code another store already has (or was confirmed for) is refused. */
export function assertErpCodeFree(book: Book, erpCode: string, storeKey: string, place: ErrorPlace = {}): void {
  const holder = storeWithErpCode(book, erpCode);
  const holderKey = holder && `${holder.ka_code}/${holder.store_code}`;
  if (holderKey && holderKey !== storeKey) throw new UserError('import.erp-code-taken', { code: erpCode, store: holderKey }, { ...place, field: 'erpCustomerCode' });
  const linked = customerLinkedStore(book, erpCode);
  if (linked && linked !== storeKey) throw new UserError('import.customer-link-exists', { code: erpCode, store: linked }, { ...place, field: 'erpCustomerCode' });
}

/** Reads input through its schema; the first problem becomes a UserError naming the field. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown, place: ErrorPlace = {}): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw inputError(issue, place, issueField(issue) ?? place.field);
}

/**
 * Writes master data inside the caller's write transaction, one audit row per record. Unknown codes and
 * overlapping price validity are refused with the field at fault. A record whose key is already in the book is
 * `unchanged` when it says the same as what the book holds, and refused as a conflict when it differs: master
 * data is never silently overwritten.
 */
export class MasterDataWriter {
  private readonly audit: AuditWriter;
  private readonly codes: CodeResolver;
  readonly counts = { created: 0, unchanged: 0 };

  constructor(private readonly book: Book, private readonly actor: string, private readonly place: ErrorPlace = {}) {
    this.audit = new AuditWriter(book);
    this.codes = new CodeResolver(book, place);
  }

  private created(entity: AuditEntity, key: string, after: unknown): void {
    this.audit.append({ actor: this.actor, action: 'create', entity, entityKey: key, after });
    this.counts.created++;
  }

  /** Runs the insert; on a duplicate key compares with what the book holds for (entity, key). */
  private insert(entity: AuditEntity, key: string, fn: () => number, state?: { auditEntity: string; after: unknown }): number | 'unchanged' {
    try {
      return withBookErrors(fn);
    } catch (e) {
      if (e instanceof UserError && e.code === 'ledger.duplicate') {
        if (state && latestAuditState(this.book, state.auditEntity, key) === canonicalJson(state.after)) {
          this.counts.unchanged++;
          return 'unchanged';
        }
        throw new UserError('master.conflict', { entity, key }, this.place);
      }
      throw e;
    }
  }

  manufacturer(input: s.ManufacturerInput): number | 'unchanged' {
    const m = parseInput(s.manufacturerInput, input, this.place);
    const id = this.insert('manufacturer', m.code, () => insertManufacturer(this.book, m), { auditEntity: 'manufacturer', after: m });
    if (id !== 'unchanged') this.created('manufacturer', m.code, m);
    return id;
  }

  distributor(input: s.DistributorInput): number | 'unchanged' {
    const d = parseInput(s.distributorInput, input, this.place);
    const manufacturer_id = this.codes.manufacturer(d.manufacturerCode, 'manufacturerCode');
    const id = this.insert('distributor', d.code, () => insertDistributor(this.book, {
      code: d.code, name: d.name, manufacturer_id, region: d.region, contact: d.contact, phone: d.phone,
    }), { auditEntity: 'distributor', after: d });
    if (id !== 'unchanged') this.created('distributor', d.code, d);
    return id;
  }

  kaAccount(input: s.KaAccountInput): number | 'unchanged' {
    const k = parseInput(s.kaAccountInput, input, this.place);
    const id = this.insert('ka_account', k.code, () => insertKaAccount(this.book, {
      code: k.code, name: k.name, payment_terms_days: k.paymentTermsDays, contact: k.contact, phone: k.phone,
    }), { auditEntity: 'ka_account', after: k });
    if (id !== 'unchanged') this.created('ka_account', k.code, k);
    return id;
  }

  store(input: s.StoreInput): number | 'unchanged' {
    const st = parseInput(s.storeInput, input, this.place);
    const ka_account_id = this.codes.kaAccount(st.kaCode, 'kaCode');
    const distributor_id = st.distributorCode ? this.codes.distributor(st.distributorCode, 'distributorCode') : null;
    const key = `${st.kaCode}/${st.storeCode}`;
    if (st.erpCustomerCode) assertErpCodeFree(this.book, st.erpCustomerCode, key, this.place);
    const id = this.insert('store', key, () => insertStore(this.book, {
      ka_account_id, store_code: st.storeCode, name: st.name, region: st.region, city: st.city, distributor_id,
      opened_on: st.openedOn ?? null, erp_customer_code: st.erpCustomerCode ?? null,
    }), { auditEntity: 'store', after: st });
    if (id !== 'unchanged') this.created('store', key, st);
    return id;
  }

  product(input: s.ProductInput): number | 'unchanged' {
    const p = parseInput(s.productInput, input, this.place);
    const manufacturer_id = p.manufacturerCode ? this.codes.manufacturer(p.manufacturerCode, 'manufacturerCode') : null;
    const id = this.insert('product', p.sku, () => insertProduct(this.book, {
      sku: p.sku, barcode: p.barcode ?? null, name: p.name, spec: p.spec, case_pack: p.casePack,
      vat_rate_ppm: p.vatRate, manufacturer_id,
    }), { auditEntity: 'product', after: p });
    if (id !== 'unchanged') this.created('product', p.sku, p);
    return id;
  }

  /** Remembers a KA's own item code for a product (e.g. Metro's article number). */
  productAlias(kaCode: string, kaItemCode: string, sku: string): void {
    const ka = this.codes.kaAccount(kaCode, 'kaCode');
    const product = this.codes.product(sku, undefined, 'sku');
    this.insert('product_alias', `${kaCode}/${kaItemCode}`, () => (insertProductAlias(this.book, ka, kaItemCode, product), 0));
    this.created('product_alias', `${kaCode}/${kaItemCode}`, { sku });
  }

  price(input: s.PriceInput): number | 'unchanged' {
    const p = parseInput(s.priceInput, input, this.place);
    const ka = this.codes.kaAccount(p.kaCode, 'kaCode');
    const product = this.codes.product(p.sku, ka, 'sku');
    const clash = overlappingPrice(this.book, ka, product, p.region, p.validFrom, p.validTo);
    if (clash && clash.valid_from === p.validFrom && clash.valid_to === p.validTo && clash.price_e4 === p.price) {
      this.counts.unchanged++;
      return 'unchanged';
    }
    if (clash) {
      throw new UserError('master.overlapping-price', { ka: p.kaCode, sku: p.sku, region: p.region, from: clash.valid_from, to: clash.valid_to }, { ...this.place, field: 'validFrom' });
    }
    const key = `${p.kaCode}/${p.sku}/${p.region}/${p.validFrom}`;
    const id = this.insert('price', key, () => insertPrice(this.book, {
      ka_account_id: ka, product_id: product, region: p.region, price_e4: p.price, valid_from: p.validFrom, valid_to: p.validTo,
    }), { auditEntity: 'price', after: p });
    if (id !== 'unchanged') this.created('price', key, p);
    return id;
  }

  contract(input: s.ContractInput): number | 'unchanged' {
    const c = parseInput(s.contractInput, input, this.place);
    const ka = this.codes.kaAccount(c.kaCode, 'kaCode');
    const existing = this.insert('contract', c.code, () => insertContract(this.book, {
      code: c.code, manufacturer_id: this.codes.manufacturer(c.manufacturerCode, 'manufacturerCode'), ka_account_id: ka,
      distributor_id: c.distributorCode ? this.codes.distributor(c.distributorCode, 'distributorCode') : null,
      valid_from: c.validFrom, valid_to: c.validTo, fee_points_ppm: c.feePoints, payment_terms_days: c.paymentTermsDays,
      settlement_mode: c.settlementMode, rebate_tier_mode: c.rebate.tierMode, rebate_basis: c.rebate.basis,
      rebate_direction: c.rebate.direction, rebate_excludes_promotions: c.rebate.excludesPromotions ? 1 : 0,
    }), { auditEntity: 'contract', after: c });
    if (existing === 'unchanged') return existing;
    this.contractTerms(existing, ka, c);
    this.created('contract', c.code, c);
    return existing;
  }

  /** A contract's terms (fee responsibility, tiers, exclusions, delivery-cost rules), as written on create and on edit. */
  contractTerms(id: number, ka: number, c: s.ContractOutput): void {
    for (const t of c.feeTerms) {
      insertFeeTerm(this.book, {
        contract_id: id, fee_type: t.feeType, allowed: t.allowed ? 1 : 0, manufacturer_share_ppm: t.manufacturerShare,
        max_points_ppm: t.maxPoints ?? null, max_amount_fen: t.maxAmount ?? null,
      });
    }
    for (const t of c.rebate.tiers) insertRebateTier(this.book, { contract_id: id, threshold_fen: t.threshold, rate_ppm: t.rate });
    for (const sku of c.rebate.excludedProducts) {
      insertRebateExclusion(this.book, { contract_id: id, product_id: this.codes.product(sku, ka, 'rebate.excludedProducts'), store_id: null });
    }
    for (const code of c.rebate.excludedStores) {
      insertRebateExclusion(this.book, { contract_id: id, product_id: null, store_id: this.codes.store(ka, code, 'rebate.excludedStores') });
    }
    for (const d of c.deliveryCost) {
      this.insert('delivery_cost_rule', `${c.code}/${d.region}`, () => (insertDeliveryCost(this.book, {
        contract_id: id, region: d.region, method: d.method, rate_ppm: d.rate ?? null, amount_fen: d.amount ?? null,
        monthly_floor_fen: d.monthlyFloor ?? null, monthly_cap_fen: d.monthlyCap ?? null,
      }), 0));
    }
  }

  promotion(input: s.PromotionInput): number | 'unchanged' {
    const p = parseInput(s.promotionInput, input, this.place);
    const ka = this.codes.kaAccount(p.kaCode, 'kaCode');
    const existing = this.insert('promotion', p.code, () => insertPromotion(this.book, {
      code: p.code, ka_account_id: ka, manufacturer_id: this.codes.manufacturer(p.manufacturerCode, 'manufacturerCode'),
      name: p.name, kind: p.kind, start_date: p.startDate, end_date: p.endDate,
    }), { auditEntity: 'promotion', after: p });
    if (existing === 'unchanged') return existing;
    const id = existing;
    for (const line of p.products) {
      this.insert('promotion_product', `${p.code}/${line.sku}`, () => (insertPromotionProduct(this.book, {
        promotion_id: id, product_id: this.codes.product(line.sku, ka, 'products.sku'),
        normal_price_e4: line.normalPrice, promo_price_e4: line.promoPrice,
      }), 0));
    }
    for (const code of p.stores) {
      this.insert('promotion_store', `${p.code}/${code}`, () => (insertPromotionStore(this.book, id, this.codes.store(ka, code, 'stores')), 0));
    }
    this.created('promotion', p.code, p);
    return id;
  }
}
