import type { Book } from '../../db/connection.js';
import { contractOn, contractTerms } from '../../db/queries/contracts.js';
import { deductionFeeLines, type TargetDocument } from '../../db/queries/invoice-targets.js';
import { feeTypeOfWording } from '../reconcile/fee-words.js';
import type { ExpectedDocument } from '../../vocabulary/index.js';
import { expectedDocument } from './expected-documents.js';

export interface FeeLineExpectation { lineId: number; lineNo: number; feeType: string | null; amount: number; expected: ExpectedDocument }

/**
 * What a deduction's lines should leave behind, line by line: the fee type the reconciliation (or the user) gave
 * it, else the one its wording names; the document the contract's fee table says for that type, else the usual one.
 */
export function feeExpectations(book: Book, doc: TargetDocument, cache = new Map<number, Map<string, string | null>>()): FeeLineExpectation[] {
  const contract = doc.manufacturer_id && doc.ka_account_id ? contractOn(book, doc.manufacturer_id, doc.ka_account_id, doc.doc_date) : undefined;
  let terms: Map<string, string | null> | undefined;
  if (contract) {
    terms = cache.get(contract.id);
    if (!terms) {
      terms = new Map(contractTerms(book, contract.id).feeTerms.map((t) => [t.fee_type, t.expected_document]));
      cache.set(contract.id, terms);
    }
  }
  return deductionFeeLines(book, doc.id).map((l) => {
    const feeType = l.fee_type ?? feeTypeOfWording(l.fee_text ?? '') ?? null;
    return { lineId: l.line_id, lineNo: l.line_no, feeType, amount: l.amount_fen, expected: expectedDocument(feeType, doc.method, feeType ? terms?.get(feeType) : undefined) };
  });
}

/** What of a deduction each link role may cover: discount lines for 票扣, red-letter for rebates, service invoices for fees. */
export function deductionCapacity(lines: FeeLineExpectation[], role: string): number {
  const want: ExpectedDocument = role === 'discount' ? 'discount_line' : role === 'rebate' ? 'red_invoice' : 'service_invoice';
  return lines.filter((l) => l.expected === want).reduce((s, l) => s + l.amount, 0);
}
