import type { Book } from '../../db/connection.js';
import { coverOfDocument, deductionsOfMonths } from '../../db/queries/invoice-targets.js';
import type { Message } from '../../locale/index.js';
import { daysBetween } from '../calendar/dates.js';
import type { FeeInvoiceState } from '../../vocabulary/index.js';
import { feeExpectations } from './fee-expectations.js';

/** One deduction's fee and the document it should have left behind, as the book finds it on a date. */
export interface FeeInvoiceRow {
  documentId: number;
  docNo: string;
  docDate: string;
  period: string;
  kaCode: string | null;
  feeType: string | null;
  amount: number;
  state: FeeInvoiceState;
  /** what of the fee no document evidences yet (missing, red_missing) */
  missing: number;
  /** days since the deduction, for what is missing */
  age: number;
  numbers: string[];
  message: Message;
}

/**
 * 费用发票: every deduction of the months, by fee type, with the document the contract's fee table expects of it
 * (core/invoices/expected-documents.ts): the KA's service invoice (进项, linked by role fee), our red-letter invoice
 * for a rebate (linked by role rebate), a discount line on our invoice for 票扣, or none. A deduction's lines of one
 * expected document share its links, in line order, so a half-evidenced deduction shows what is still missing.
 */
export function feeInvoices(book: Book, periods: string[], o: { kaAccountId?: number | null; distributorId?: number | null; asOf: string }): FeeInvoiceRow[] {
  const rows: FeeInvoiceRow[] = [];
  const cache = new Map<number, Map<string, string | null>>();
  for (const doc of deductionsOfMonths(book, periods, o.kaAccountId ?? null, o.distributorId ?? null, o.asOf)) {
    const lines = feeExpectations(book, doc, cache);
    const covers = {
      service_invoice: coverOfDocument(book, doc.id, 'fee', o.asOf),
      red_invoice: coverOfDocument(book, doc.id, 'rebate', o.asOf),
      discount_line: coverOfDocument(book, doc.id, 'discount', o.asOf),
    };
    const left = { service_invoice: covers.service_invoice.amount, red_invoice: covers.red_invoice.amount, discount_line: covers.discount_line.amount };
    const age = daysBetween(doc.doc_date, o.asOf);
    for (const line of lines) {
      const base = { documentId: doc.id, docNo: doc.doc_no, docDate: doc.doc_date, period: doc.period, kaCode: doc.ka_code, feeType: line.feeType, amount: line.amount, age: 0 };
      const params = { docNo: doc.doc_no, fee: line.feeType ?? 'other', amount: line.amount };
      if (line.expected === 'none') {
        rows.push({ ...base, state: 'not_expected', missing: 0, numbers: [], message: { code: 'invoices.fee.not-expected', params } });
        continue;
      }
      const cover = covers[line.expected];
      const got = Math.min(line.amount, left[line.expected]);
      left[line.expected] -= got;
      const missing = line.amount - got;
      if (line.expected === 'discount_line') {
        rows.push({ ...base, state: 'discount_line', missing, numbers: cover.numbers, message: { code: 'invoices.fee.discount', params } });
      } else if (line.expected === 'service_invoice') {
        rows.push(missing > 0
          ? { ...base, state: 'missing', missing, age, numbers: cover.numbers, message: { code: 'invoices.fee.missing', params: { ...params, age } } }
          : { ...base, state: 'received', missing, numbers: cover.numbers, message: { code: 'invoices.fee.received', params: { ...params, numbers: cover.numbers.join('、') } } });
      } else {
        rows.push(missing > 0
          ? { ...base, state: 'red_missing', missing, age, numbers: cover.numbers, message: { code: 'invoices.fee.red-missing', params: { ...params, age } } }
          : { ...base, state: 'red_issued', missing, numbers: cover.numbers, message: { code: 'invoices.fee.red-issued', params: { ...params, numbers: cover.numbers.join('、') } } });
      }
    }
  }
  return rows;
}
