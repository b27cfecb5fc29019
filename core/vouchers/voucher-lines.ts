import type { PendingEntryRow } from '../../db/queries/vouchers.js';
import type { AuxDimension } from '../../vocabulary/index.js';
import { UserError } from '../errors.js';
import type { AuxCodes } from './aux-items.js';
import type { AccountMapping, AuxItem, Side, VoucherLine } from './voucher-types.js';

/**
 * The side and amount of an entry on a voucher. An entry's sign says its side (debit positive). A reversal (红字冲销)
 * keeps the original's side and shows the amount negative, as Chinese vouchers correct: the turnover of the
 * original is taken back, not doubled on the other side. Either way debit minus credit is the entry's amount.
 */
export function sideOf(amount: number, reversal: boolean): { side: Side; amount: number } {
  const original = reversal ? -amount : amount;
  const side: Side = original > 0 ? 'debit' : 'credit';
  return { side, amount: reversal ? -Math.abs(amount) : Math.abs(amount) };
}

function customerOf(e: PendingEntryRow, mapping: AccountMapping, codes: AuxCodes): AuxItem | undefined {
  // A line with no store (a remittance for the whole KA) takes the KA as customer, so it still has one.
  if (mapping.auxCustomer === 'store' && e.store_id !== null) {
    return codes.item('store', e.store_id, `${e.ka_code ?? ''}-${e.store_code ?? ''}`, e.store_name ?? '');
  }
  if (mapping.auxCustomer !== 'none' && e.ka_account_id !== null) return codes.item('ka', e.ka_account_id, e.ka_code ?? '', e.ka_name ?? '');
  return undefined;
}

function missing(e: PendingEntryRow, mapping: AccountMapping, dimension: AuxDimension): UserError {
  return new UserError('vouchers.aux-missing', { kind: e.kind, docNo: e.doc_no, account: e.account, code: mapping.glCode, dimension });
}

/** The 核算项目 of a line, as the account's mapping asks for them; a line that cannot supply one stops the export. */
export function auxOf(e: PendingEntryRow, mapping: AccountMapping, codes: AuxCodes): VoucherLine['aux'] {
  const aux: VoucherLine['aux'] = {};
  if (mapping.auxCustomer !== 'none') {
    const customer = customerOf(e, mapping, codes);
    if (!customer) throw missing(e, mapping, 'customer');
    aux.customer = customer;
  }
  if (mapping.auxSupplier) {
    if (e.manufacturer_id === null) throw missing(e, mapping, 'supplier');
    aux.supplier = codes.item('manufacturer', e.manufacturer_id, e.manufacturer_code ?? '', e.manufacturer_name ?? '');
  }
  if (mapping.auxDepartment) {
    if (e.distributor_id === null) throw missing(e, mapping, 'department');
    aux.department = codes.item('distributor', e.distributor_id, e.distributor_code ?? '', e.distributor_name ?? '');
  }
  return aux;
}

export function lineOf(e: PendingEntryRow, reversal: boolean, mapping: AccountMapping, codes: AuxCodes, summary: string): VoucherLine {
  const { side, amount } = sideOf(e.amount_fen, reversal);
  return { account: e.account, glCode: mapping.glCode, glName: mapping.glName, summary, side, amount, aux: auxOf(e, mapping, codes) };
}
