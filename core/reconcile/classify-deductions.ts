import type { Book } from '../../db/connection.js';
import { contractOn, contractTerms, type FeeTermRow } from '../../db/queries/contracts.js';
import { deductionCheck, deductionLines, feeRule, saveDeductionCheck, storeMonthSales, type DeductionLine } from '../../db/queries/deductions.js';
import { applyRate } from '../money/rounding.js';
import { storedMessage, type Message } from '../../locale/index.js';
import { feeTypeOfWording } from './fee-words.js';
import { answerReversedDeductions } from '../corrections/deduction-reversals.js';

export type { DeductionVerdict } from '../../vocabulary/index.js';
import type { DeductionVerdict } from '../../vocabulary/index.js';

export interface DeductionSplit {
  feeType: string | null;
  classifiedBy: 'synonym' | 'rule' | 'user' | 'none';
  contractId: number | null;
  verdict: DeductionVerdict;
  manufacturerFen: number;
  distributorFen: number;
  disputed: boolean;
  /** why, as a message (stored with the check) */
  reason: Message;
}

/** 扣费分类: the fee type of a deduction line — the user's, a saved rule for the KA, else the wording table. */
function classify(book: Book, line: DeductionLine): { feeType: string | null; by: DeductionSplit['classifiedBy'] } {
  if (line.fee_type) return { feeType: line.fee_type, by: 'user' };
  const text = line.fee_text ?? '';
  const rule = feeRule(book, line.ka_code ?? '', text);
  if (rule) return { feeType: rule, by: 'rule' };
  const found = feeTypeOfWording(text);
  return found ? { feeType: found, by: 'synonym' } : { feeType: null, by: 'none' };
}

/**
 * Checks one deduction against the contract in force on its date and splits it between manufacturer and
 * distributor by the contract's responsibility (the manufacturer's share rounded half-up to the fen, the
 * distributor bearing the rest). Unknown fees, fees the contract does not allow and fees above its limits are
 * disputed with the KA: nobody's share until resolved.
 */
export function checkDeduction(book: Book, line: DeductionLine, termsOf: (contractId: number) => FeeTermRow[], forcedType?: string): DeductionSplit {
  const { feeType, by } = forcedType ? { feeType: forcedType, by: 'user' as const } : classify(book, line);
  const amount = line.amount_fen;
  const disputed = (verdict: DeductionVerdict, reason: Message, contractId: number | null): DeductionSplit =>
    ({ feeType, classifiedBy: by, contractId, verdict, manufacturerFen: 0, distributorFen: 0, disputed: true, reason });
  if (!feeType) return disputed('unknown', { code: 'deduction.unknown-wording', params: { wording: line.fee_text ?? '' } }, null);
  const contract = line.manufacturer_id && line.ka_account_id
    ? contractOn(book, line.manufacturer_id, line.ka_account_id, line.doc_date) : undefined;
  if (!contract) {
    return { feeType, classifiedBy: by, contractId: null, verdict: 'no_contract', manufacturerFen: 0, distributorFen: amount, disputed: false,
      reason: { code: 'deduction.no-contract' } };
  }
  const term = termsOf(contract.id).find((t) => t.fee_type === feeType);
  if (!term || !term.allowed) return disputed('not_allowed', { code: 'deduction.not-allowed', params: { contract: contract.code, feeType } }, contract.id);
  if (term.max_amount_fen !== null && amount > term.max_amount_fen) {
    return disputed('over_contract', { code: 'deduction.over-amount', params: { amount, max: term.max_amount_fen, contract: contract.code, feeType } }, contract.id);
  }
  if (term.max_points_ppm !== null && line.store_id) {
    const limit = applyRate(storeMonthSales(book, line.store_id, line.period), term.max_points_ppm);
    if (amount > limit) {
      return disputed('over_contract', { code: 'deduction.over-points', params: { amount, rate: term.max_points_ppm, limit } }, contract.id);
    }
  }
  const manufacturerFen = applyRate(amount, term.manufacturer_share_ppm);
  return {
    feeType, classifiedBy: by, contractId: contract.id, verdict: 'ok', manufacturerFen, distributorFen: amount - manufacturerFen, disputed: false,
    reason: { code: 'deduction.ok', params: { contract: contract.code, share: term.manufacturer_share_ppm } },
  };
}

/** Classifies and checks every deduction line of the period; lines already claimed keep their result. */
export function classifyPeriodDeductions(book: Book, period: string, kaAccountId: number | null): number {
  const terms = new Map<number, FeeTermRow[]>();
  const termsOf = (id: number) => {
    let t = terms.get(id);
    if (!t) {
      t = contractTerms(book, id).feeTerms;
      terms.set(id, t);
    }
    return t;
  };
  let n = 0;
  for (const line of deductionLines(book, period, kaAccountId)) {
    const previous = deductionCheck(book, line.line_id);
    if (line.claimed && previous) continue;
    // A user's classification stands until the user changes it.
    const s = checkDeduction(book, line, termsOf, previous?.classified_by === 'user' ? previous.fee_type ?? undefined : undefined);
    saveDeductionCheck(book, {
      line_id: line.line_id, period: line.period, ka_account_id: line.ka_account_id, fee_type: s.feeType, classified_by: s.classifiedBy,
      contract_id: s.contractId, verdict: s.verdict, manufacturer_fen: s.manufacturerFen, distributor_fen: s.distributorFen,
      disputed: s.disputed ? 1 : 0, reason: storedMessage(s.reason),
    });
    n++;
  }
  // Reversed deductions (红字) answer here: see core/corrections.
  return n + answerReversedDeductions(book, period, kaAccountId);
}
