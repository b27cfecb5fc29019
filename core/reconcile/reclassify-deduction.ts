import type { Book } from '../../db/connection.js';
import { deductionCheck, deductionLine, saveDeductionCheck, saveFeeRule } from '../../db/queries/deductions.js';
import { contractTerms } from '../../db/queries/contracts.js';
import { AuditWriter } from '../audit/audit-chain.js';
import { storedMessage } from '../../locale/index.js';
import { UserError } from '../errors.js';
import { assertPeriodOpen } from '../ledger/period-lock.js';
import { FEE_TYPES, type FeeType } from '../master-data/schemas.js';
import { checkDeduction } from './classify-deductions.js';

/**
 * The user says what a deduction is. The line is checked again under that fee type, and the wording is saved as
 * a rule for the KA so the same wording is classified alike next time. A line already booked into a claim
 * cannot change: reject that claim first.
 */
export function reclassifyDeduction(book: Book, lineId: number, feeType: string, actor: string, options: { saveRule?: boolean } = {}): void {
  if (!(FEE_TYPES as readonly string[]).includes(feeType)) throw new UserError('reconcile.invalid-fee-type', { feeType }, { field: '--fee-type' });
  book.write(() => {
    const line = deductionLine(book, lineId);
    if (!line) throw new UserError('reconcile.not-deduction', { line: lineId }, { field: 'line' });
    assertPeriodOpen(book, line.period, { code: 'ledger.what-deduction', params: { docNo: line.doc_no } });
    if (line.claimed) throw new UserError('reconcile.already-claimed', { docNo: line.doc_no, line: lineId });
    const before = deductionCheck(book, lineId) ?? null;
    const split = checkDeduction(book, line, (id) => contractTerms(book, id).feeTerms, feeType as FeeType);
    const row = {
      line_id: lineId, period: line.period, ka_account_id: line.ka_account_id, fee_type: split.feeType, classified_by: 'user',
      contract_id: split.contractId, verdict: split.verdict, manufacturer_fen: split.manufacturerFen, distributor_fen: split.distributorFen,
      disputed: split.disputed ? 1 : 0, reason: storedMessage(split.reason),
    };
    saveDeductionCheck(book, row);
    if ((options.saveRule ?? true) && line.fee_text) saveFeeRule(book, line.ka_code ?? '', line.fee_text, feeType, actor);
    new AuditWriter(book).append({ actor, action: 'reclassify', entity: 'deduction', entityKey: String(lineId), before, after: row });
  });
}
