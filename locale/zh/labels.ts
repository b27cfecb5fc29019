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
    festival: '节庆费', promo_service: '促销服务费', info_service: '信息服务费', shrinkage: '损耗', rebate: '返利', penalty: '罚款', other: '其他',
  },
  verdicts: { ok: '符合合同', unknown: '无法识别', not_allowed: '合同不允许', over_contract: '超出合同', no_contract: '无合同' },
  claimStatus: { draft: '草稿', submitted: '已提交', approved: '已批准', written_off: '已核销', rejected: '已拒绝' },
  status: { matched: '已匹配', short: '短收', over: '多收', price_diff: '价差', receipt_missing: '未验收', unexpected: '无送货' },
  decision: { confirmed: '已确认', overridden: '已改判', annotated: '已备注' },
  periodStatus: { open: '未结', prepared: '已编制', reviewed: '已复核', closed: '已结账' },
  statementStatus: { draft: '草稿', prepared: '已编制', reviewed: '已复核', approved: '已审批', superseded: '已作废' },
  roles: { accountant: '会计', credit_controller: '信用主管', manager: '经理', admin: '管理员' },
  permissions: {
    import: '导入文件', 'master-data': '修改主数据', reconcile: '对账与判定', accrue: '计提', 'claims.submit': '提交费用申请', 'claims.approve': '批准费用申请',
    'claims.reject': '拒绝费用申请', 'claims.write-off': '核销费用申请', 'claims.attach': '附加凭据', 'credit.limit': '设置授信额度', 'credit.hold': '解除信用冻结',
    'credit.follow-up': '记录催款跟进', settings: '修改设置', users: '管理用户', 'backup.restore': '从备份恢复', 'close.accept': '接受结账例外',
    'close.prepare': '编制', 'close.review': '复核', 'close.approve': '审批', 'close.reopen': '反结账', 'statement.confirm': '记录回签', vouchers: '凭证与科目映射', corrections: '更正（冲销、替换、撤销导入、重新核销）', password: '修改密码',
  },
  signOffSteps: { prepare: '编制', review: '复核', approve: '审批' },
  sessionProblems: { unknown: '不认识的会话', expired: '已过期', revoked: '已撤销', 'user-disabled': '用户已停用' },
  userActions: { disable: '停用', enable: '启用', 'reset-password': '重设密码', 'change-role': '更改角色' },
  userRelations: { created: '创建', enabled: '启用', password_set: '设置密码' },
  schemaObjects: { table: '表', index: '索引', trigger: '触发器', view: '视图' },
  storeReadings: {
    code: '门店编号', 'code-and-name': '编号+名称', 'code-without-prefix': '编号（去掉前缀）', 'code-without-zeros': '编号（去掉前导零）',
    name: '门店名称', 'customer-code': 'ERP 客户编码', 'heading-row': '上方门店标题行', chain: '全系统（无门店）',
  },
  dateStyles: {
    ymd: '年-月-日', compact: 'yyyymmdd', cjk: 'yyyy年m月d日', mdy: '月/日/年', dmy: '日/月/年', serial: 'Excel 序列号',
    'date-cell': '日期单元格',
  },
  mappingBases: {
    explicit: '手工指定', saved: '已保存的映射', heading: '按列名', values: '按列中的值', 'heading-and-values': '按列名和值',
  },
  importFields: {
    code: '编码', name: '名称', manufacturerCode: '厂家编码', distributorCode: '经销商编码', kaCode: 'KA 系统', paymentTermsDays: '账期天数',
    contact: '联系人', phone: '电话', region: '区域', city: '城市', storeCode: '门店', storeName: '门店名称', erpCustomerCode: 'ERP 客户编码',
    openedOn: '开店日期', sku: '商品编码', barcode: '条码', kaItemCode: 'KA 商品编码', productName: '商品名称', spec: '规格', casePack: '箱规',
    vatRate: '税率', price: '单价', validFrom: '生效日期', validTo: '失效日期', docNo: '单据号', date: '日期', orderNo: '订单号（PO）',
    qty: '数量', amount: '金额', memo: '备注', reference: '参考单号', documentType: '单据类型', feeText: '费用名称', method: '方式',
    kind: '类型', startDate: '开始日期', endDate: '结束日期', normalPrice: '正常供价', promoPrice: '促销供价', stores: '参加门店',
  },
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
