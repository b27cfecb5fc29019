import type { Fen } from '../money/units.js';
import type { AuxDimension, CustomerSource } from '../../vocabulary/index.js';

/** 借 or 贷: which column of the voucher a line's amount stands in. */
export type Side = 'debit' | 'credit';

/** A 核算项目 as the GL knows it: its code and name there. */
export interface AuxItem {
  code: string;
  name: string;
}

/** Where a ka-settle account goes in the company's chart, and which 核算项目 its GL keeps on it. */
export interface AccountMapping {
  glCode: string;
  glName: string;
  auxCustomer: CustomerSource;
  auxSupplier: boolean;
  auxDepartment: boolean;
}

/** One line (分录) of a voucher. A negative amount is 红字: it stands on the original's side and takes it back. */
export interface VoucherLine {
  account: string;
  glCode: string;
  glName: string;
  summary: string;
  side: Side;
  amount: Fen;
  aux: Partial<Record<AuxDimension, AuxItem>>;
}

/** A voucher as it is handed to the GL and remembered: numbered, dated in its month, balanced. */
export interface Voucher {
  word: string;
  number: number;
  date: string;
  summary: string;
  preparer: string;
  /** 附单据数: how many documents of the book it carries */
  attachments: number;
  lines: VoucherLine[];
  documentIds: number[];
  documentNos: string[];
}

/** Debit total minus credit total: zero for every voucher this program writes. */
export function imbalance(lines: readonly VoucherLine[]): Fen {
  return lines.reduce((s, l) => s + (l.side === 'debit' ? l.amount : -l.amount), 0);
}

/** The debit column's total (红字 lines count negative). */
export function debitTotal(lines: readonly VoucherLine[]): Fen {
  return lines.reduce((s, l) => s + (l.side === 'debit' ? l.amount : 0), 0);
}
