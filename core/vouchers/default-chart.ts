import type { AccountMapping } from './voucher-types.js';

/**
 * What each ka-settle account usually is in the chart of accounts of 企业会计准则 (the common chart of 金蝶 and
 * 用友 books): a proposal the user confirms, never applied without being asked. Sub-accounts are numbered the
 * 4-2 way (122101); when the company's own chart is imported, a proposed code it lacks is looked for among the
 * parent's sub-accounts by the keywords. Accounts sharing a code share its 核算项目, as the GL requires.
 */
export interface Proposal extends AccountMapping {
  /** words a sub-account's name carries when it is the one meant (matched against the imported chart) */
  keywords: string[];
}

const p = (glCode: string, glName: string, aux: Partial<Pick<AccountMapping, 'auxCustomer' | 'auxSupplier' | 'auxDepartment'>> = {}, keywords: string[] = []): Proposal => ({
  glCode, glName, auxCustomer: aux.auxCustomer ?? 'none', auxSupplier: aux.auxSupplier ?? false, auxDepartment: aux.auxDepartment ?? false, keywords,
});

export const CAS_PROPOSALS: Record<string, Proposal> = {
  ar_ka: p('1122', '应收账款', { auxCustomer: 'ka' }),
  ar_manufacturer: p('122101', '其他应收款-厂家代收货款', { auxSupplier: true }, ['代收', '货款']),
  claims_manufacturer: p('122102', '其他应收款-厂家费用', { auxSupplier: true }, ['厂家', '费用', '补贴']),
  deductions_pending: p('122103', '其他应收款-待分摊扣费', { auxCustomer: 'ka' }, ['扣费', '扣款', '待分摊']),
  bank: p('1002', '银行存款'),
  goods_credit: p('1405', '库存商品'),
  ap_manufacturer: p('2202', '应付账款', { auxSupplier: true }),
  rebate_payable_ka: p('2241', '其他应付款', { auxCustomer: 'ka' }, ['返利']),
  sales: p('6001', '主营业务收入'),
  // 企业会计准则 has no returns account: a return takes back revenue.
  sales_returns: p('6001', '主营业务收入'),
  manufacturer_income: p('6051', '其他业务收入', {}, ['返利', '补贴']),
  fee_expense: p('6601', '销售费用', {}, ['进场', '费用', 'KA']),
  rebate_expense: p('6601', '销售费用', {}, ['返利']),
  // The VAT accounts, for when the ledger posts output and input tax (发票, issue 19).
  vat_output: p('22210105', '应交税费-应交增值税(销项税额)', {}, ['销项']),
  vat_input: p('22210101', '应交税费-应交增值税(进项税额)', {}, ['进项']),
};
