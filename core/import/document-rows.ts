import { UserError } from '../errors.js';
import { naturalKey } from '../ledger/document-kinds.js';
import type { DocumentDraft, LineDraft } from '../ledger/post-documents.js';
import { lineAmount } from '../money/rounding.js';
import type { FieldReader } from './field-reader.js';
import type { StoreFound } from './find-stores.js';
import type { DocumentImportKind } from './import-kinds.js';
import type { PartyResolver } from './resolve-parties.js';

/** What one data row contributes: the document it belongs to (header) and its line. */
export interface DocumentRow {
  header: Omit<DocumentDraft, 'lines' | 'sourceRow'>;
  line: LineDraft;
  /** how the row's store cell was read (the preview shows it) */
  store?: StoreFound;
}

export interface DocumentRowOptions {
  kind: DocumentImportKind;
  file: string;
  /** --ka: the KA account of every row that names none */
  kaCode?: string;
  /** --date: the date of rows in files that carry none (deductions, statements) */
  date?: string;
  /** the store column names the distributor's ERP customer (客户编码, 购货单位), not the KA's store */
  storeIsCustomer?: boolean;
}

/** |qty × price − amount| up to this is a rounding difference of the exporting system, not an error. */
export const AMOUNT_TOLERANCE_FEN = 1;

const DEDUCTION_METHODS: Record<string, 'account' | 'invoice'> = {
  账扣: 'account', 帐扣: 'account', 扣款: 'account', 货款扣: 'account', 账扣款: 'account', account: 'account', 现金: 'account',
  票扣: 'invoice', 票折: 'invoice', 发票折扣: 'invoice', 票面扣: 'invoice', invoice: 'invoice',
};
const REMITTANCE_METHODS: Record<string, 'direct' | 'central'> = {
  直营: 'direct', 直营结算: 'direct', 直付: 'direct', direct: 'direct', 总部: 'central', 总部结算: 'central', 总部付款: 'central', central: 'central',
};
const CREDIT_METHODS: Record<string, 'cash' | 'goods' | 'invoice_discount' | 'transfer'> = {
  现金: 'cash', 银行: 'cash', 转账: 'cash', 汇款: 'cash', cash: 'cash', 货补: 'goods', 实物: 'goods', goods: 'goods',
  票折: 'invoice_discount', 发票折扣: 'invoice_discount', invoice_discount: 'invoice_discount', 货款转移: 'transfer', transfer: 'transfer',
};

function method<T extends string>(r: FieldReader, table: Record<string, T>, fallback: T): T {
  const text = r.optText('method');
  if (!text) return fallback;
  const hit = table[text.replace(/\s+/g, '').toLowerCase()] ?? table[text.replace(/\s+/g, '')];
  if (!hit) throw new UserError('import.unknown-method', { text, known: Object.keys(table).slice(0, 6).join('/') }, r.place('method'));
  return hit;
}

function productLine(r: FieldReader, parties: PartyResolver, ka: { id: number; code: string } | null, storeId: number | null, orderNo: string | null) {
  const product = parties.product({ sku: r.optText('sku'), barcode: r.optText('barcode'), kaItemCode: r.optText('kaItemCode') }, ka, r.place(r.has('sku') ? 'sku' : r.has('barcode') ? 'barcode' : 'kaItemCode'));
  const qty = r.qty('qty');
  const price = r.price('price');
  const computed = lineAmount(qty, price);
  let amount = computed;
  if (r.has('amount')) {
    amount = r.amount('amount');
    if (Math.abs(amount - computed) > AMOUNT_TOLERANCE_FEN) {
      throw new UserError('import.amount-mismatch', { amount, computed }, r.place('amount'));
    }
  }
  return { product, line: { storeId, productId: product.id, orderNo, qty, price, amount, memo: r.optText('memo') ?? null } satisfies LineDraft };
}

function kaOf(r: FieldReader, parties: PartyResolver, o: DocumentRowOptions) {
  const code = r.optText('kaCode') ?? o.kaCode;
  return code ? parties.ka(code, r.has('kaCode') ? r.place('kaCode') : { file: o.file, field: '--ka' }) : null;
}

function dateOf(r: FieldReader, o: DocumentRowOptions): string {
  if (r.has('date')) return r.date('date');
  if (o.date) return o.date;
  throw new UserError('import.no-date', {}, r.place('date'));
}

/** The store of a row: its store cell (and name column), or the store heading row above it; null for a chain-level line. */
function storeOf(r: FieldReader, parties: PartyResolver, ka: { id: number; code: string } | null, o: DocumentRowOptions): StoreFound | undefined {
  return parties.stores.find({
    cell: r.optText('storeCode'), name: r.optText('storeName'), ka, customerCodesFirst: o.storeIsCustomer ?? false,
    fromHeadingRow: r.record.storeFromHeading, place: r.place(r.has('storeCode') ? 'storeCode' : 'storeName'),
  });
}

/**
 * Reads one row of a document file into its document header and line. Stores are found by what the store cell holds
 * (see StoreFinder), in the KA from --ka or a KA column, else in any KA; the distributor is the one serving the store
 * unless the file names it. A line with no store (or 全系统) belongs to the KA account.
 */
