import type { LabelsLike } from '../label-groups.js';
import type { labelsZh } from '../zh/labels.js';

export const labelsEn: LabelsLike<typeof labelsZh> = {
  docKinds: {
    delivery: 'Delivery', receipt: 'Receipt', return: 'Return', statement: 'KA statement', deduction: 'Deduction', remittance: 'Remittance',
    fee_claim: 'Fee claim', manufacturer_credit: 'Manufacturer credit', rebate_accrual: 'Rebate accrual', delivery_cost_claim: 'Delivery-cost claim',
    price_protection_claim: 'Price-protection claim', adjustment: 'Adjustment',
  },
  deductionMethods: { account: 'Taken from payment', invoice: 'Invoice discount' },
  remittanceMethods: { direct: 'Paid to the distributor', central: 'Paid to the manufacturer' },
  creditMethods: { cash: 'Cash', goods: 'Goods', invoice_discount: 'Invoice discount', transfer: 'Transfer of collections' },
  feeTypes: {
    entry: 'Entry fee', barcode: 'Barcode / listing', display: 'Display', end_cap: 'End cap', dm: 'DM / flyer', anniversary: 'Store anniversary',
    festival: 'Festival', promo_service: 'Promotion service', info_service: 'Information service', shrinkage: 'Shrinkage', rebate: 'Rebate', other: 'Other',
  },
  verdicts: { ok: 'Within contract', unknown: 'Unknown', not_allowed: 'Not allowed', over_contract: 'Over contract', no_contract: 'No contract' },
  claimStatus: { draft: 'Draft', submitted: 'Submitted', approved: 'Approved', written_off: 'Written off', rejected: 'Rejected' },
  status: { matched: 'Matched', short: 'Short', over: 'Over', price_diff: 'Price difference', receipt_missing: 'Not received', unexpected: 'No delivery' },
  decision: { confirmed: 'Confirmed', overridden: 'Overridden', annotated: 'Annotated' },
  periodStatus: { open: 'Open', prepared: 'Prepared', reviewed: 'Reviewed', closed: 'Closed' },
  statementStatus: { draft: 'Draft', prepared: 'Prepared', reviewed: 'Reviewed', approved: 'Approved', superseded: 'Superseded' },
  roles: { accountant: 'Accountant', credit_controller: 'Credit controller', manager: 'Manager', admin: 'Admin' },
  hqRoles: { credit_controller: 'Credit controller', ka_manager: 'KA manager', admin: 'Administrator' },
  hqClaimStates: { pending: 'Pending', proposed: 'Awaiting second approval', approved: 'Approved', rejected: 'Rejected', credited: 'Credited', withdrawn: 'Withdrawn', settled: 'Settled in the book' },
  hqProposals: { approve: 'Approve', reject: 'Reject' },
  hqAuditBreakdowns: { ka: 'By KA', store: 'By store', product: 'By product' },
  importKinds: {
    manufacturers: 'Manufacturers', distributors: 'Distributors', 'ka-accounts': 'KA accounts', stores: 'Stores', products: 'Products', prices: 'Contract prices',
    contracts: 'Contracts', promotions: 'Promotions', deliveries: 'Deliveries', receipts: 'Receipts', returns: 'Returns', statements: 'KA statements',
    deductions: 'Deductions', remittances: 'Remittances', 'manufacturer-credits': 'Manufacturer credits',
  },
  voucherGroupings: { document: 'One voucher per document', day_kind: 'Summarised per day and document kind' },
  voucherFormats: { kingdee: 'Kingdee', yonyou: 'Yonyou', csv: 'CSV' },
  auxDimensions: { customer: 'Customer', supplier: 'Supplier', department: 'Department' },
  customerSources: { none: 'Not kept', ka: 'KA account', store: 'Store' },
  auxParties: { ka: 'KA account', store: 'Store', manufacturer: 'Manufacturer', distributor: 'Distributor' },
  mappingStates: { confirmed: 'Confirmed', proposed: 'Proposed', unmapped: 'Not mapped' },
  cellErrors: {
    ref: 'the formula refers to cells that were deleted', na: 'a lookup found no value (such as VLOOKUP without a match)',
    value: 'a value of the wrong type in the formula', div0: 'the formula divides by zero', name: 'the formula uses a name that does not exist',
    num: 'the formula gives an invalid number', null: 'the ranges in the formula do not intersect', spill: 'the formula result is blocked from spilling',
    calc: 'the formula cannot be calculated', 'getting-data': 'data was still loading when the file was saved', other: 'an error value shown by the spreadsheet',
    uncalculated: 'the formula was saved without its result (the file was not recalculated)',
  },
  correctionActions: { reversal: 'Reversal', replacement: 'Replacement', undo: 'Import undone', reinstatement: 'Posted anew' },
  reallocationModes: { references: 'By the remittance’s references', oldest: 'Oldest due first', items: 'To chosen open items' },
  lineChanges: { added: 'Added', removed: 'Removed', changed: 'Changed' },
  diffFields: {
    docDate: 'Date', ka: 'KA account', distributor: 'Distributor', store: 'Store', orderNo: 'Order no.', reference: 'Reference', method: 'Method',
    sku: 'Product', qtyMilli: 'Quantity', priceE4: 'Price', amountFen: 'Amount', feeType: 'Fee type', feeText: 'Fee wording',
  },
};
