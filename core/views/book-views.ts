import { schemaVersion, type Book } from '../../db/connection.js';
import { bookInfo } from '../../db/queries/book-info.js';
import { balances, type BalanceGrouping } from '../../db/queries/balances.js';
import { contractTerms, findContract } from '../../db/queries/contracts.js';
import { countDocuments, documentEntries, getDocument } from '../../db/queries/documents.js';
import * as q from '../../db/queries/listings.js';
import { countMasterData } from '../../db/queries/master-data.js';
import { listPeriods, periodsWithDeliveries } from '../../db/queries/periods.js';
import { promotionDetail } from '../../db/queries/promotions.js';
import { listAudit } from '../../db/queries/audit.js';
import { UserError } from '../errors.js';
import { reversalChain } from '../corrections/chain-view.js';

/** Read-only views of a book for `ka-settle show` (and later the window). Money stays in integer fen. */

export type Page = q.Page;

export function bookSummary(book: Book) {
  return {
    path: book.path,
    schemaVersion: schemaVersion(book),
    info: bookInfo(book),
    masterData: countMasterData(book),
    documents: countDocuments(book),
    periods: listPeriods(book),
  };
}

export const MASTER_DATA_VIEWS = ['manufacturers', 'distributors', 'ka-accounts', 'stores', 'products', 'prices', 'contracts', 'promotions'] as const;
export type MasterDataView = (typeof MASTER_DATA_VIEWS)[number];

export function masterDataView(book: Book, what: MasterDataView, page: Page, kaCode?: string): Record<string, unknown>[] {
  switch (what) {
    case 'manufacturers': return q.listManufacturers(book, page);
    case 'distributors': return q.listDistributors(book, page);
    case 'ka-accounts': return q.listKaAccounts(book, page);
    case 'stores': return q.listStores(book, page, kaCode);
    case 'products': return q.listProducts(book, page);
    case 'prices': return q.listPrices(book, page, kaCode);
    case 'contracts': return q.listContracts(book, page);
    case 'promotions': return q.listPromotions(book, page);
  }
}

export function contractView(book: Book, code: string) {
  const contract = findContract(book, code);
  if (!contract) throw new UserError('master.no-contract', { code }, { field: 'contract' });
  return { ...contract, ...contractTerms(book, contract.id) };
}

export function promotionView(book: Book, code: string) {
  const promotion = promotionDetail(book, code);
  if (!promotion) throw new UserError('master.no-promotion', { code }, { field: 'promotion' });
  return promotion;
}

export function documentsView(book: Book, filter: q.DocumentFilter, page: Page) {
  return q.listDocuments(book, filter, page);
}

/** A document with its lines and entries, found by natural key or document number. */
export function documentView(book: Book, key: string) {
  const ids = q.findDocumentIds(book, key);
  if (ids.length === 0) throw new UserError('master.no-document', { key }, { field: 'document' });
  return ids.map((id) => ({ ...getDocument(book, id)!, lines: q.documentLineDetails(book, id), entries: documentEntries(book, id), chain: reversalChain(book, id) }));
}

export function balancesView(book: Book, by: BalanceGrouping, asOf?: string) {
  return balances(book, by, asOf);
}

export function periodsView(book: Book) {
  return listPeriods(book);
}

export function periodsWithDeliveriesView(book: Book) {
  return periodsWithDeliveries(book).map((p) => ({ period: p.period, status: p.status, deliveries: p.deliveries }));
}

export function auditView(book: Book, page: Page, entity?: string) {
  return listAudit(book, page.limit, page.offset, entity);
}

export function injectionsView(book: Book, page: Page, kind?: string) {
  return { counts: q.injectionCounts(book), rows: q.listInjections(book, page, kind) };
}