export function documentRow(r: FieldReader, parties: PartyResolver, o: DocumentRowOptions): DocumentRow {
  let ka = kaOf(r, parties, o);
  const found = storeOf(r, parties, ka, o);
  const store = found?.store ?? null;
  if (store && !ka) ka = { id: store.ka_account_id, code: store.ka_code };
  const orderNo = r.optText('orderNo') ?? null;
  const source = o.file;
  const withStore = (row: DocumentRow): DocumentRow => {
    if (found) row.store = found;
    return row;
  };

  switch (o.kind) {
    case 'deliveries':
    case 'receipts':
    case 'returns': {
      if (found?.reading === 'chain') throw new UserError('import.chain-line-needs-store', { kind: o.kind, text: r.optText('storeCode') ?? '' }, r.place('storeCode'));
      if (!store) throw new UserError('import.no-store', {}, r.place('storeCode'));
      const date = r.date('date');
      const distributor = r.has('distributorCode') ? parties.distributor(r.text('distributorCode'), r.place('distributorCode')) : null;
      const distributorId = distributor?.id ?? store.distributor_id;
      if (!distributorId) throw new UserError('import.store-without-distributor', { store: store.store_code }, r.place('storeCode'));
      const { product, line } = productLine(r, parties, ka, store.id, orderNo);
      if (o.kind === 'returns' && line.amount < 0) {
        // Some ERPs write returns as negative quantities and amounts; a return document holds them positive.
        line.amount = -line.amount;
        line.qty = -line.qty;
      }
      const docKind = o.kind === 'deliveries' ? 'delivery' : o.kind === 'receipts' ? 'receipt' : 'return';
      const docNo = r.optText('docNo') ?? `${store.store_code}-${orderNo ?? 'NOPO'}-${date.replace(/-/g, '')}`;
      const issuer = docKind === 'delivery' ? (distributor ? r.text('distributorCode') : store.distributor_code!) : ka!.code;
      return withStore({
        header: {
          kind: docKind, naturalKey: naturalKey(issuer, docNo), docNo, docDate: date, kaAccountId: ka!.id, storeId: store.id,
          distributorId, manufacturerId: product.manufacturer_id ?? distributor?.manufacturerId ?? store.manufacturer_id, orderNo, sourceFile: source,
        },
        line,
      });
    }
    case 'statements':
    case 'deductions': {
      if (!ka) throw new UserError('import.no-ka', {}, r.place('kaCode'));
      const date = dateOf(r, o);
      const docNo = r.optText('docNo') ?? `${ka.code}-${date.slice(0, 7)}`;
      const amount = r.amount('amount');
      const parties_ = { kaAccountId: ka.id, storeId: store?.id ?? null, distributorId: store?.distributor_id ?? null, manufacturerId: store?.manufacturer_id ?? null };
      if (o.kind === 'deductions') {
        return withStore({
          header: { kind: 'deduction', naturalKey: naturalKey(ka.code, docNo), docNo, docDate: date, ...parties_, method: method(r, DEDUCTION_METHODS, 'account'), sourceFile: source },
          line: { storeId: store?.id ?? null, amount, feeText: r.text('feeText'), memo: r.optText('memo') ?? null },
        });
      }
      return withStore({
        header: { kind: 'statement', naturalKey: naturalKey(ka.code, docNo), docNo, docDate: date, ...parties_, sourceFile: source },
        line: { storeId: store?.id ?? null, amount, reference: r.optText('reference') ?? null, memo: r.optText('documentType') ?? r.optText('memo') ?? null },
      });
    }
    case 'remittances': {
      if (!ka) throw new UserError('import.no-ka', {}, r.place('kaCode'));
      const distributor = r.has('distributorCode') ? parties.distributor(r.text('distributorCode'), r.place('distributorCode')) : null;
      const docNo = r.text('docNo');
      return withStore({
        header: {
          kind: 'remittance', naturalKey: naturalKey(ka.code, docNo), docNo, docDate: r.date('date'), kaAccountId: ka.id,
          distributorId: distributor?.id ?? store?.distributor_id ?? null, manufacturerId: distributor?.manufacturerId ?? store?.manufacturer_id ?? null,
          method: method(r, REMITTANCE_METHODS, 'direct'), sourceFile: source,
        },
        line: { storeId: store?.id ?? null, amount: r.amount('amount'), reference: r.optText('reference') ?? null, memo: r.optText('memo') ?? null },
      });
    }
    case 'manufacturer-credits': {
      const distributor = parties.distributor(r.text('distributorCode'), r.place('distributorCode'));
      const manufacturerId = r.has('manufacturerCode') ? parties.manufacturer(r.text('manufacturerCode'), r.place('manufacturerCode')) : distributor.manufacturerId;
      const manufacturerCode = r.optText('manufacturerCode') ?? distributor.manufacturerCode;
      const docNo = r.text('docNo');
      return {
        header: {
          kind: 'manufacturer_credit', naturalKey: naturalKey(manufacturerCode, docNo), docNo, docDate: r.date('date'), manufacturerId,
          distributorId: distributor.id, kaAccountId: ka?.id ?? null, method: method(r, CREDIT_METHODS, 'cash'), reference: r.optText('reference') ?? null, sourceFile: source,
        },
        line: { amount: r.amount('amount'), reference: r.optText('reference') ?? null, memo: r.optText('memo') ?? null },
      };
    }
  }
}
