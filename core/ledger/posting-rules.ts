import { UserError } from '../errors.js';
import type { Fen } from '../money/units.js';
import type { DocumentKind } from './document-kinds.js';

/** Accounts of the chart (db/migrations/0003-ledger.sql). */
export type Account =
  | 'ar_ka' | 'ar_manufacturer' | 'bank' | 'goods_credit' | 'ap_manufacturer' | 'deductions_pending'
  | 'claims_manufacturer' | 'rebate_payable_ka' | 'sales' | 'sales_returns' | 'manufacturer_income'
  | 'fee_expense' | 'rebate_expense' | 'adjustment';

/** One side of a posting: debit positive, credit negative. `openItem` marks it as something to be cleared. */
export interface Leg {
  account: Account;
  amount: Fen;
  openItem?: boolean;
}

export interface PostingInput {
  kind: DocumentKind;
  total: Fen;
  method?: string | null;
  /** only for adjustments and rebate accruals, where the accounts are the caller's choice */
  legs?: Leg[];
}

function pair(debit: Account, credit: Account, total: Fen, open: { debit?: boolean; credit?: boolean }): Leg[] {
  return [
    { account: debit, amount: total, openItem: open.debit ?? false },
    { account: credit, amount: -total, openItem: open.credit ?? false },
  ];
}

/**
 * What each kind of document posts. Deliveries and KA statements post nothing: goods only become a receivable
 * when the store accepts them (the receiving record), and a KA statement is the KA's claim, compared with the
 * ledger but not booked. Every other kind posts two or more legs that sum to zero.
 */
export function postingLegs(input: PostingInput): Leg[] {
  const t = input.total;
  switch (input.kind) {
    case 'delivery':
    case 'statement':
      return [];
    case 'receipt':
      return pair('ar_ka', 'sales', t, { debit: true });
    case 'return':
      return pair('sales_returns', 'ar_ka', t, { credit: true });
    case 'deduction':
      return pair('deductions_pending', 'ar_ka', t, { credit: true });
    case 'remittance':
      if (input.method === 'central') {
        return pair('ar_manufacturer', 'ar_ka', t, { debit: true, credit: true });
      }
      return pair('bank', 'ar_ka', t, { credit: true });
    case 'fee_claim':
      return pair('claims_manufacturer', 'deductions_pending', t, { debit: true });
    case 'manufacturer_credit': {
      // 货款转移: the manufacturer passes on what a centrally settling KA paid it.
      if (input.method === 'transfer') return pair('bank', 'ar_manufacturer', t, { credit: true });
      const debit: Account = input.method === 'goods' ? 'goods_credit' : input.method === 'invoice_discount' ? 'ap_manufacturer' : 'bank';
      return pair(debit, 'claims_manufacturer', t, { credit: true });
    }
    case 'delivery_cost_claim':
    case 'price_protection_claim':
      return pair('claims_manufacturer', 'manufacturer_income', t, { debit: true });
    case 'rebate_accrual':
    case 'adjustment': {
      const legs = input.legs ?? [];
      if (legs.length < 2) throw new UserError('ledger.posting-legs', { kind: input.kind });
      return legs;
    }
  }
}
