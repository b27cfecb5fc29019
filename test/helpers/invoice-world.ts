import type { Book } from '../../db/connection.js';
import { MasterDataWriter } from '../../core/master-data/save-master-data.js';
import { recordInvoiceBatch } from '../../core/invoices/record-batch.js';
import type { InvoiceDraft } from '../../core/invoices/invoice-draft.js';
import { lineAmount } from '../../core/money/rounding.js';
import { applyRate } from '../../core/money/rounding.js';
import type { DocumentDraft } from '../../core/ledger/post-documents.js';
import { post, receipt, type World } from './documents.js';

/** The tax ids of the small world: our distributor D01, 大润发's invoicing entity, 大润发's services company. */
export const D01_TAX_ID = '91310000MA1FL0D01X';
export const RTM_TAX_ID = '91310000607200RTM1';
export const M01_TAX_ID = '91310000MA1FL0M01Y';

/**
 * The small world with tax ids and 大润发's invoicing entity, and (optionally) a KA contract for RTM whose terms start
 * where the test says, with the fee table's expected documents.
 */
export function addInvoiceWorld(book: Book, contract?: { start: 'receipt' | 'invoice' | 'month_end'; days: number }): World {
  return book.write(() => {
    const m = new MasterDataWriter(book, 'tester');
    const id = (v: number | 'unchanged') => (typeof v === 'number' ? v : -1);
    // The small world's codes and names (test/helpers/small-world.ts), with the tax ids invoices are read by.
    const manufacturerId = id(m.manufacturer({ code: 'M01', name: '示例食品有限公司', taxId: M01_TAX_ID }));
    const distributorId = id(m.distributor({ code: 'D01', name: '上海华东商贸有限公司', manufacturerCode: 'M01', region: '华东', taxId: D01_TAX_ID }));
    const rtm = id(m.kaAccount({ code: 'RTM', name: '大润发', paymentTermsDays: 60 }));
    const met = id(m.kaAccount({ code: 'MET', name: '麦德龙', paymentTermsDays: 30 }));
    const a021 = id(m.store({ kaCode: 'RTM', storeCode: 'A021', name: '大润发上海杨浦店', region: '华东', distributorCode: 'D01' }));
    const s11 = id(m.store({ kaCode: 'MET', storeCode: '11', name: '麦德龙上海普陀商场', region: '华东', distributorCode: 'D01' }));
    const p001 = id(m.product({ sku: 'P001', barcode: '6901234500017', name: '示例原味饼干', spec: '200g', casePack: 24, vatRate: 130_000, manufacturerCode: 'M01' }));
    const p003 = id(m.product({ sku: 'P003', barcode: '6901234500031', name: '示例蛋卷礼盒', spec: '450g', casePack: 8, vatRate: 130_000, manufacturerCode: 'M01' }));
    m.invoicingEntity({ kaCode: 'RTM', taxId: RTM_TAX_ID, name: '康成投资（中国）有限公司', region: '' });
    if (contract) {
      m.contract({
        code: 'C-RTM-2026', manufacturerCode: 'M01', kaCode: 'RTM', validFrom: '2026-01-01', validTo: '2026-12-31', feePoints: 0,
        paymentTermsDays: contract.days, paymentTermsStart: contract.start, settlementMode: 'direct',
        feeTerms: [
          { feeType: 'entry', manufacturerShare: 0 }, { feeType: 'display', manufacturerShare: 0 },
          { feeType: 'promo_service', manufacturerShare: 0 }, { feeType: 'rebate', manufacturerShare: 0, expectedDocument: 'red_invoice' },
        ],
      });
    }
    return { manufacturerId, distributorId, rtm, met, a021, s11, p001, p003 };
  });
}

/** A receipt of one product line: units at the KA's price (yuan × 10,000). */
export function oneLineReceipt(w: World, docNo: string, date: string, productId: number, units: number, price: number): DocumentDraft {
  return receipt(w, docNo, date, null, [[productId, units, price]]);
}

export function ret(w: World, docNo: string, date: string, productId: number, units: number, price: number): DocumentDraft {
  return { ...receipt(w, docNo, date, null, [[productId, units, price]]), kind: 'return', naturalKey: `KR|${docNo}` };
}

/** A deduction of one fee line; method 'invoice' is 票扣 (a discount line on our invoice). */
export function deduction(w: World, docNo: string, date: string, feeText: string, amount: number, method: string | null = null): DocumentDraft {
  return {
    kind: 'deduction', naturalKey: `KD|${docNo}`, docNo, docDate: date, manufacturerId: w.manufacturerId, distributorId: w.distributorId,
    kaAccountId: w.rtm, storeId: w.a021, method, lines: [{ storeId: w.a021, amount, feeText }],
  };
}

export { post, lineAmount };

/** An issued invoice to 大润发 of a gross amount at 13 %, without item lines (as a list export has it). */
export function issued(number: string, date: string, gross: number, remark: string, o: Partial<InvoiceDraft> = {}): InvoiceDraft {
  const net = Math.round((gross * 100) / 113);
  return {
    source: 'manual', invoiceType: 'digital_special', number, date, seller: { taxId: D01_TAX_ID, name: '上海华东商贸有限公司' },
    buyer: { taxId: RTM_TAX_ID, name: '康成投资（中国）有限公司' }, net, tax: gross - net, gross, colour: gross < 0 ? 'red' : 'blue', status: 'valid',
    remark, items: [], ...o,
  };
}

/** A service invoice 大润发 issues to us for a fee (6 %). */
export function received(number: string, date: string, gross: number, remark: string): InvoiceDraft {
  const net = Math.round((gross * 100) / 106);
  return {
    source: 'manual', invoiceType: 'digital_special', number, date, seller: { taxId: RTM_TAX_ID, name: '康成投资（中国）有限公司' },
    buyer: { taxId: D01_TAX_ID, name: '上海华东商贸有限公司' }, net, tax: gross - net, gross, colour: 'blue', status: 'valid', remark, items: [],
  };
}

export function recordInvoices(book: Book, ...drafts: InvoiceDraft[]) {
  return book.write(() => recordInvoiceBatch(book, drafts, 'tester', { description: 'test invoices' }));
}

export { applyRate };
