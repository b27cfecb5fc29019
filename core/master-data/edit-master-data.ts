import type { Book } from '../../db/connection.js';
import { latestAuditState } from '../../db/queries/audit.js';
import { findContract } from '../../db/queries/contracts.js';
import * as u from '../../db/queries/master-data-updates.js';
import { AuditWriter } from '../audit/audit-chain.js';
import { canonicalJson } from '../canonical-json.js';
import type { AuditEntity } from '../../vocabulary/index.js';
import { UserError } from '../errors.js';
import { CodeResolver } from './resolve-codes.js';
import { assertErpCodeFree, MasterDataWriter, parseInput } from './save-master-data.js';
import type { MasterEntity } from './save-record.js';
import * as s from './schemas.js';

/** The audit entity and key each editable kind of master data is recorded under (the same as when it was created). */
const AUDIT: Partial<Record<MasterEntity, { entity: AuditEntity; key: (r: Record<string, unknown>) => string }>> = {
  manufacturers: { entity: 'manufacturer', key: (r) => String(r.code) },
  distributors: { entity: 'distributor', key: (r) => String(r.code) },
  'ka-accounts': { entity: 'ka_account', key: (r) => String(r.code) },
  stores: { entity: 'store', key: (r) => `${String(r.kaCode)}/${String(r.storeCode)}` },
  products: { entity: 'product', key: (r) => String(r.sku) },
  contracts: { entity: 'contract', key: (r) => String(r.code) },
  promotions: { entity: 'promotion', key: (r) => String(r.code) },
};

/**
 * A record as it was last entered (created or edited), in the shape of its form: read from the audit log, where
 * every create and edit keeps the whole record. Prices are not edited in place (a new validity period is added).
 */
export function masterRecord(book: Book, entity: MasterEntity, key: string): Record<string, unknown> {
  const a = AUDIT[entity];
  if (!a) throw new UserError('master.not-editable', { entity }, { field: 'entity' });
  const state = latestAuditState(book, a.entity, key);
  if (!state) throw new UserError('master.no-record', { entity: a.entity, key }, { field: 'key' });
  return JSON.parse(state) as Record<string, unknown>;
}

/**
 * Changes a record's descriptive fields (names, terms, contacts; a contract's dates, points and every term) in one
 * transaction, audited with before and after. Its identity cannot change, and a promotion is not edited once made
 * (its window decides price protection already claimed).
 */
export function editMasterRecord(book: Book, entity: MasterEntity, record: Record<string, unknown>, actor: string): { key: string; outcome: 'updated' | 'unchanged' } {
  const a = AUDIT[entity];
  if (!a || entity === 'promotions') throw new UserError('master.not-editable', { entity }, { field: 'entity' });
  const codes = new CodeResolver(book);
  return book.write(() => {
    const parsed = parseFor(entity, record);
    const key = a.key(parsed as Record<string, unknown>);
    const before = latestAuditState(book, a.entity, key);
    if (before === undefined) throw new UserError('master.no-record', { entity: a.entity, key }, { field: 'code' });
    if (before !== null && sameRecord(JSON.parse(before) as unknown, parsed)) return { key, outcome: 'unchanged' as const };
    const was = JSON.parse(before ?? '{}') as Record<string, unknown>;
    for (const identity of ['manufacturerCode', 'kaCode'].filter(() => entity === 'contracts')) {
      if (was[identity] !== (parsed as Record<string, unknown>)[identity]) throw new UserError('master.contract-identity', {}, { field: identity });
    }
    apply(book, entity, parsed, codes, actor);
    new AuditWriter(book).append({ actor, action: 'update', entity: a.entity, entityKey: key, before: was, after: parsed });
    return { key, outcome: 'updated' as const };
  });
}

/** "None" may be written as null or left out (an import omits it, a form sends null): either way the record says the same. */
function sameRecord(a: unknown, b: unknown): boolean {
  const withoutNulls = (x: unknown) => JSON.parse(JSON.stringify(x, (_k, v: unknown) => (v === null ? undefined : v))) as unknown;
  return canonicalJson(withoutNulls(a)) === canonicalJson(withoutNulls(b));
}

function parseFor(entity: MasterEntity, record: Record<string, unknown>) {
  switch (entity) {
    case 'manufacturers': return parseInput(s.manufacturerInput, record);
    case 'distributors': return parseInput(s.distributorInput, record);
    case 'ka-accounts': return parseInput(s.kaAccountInput, record);
    case 'stores': return parseInput(s.storeInput, record);
    case 'products': return parseInput(s.productInput, record);
    case 'contracts': return parseInput(s.contractInput, record);
    default: throw new UserError('master.not-editable', { entity }, { field: 'entity' });
  }
}

function apply(book: Book, entity: MasterEntity, p: ReturnType<typeof parseFor>, codes: CodeResolver, actor: string): void {
  if (entity === 'manufacturers') {
    const m = p as s.ManufacturerInput;
    u.updateManufacturer(book, m.code, { name: m.name });
  } else if (entity === 'distributors') {
    const d = p as ReturnType<typeof s.distributorInput.parse>;
    u.updateDistributor(book, d.code, { name: d.name, manufacturer_id: codes.manufacturer(d.manufacturerCode, 'manufacturerCode'), region: d.region, contact: d.contact, phone: d.phone });
  } else if (entity === 'ka-accounts') {
    const k = p as ReturnType<typeof s.kaAccountInput.parse>;
    u.updateKaAccount(book, k.code, { name: k.name, payment_terms_days: k.paymentTermsDays, contact: k.contact, phone: k.phone });
  } else if (entity === 'stores') {
    const st = p as ReturnType<typeof s.storeInput.parse>;
    if (st.erpCustomerCode) assertErpCodeFree(book, st.erpCustomerCode, `${st.kaCode}/${st.storeCode}`);
    u.updateStore(book, codes.kaAccount(st.kaCode, 'kaCode'), st.storeCode, {
      name: st.name, region: st.region, city: st.city, distributor_id: st.distributorCode ? codes.distributor(st.distributorCode, 'distributorCode') : null,
      opened_on: st.openedOn ?? null, erp_customer_code: st.erpCustomerCode ?? null,
    });
  } else if (entity === 'products') {
    const pr = p as ReturnType<typeof s.productInput.parse>;
    u.updateProduct(book, pr.sku, {
      barcode: pr.barcode ?? null, name: pr.name, spec: pr.spec, case_pack: pr.casePack, vat_rate_ppm: pr.vatRate,
      manufacturer_id: pr.manufacturerCode ? codes.manufacturer(pr.manufacturerCode, 'manufacturerCode') : null,
    });
  } else if (entity === 'contracts') {
    const c = p as s.ContractOutput;
    const row = findContract(book, c.code)!;
    u.updateContractHeader(book, row.id, {
      distributor_id: c.distributorCode ? codes.distributor(c.distributorCode, 'distributorCode') : null, valid_from: c.validFrom, valid_to: c.validTo,
      fee_points_ppm: c.feePoints, payment_terms_days: c.paymentTermsDays, settlement_mode: c.settlementMode, rebate_tier_mode: c.rebate.tierMode,
      rebate_basis: c.rebate.basis, rebate_direction: c.rebate.direction, rebate_excludes_promotions: c.rebate.excludesPromotions ? 1 : 0,
    });
    u.deleteContractTerms(book, row.id);
    new MasterDataWriter(book, actor).contractTerms(row.id, row.ka_account_id, c);
  }
}
