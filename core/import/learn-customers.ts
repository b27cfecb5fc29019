import type { Book } from '../../db/connection.js';
import { findKaAccount, findStore } from '../../db/queries/master-data.js';
import { customerLinkedStore, insertCustomerLink, storeWithErpCode } from '../../db/queries/store-finding.js';
import { AuditWriter } from '../audit/audit-chain.js';
import { UserError, type ErrorPlace } from '../errors.js';
import { cellText } from './cell-values.js';
import { detectHeader, HEADER_SCAN_ROWS } from './detect-header.js';
import type { KindSpec } from './import-kinds.js';
import { openTable, type RawRow } from './read-rows.js';

/** An ERP customer code confirmed as a store of a KA. */
export interface CustomerPair {
  customerCode: string;
  customerName?: string | null;
  ka: string;
  storeCode: string;
}

/**
 * Remembers ERP customer codes as the stores they are, inside the caller's transaction, each audited. A code already
 * confirmed for the same store is passed over; one confirmed for (or carried by) another store is refused.
 */
export function confirmCustomers(book: Book, pairs: CustomerPair[], actor: string, place: ErrorPlace = {}): { code: string; ka: string; storeCode: string }[] {
  const audit = new AuditWriter(book);
  const done: { code: string; ka: string; storeCode: string }[] = [];
  for (const p of pairs) {
    const ka = findKaAccount(book, p.ka);
    const store = ka && findStore(book, ka.id, p.storeCode);
    if (!ka || !store) throw new UserError('import.customer-store-unknown', { ka: p.ka, store: p.storeCode }, place);
    const key = `${ka.code}/${store.store_code}`;
    const carrier = storeWithErpCode(book, p.customerCode);
    if (carrier && carrier.id !== store.id) throw new UserError('import.erp-code-taken', { code: p.customerCode, store: `${carrier.ka_code}/${carrier.store_code}` }, place);
    const linked = customerLinkedStore(book, p.customerCode);
    if (linked === key || carrier) continue;
    if (linked) throw new UserError('import.customer-link-exists', { code: p.customerCode, store: linked }, place);
    insertCustomerLink(book, { customer_code: p.customerCode, customer_name: p.customerName ?? null, store_id: store.id, confirmed_by: actor });
    audit.append({ actor, action: 'create', entity: 'erp_customer_link', entityKey: p.customerCode, after: { ka: ka.code, storeCode: store.store_code, customerName: p.customerName ?? null } });
    done.push({ code: p.customerCode, ka: ka.code, storeCode: store.store_code });
  }
  return done;
}

/** A customers file: 客户编码 (customer code), 系统 (KA) and 门店编号 (the KA's store code), and a name if wanted. */
const CUSTOMERS_FILE: KindSpec = {
  fields: [
    { field: 'customerCode', groups: ['erpCustomerCode'], type: 'text', required: true },
    { field: 'customerName', groups: ['customerName'], type: 'text' },
    { field: 'kaCode', groups: ['kaCode'], type: 'text', required: true },
    { field: 'storeCode', groups: ['storeCode'], type: 'text', required: true },
  ],
};

/** Reads a customers file (CSV or xlsx) into pairs to confirm; a file without the three columns is refused. */
export async function readCustomersFile(path: string): Promise<CustomerPair[]> {
  const rows: RawRow[] = [];
  for await (const r of (await openTable(path)).rows) rows.push(r);
  const header = detectHeader(rows.slice(0, HEADER_SCAN_ROWS), CUSTOMERS_FILE);
  const col = (field: string) => header?.columns.find((c) => c.field === field)?.column;
  const [code, ka, store, name] = [col('customerCode'), col('kaCode'), col('storeCode'), col('customerName')];
  if (!header || code === undefined || ka === undefined || store === undefined) throw new UserError('import.customers-file-columns', {}, { file: path });
  return rows.slice(header.index + 1)
    .map((r) => ({ customerCode: cellText(r.cells[code] ?? null), ka: cellText(r.cells[ka] ?? null), storeCode: cellText(r.cells[store] ?? null),
      customerName: name === undefined ? null : cellText(r.cells[name] ?? null) || null }))
    .filter((p) => p.customerCode && p.ka && p.storeCode);
}
