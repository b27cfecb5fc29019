import type { LabelGroups } from '../label-groups.js';

/** Every vocabulary value in words (vocabulary/ holds the lists; test/vocabulary keeps the two in step). */
export const labelsZh = {
  docKinds: {
    delivery: '送货单', receipt: '验收单', return: '退货单', statement: 'KA 对账单', deduction: '扣款单', remittance: '回款',
    fee_claim: '费用申请', manufacturer_credit: '厂家核销', rebate_accrual: '返利计提', delivery_cost_claim: '配送补贴申请',
    price_protection_claim: '补差申请', adjustment: '调整',
  },
  deductionMethods: { account: '账扣', invoice: '票扣' },
  remittanceMethods: { direct: '直营结算', central: '总部结算' },
  creditMethods: { cash: '现金', goods: '货补', invoice_discount: '票折', transfer: '货款转移' },
  feeTypes: {
    entry: '进场费', barcode: '条码费/新品费', display: '堆头费', end_cap: '端架费', dm: 'DM/海报费', anniversary: '店庆费',
    festival: '节庆费', promo_service: '促销服务费', info_service: '信息服务费', shrinkage: '损耗', rebate: '返利', other: '其他',
  },
  verdicts: { ok: '符合合同', unknown: '无法识别', not_allowed: '合同不允许', over_contract: '超出合同', no_contract: '无合同' },
  claimStatus: { draft: '草稿', submitted: '已提交', approved: '已批准', written_off: '已核销', rejected: '已拒绝' },
  status: { matched: '已匹配', short: '短收', over: '多收', price_diff: '价差', receipt_missing: '未验收', unexpected: '无送货' },
  decision: { confirmed: '已确认', overridden: '已改判', annotated: '已备注' },
  periodStatus: { open: '未结', prepared: '已编制', reviewed: '已复核', closed: '已结账' },
  statementStatus: { draft: '草稿', prepared: '已编制', reviewed: '已复核', approved: '已审批', superseded: '已作废' },
  roles: { accountant: '会计', credit_controller: '信用主管', manager: '经理', admin: '管理员' },
  hqRoles: { credit_controller: '信用主管', ka_manager: 'KA 经理', admin: '管理员' },
  hqClaimStates: { pending: '待审', proposed: '待复核', approved: '已批准', rejected: '已驳回', credited: '已核销下发', withdrawn: '已撤回', settled: '账套已结' },
  hqProposals: { approve: '批准', reject: '驳回' },
  hqAuditBreakdowns: { ka: '按系统', store: '按门店', product: '按单品' },
  importKinds: {
    manufacturers: '厂家', distributors: '经销商', 'ka-accounts': 'KA 系统', stores: '门店', products: '商品', prices: '合同价',
    contracts: '合同', promotions: '促销', deliveries: '送货单', receipts: '验收单', returns: '退货单', statements: 'KA 对账单',
    deductions: '扣款单', remittances: '回款单', 'manufacturer-credits': '厂家核销单',
  },
  voucherGroupings: { document: '每张单据一张凭证', day_kind: '按日期和单据类型汇总' },
  voucherFormats: { kingdee: '金蝶', yonyou: '用友', csv: 'CSV' },
  auxDimensions: { customer: '客户', supplier: '供应商', department: '部门' },
  customerSources: { none: '不核算', ka: 'KA 系统', store: '门店' },
  auxParties: { ka: 'KA 系统', store: '门店', manufacturer: '厂家', distributor: '经销商' },
  mappingStates: { confirmed: '已确认', proposed: '建议', unmapped: '未对照' },
  cellErrors: {
    ref: '公式引用的单元格已被删除', na: '查找没有找到值（如 VLOOKUP 没有匹配）', value: '公式里的值类型不对', div0: '公式除以了零',
    name: '公式里有无法识别的名称', num: '公式得出的数字无效', null: '公式引用的区域没有交集', spill: '公式结果溢出被挡住',
    calc: '公式无法计算', 'getting-data': '数据还在加载，文件保存时尚未算完', other: '电子表格显示的错误值',
    uncalculated: '公式保存时没有计算结果（文件未重新计算）',
  },
  correctionActions: { reversal: '红字冲销', replacement: '替换', undo: '撤销导入', reinstatement: '重新过账' },
  reallocationModes: { references: '按付款单注明的单据', oldest: '按到期先后', items: '按选定的未清项' },
  lineChanges: { added: '新增', removed: '删除', changed: '修改' },
  diffFields: {
    docDate: '日期', ka: 'KA 系统', distributor: '经销商', store: '门店', orderNo: '订单号', reference: '参考单号', method: '方式',
    sku: '商品', qtyMilli: '数量', priceE4: '单价', amountFen: '金额', feeType: '费用类型', feeText: '费用项目',
  },
} as const satisfies LabelGroups;
