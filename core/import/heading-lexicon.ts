/**
 * The parts column headings are made of, by what they mean. A heading is read as the parts it contains —
 * 实收 + 数量, 客户 + 编码, 含税 + 单价, Store + Nbr — so headings no list has seen (收货金额, 购货单位编号, PO Nbr,
 * 验收量) are understood from their parts, the way an accountant reads them. Longer parts win over the shorter parts
 * inside them (价税合计 is an amount, not a price; 购货单位 a customer, not a unit of measure).
 */
export const CONCEPTS = [
  // what a column is about
  'store', 'customer', 'ka', 'distributor', 'manufacturer', 'vendor', 'product', 'order', 'doc', 'deliveryDoc', 'receiptDoc',
  'returnDoc', 'statementDoc', 'deductionDoc', 'paymentDoc', 'creditDoc', 'invoice', 'fee', 'promotion', 'region', 'city',
  'uom', 'warehouse', 'person', 'dept', 'brand', 'category',
  // what of it
  'code', 'name', 'date', 'qty', 'price', 'amount', 'total', 'barcode', 'rate', 'spec', 'pack', 'memo', 'reason', 'method', 'type',
  'contact', 'phone', 'terms', 'rowNo', 'status', 'batch', 'reference',
  // which one
  'received', 'shipped', 'ordered', 'returned', 'taxIncl', 'taxExcl', 'tax', 'discount', 'afterDiscount', 'retail', 'cost',
  'case', 'external', 'own', 'start', 'end', 'opened', 'produced', 'expiry', 'making', 'approval', 'posting', 'payment',
  'deduction', 'normal', 'promo', 'participating', 'erp', 'gift', 'anniversary', 'due', 'balance', 'paid',
] as const;
export type Concept = (typeof CONCEPTS)[number];

/** Chinese parts (matched longest first inside the heading) and English words or phrases (matched whole). */
export const LEXICON: Record<string, Concept[]> = {
  // stores and customers
  门店: ['store'], 店铺: ['store'], 分店: ['store'], 店: ['store'], 商场: ['store'], 网点: ['store'], 门市: ['store'],
  店号: ['store', 'code'], 店名: ['store', 'name'], 店码: ['store', 'code'], 店编: ['store', 'code'],
  客户: ['customer'], 购货单位: ['customer'], 购买单位: ['customer'], 收货单位: ['customer'], 往来单位: ['customer'],
  客户单位: ['customer'], 结算单位: ['customer'], 开票单位: ['customer'], 客商: ['customer'], 购方: ['customer'],
  售达方: ['customer'], 送达方: ['customer'], 收货方: ['customer'], 购货方: ['customer'], 单位名称: ['customer', 'name'],
  店庆: ['anniversary'],
  系统: ['ka'], 渠道: ['ka'], 卖场: ['ka'], 连锁: ['ka'],
  经销商: ['distributor'], 配送商: ['distributor'], 供应商: ['vendor'], 供货商: ['vendor'], 厂家: ['manufacturer'], 厂商: ['manufacturer'],
  生产商: ['manufacturer'], 品牌: ['brand'], 类别: ['category'], 品类: ['category'], 分类: ['category'], 大类: ['category'],
  // products
  商品: ['product'], 产品: ['product'], 存货: ['product'], 物料: ['product'], 货品: ['product'], 货物: ['product'], 品项: ['product'],
  单品: ['product'], 品: ['product'], 货号: ['product', 'code'], 料号: ['product', 'code'], 品号: ['product', 'code'],
  品名: ['product', 'name'], 条码: ['barcode'], 条形码: ['barcode'], 国际条码: ['barcode'], 国条: ['barcode'], 国际码: ['barcode'],
  '69码': ['barcode'], 规格: ['spec'], 型号: ['spec'], 包装规格: ['spec'], 箱规: ['pack'], 装箱数: ['pack'], 箱入数: ['pack'],
  每箱: ['pack'], 包装数: ['pack'], 箱: ['case'], 件数: ['qty', 'case'], 箱数: ['qty', 'case'], 辅: ['case'], 辅计量: ['case', 'uom'],
  单位: ['uom'], 计量单位: ['uom'], 主计量: ['uom'], 赠品: ['gift'],
  // documents
  单据: ['doc'], 单: ['doc'], 凭证: ['doc'], 票据: ['doc'], 单号: ['doc', 'code'],
  订单: ['order'], 采购单: ['order'], 采购订单: ['order'], 订货单: ['order'], 要货单: ['order'], 销售订单: ['order', 'own'],
  送货单: ['deliveryDoc'], 发货单: ['deliveryDoc'], 出库单: ['deliveryDoc'], 配送单: ['deliveryDoc'], 销售单: ['deliveryDoc'],
  销货单: ['deliveryDoc'], 销售出库单: ['deliveryDoc'],
  验收单: ['receiptDoc'], 收货单: ['receiptDoc'], 入库单: ['receiptDoc'], 进货单: ['receiptDoc'], 验收单据: ['receiptDoc'],
  // SAP's material document (物料凭证) is the goods receipt of a KA running SAP (永辉).
  物料凭证: ['receiptDoc', 'code'],
  退货单: ['returnDoc'], 退单: ['returnDoc'], 退货: ['returned'], 退: ['returned'],
  对账单: ['statementDoc'], 结算单: ['statementDoc'], 账单: ['statementDoc'],
  扣款单: ['deductionDoc'], 扣费单: ['deductionDoc'], 费用单: ['deductionDoc'], 扣款: ['deduction'], 扣费: ['deduction'], 扣项: ['deduction', 'fee'],
  付款单: ['paymentDoc'], 回款单: ['paymentDoc'], 收款单: ['paymentDoc'], 付款凭证: ['paymentDoc'], 核销单: ['creditDoc'], 兑付单: ['creditDoc'],
  付款: ['payment'], 回款: ['payment'], 到账: ['payment'], 实付: ['payment', 'paid'], 收款: ['payment'], 汇款: ['payment'], 支付: ['payment'],
  已付: ['paid'], 发票: ['invoice'], 费用: ['fee'], 费项: ['fee'], 项目: ['fee'], 费用项目: ['fee'], 扣款项目: ['fee', 'deduction'],
  促销: ['promo'], 活动: ['promo'], 档期: ['promo'], 特价: ['promo', 'price'], 正常: ['normal'], 原价: ['normal', 'price'], 原: ['normal'],
  参加: ['participating'], 执行: ['participating'],
  // which quantity, price or amount
  数量: ['qty'], 数: ['qty'], 量: ['qty'], 只数: ['qty'], 个数: ['qty'], 支数: ['qty'],
  单价: ['price'], 价格: ['price'], 价: ['price'], 进价: ['price', 'cost'], 供价: ['price'], 供货价: ['price'], 售价: ['price', 'retail'],
  零售价: ['price', 'retail'], 零售: ['retail'], 牌价: ['price', 'retail'], 成本: ['cost'], 进货: ['received'],
  金额: ['amount'], 额: ['amount'], 总额: ['amount', 'total'], 总价: ['amount', 'total'], 货款: ['amount'], 价税合计: ['amount', 'taxIncl'],
  合计: ['total'], 总计: ['total'], 小计: ['total'], 总: ['total'], 余额: ['balance'],
  含税: ['taxIncl'], 不含税: ['taxExcl'], 无税: ['taxExcl'], 未税: ['taxExcl'], 税前: ['taxExcl'], 税后: ['taxIncl'], 税: ['tax'],
  税额: ['tax'], 税金: ['tax'], 税率: ['rate', 'tax'], 扣率: ['rate', 'discount'], 折扣: ['discount'], 折让: ['discount'], 优惠: ['discount'],
  折扣额: ['discount'], 折后: ['afterDiscount'],
  实收: ['received'], 实到: ['received'], 验收: ['received'], 收货: ['received'], 入库: ['received'], 签收: ['received'], 到货: ['received'],
  实发: ['shipped'], 发货: ['shipped'], 出库: ['shipped'], 送货: ['shipped'], 配送: ['shipped'], 发出: ['shipped'], 销售: ['shipped'],
  订货: ['ordered'], 采购: ['ordered'], 要货: ['ordered'], 订购: ['ordered'], 应收: ['ordered'], 应发: ['ordered'], 计划: ['ordered'],
  外部: ['external'], 对方: ['external'], 自编: ['own'], 内部: ['own'], 本方: ['own'],
  // dates
  日期: ['date'], 时间: ['date'], 日: ['date'], 过账: ['posting'], 记账: ['posting'], 制单: ['making'], 审核: ['approval'],
  生产: ['produced'], 有效期: ['expiry'], 保质期: ['expiry'], 到期: ['due'], 开业: ['opened'], 开店: ['opened'],
  开始: ['start'], 起始: ['start'], 起: ['start'], 生效: ['start'], 结束: ['end'], 截止: ['end'], 失效: ['end'], 至: ['end'], 止: ['end'],
  // codes, names and the rest
  编码: ['code'], 编号: ['code'], 代码: ['code'], 号码: ['code'], 号: ['code'], 码: ['code'], 代号: ['code'], 识别码: ['code'],
  名称: ['name'], 名: ['name'], 全名: ['name'], 简称: ['name'], 描述: ['name'],
  备注: ['memo'], 说明: ['memo'], 摘要: ['memo'], 附注: ['memo'], 附加说明: ['memo'], 原因: ['reason'], 事由: ['reason'],
  方式: ['method'], 结算方式: ['method'], 类型: ['type'], 单据类型: ['doc', 'type'], 性质: ['type'],
  参考: ['reference'], 关联: ['reference'], 原单: ['reference'], 来源: ['reference'], 源单: ['reference'], 对应: ['reference'], 引用: ['reference'],
  联系人: ['contact'], 电话: ['phone'], 手机: ['phone'], 区域: ['region'], 大区: ['region'], 地区: ['region'], 片区: ['region'],
  城市: ['city'], 账期: ['terms'], 付款天数: ['terms'], 序号: ['rowNo'], 行号: ['rowNo'], 状态: ['status'], 批号: ['batch'], 批次: ['batch'],
  仓库: ['warehouse'], 库位: ['warehouse'], 业务员: ['person'], 经手人: ['person'], 制单人: ['person', 'making'], 审核人: ['person', 'approval'],
  部门: ['dept'], 销售部门: ['dept'],
  // English words and phrases
  store: ['store'], site: ['store'], shop: ['store'], outlet: ['store'], branch: ['store'], location: ['store'], loc: ['store'],
  customer: ['customer'], cust: ['customer'], buyer: ['customer'], client: ['customer'], 'sold to': ['customer'], 'ship to': ['customer'],
  ka: ['ka'], banner: ['ka'], chain: ['ka'], distributor: ['distributor'], vendor: ['vendor'], supplier: ['vendor'],
  manufacturer: ['manufacturer'], brand: ['brand'], category: ['category'], dept: ['dept'], department: ['dept'],
  item: ['product'], article: ['product'], material: ['product'], product: ['product'], goods: ['product'], prod: ['product'],
  sku: ['product', 'code'], upc: ['barcode'], ean: ['barcode'], ean13: ['barcode'], gtin: ['barcode'], barcode: ['barcode'],
  description: ['name'], desc: ['name'], name: ['name'],
  nbr: ['code'], no: ['code'], num: ['code'], number: ['code'], code: ['code'], id: ['code'], '#': ['code'],
  date: ['date'], dt: ['date'], day: ['date'], time: ['date'],
  qty: ['qty'], quantity: ['qty'], units: ['qty'], pcs: ['qty'], cases: ['qty', 'case'], case: ['case'], ctn: ['case'], carton: ['case'],
  'case pack': ['pack'], 'pack size': ['pack'], pack: ['pack'],
  price: ['price'], cost: ['price', 'cost'], 'unit cost': ['price', 'cost'], 'unit price': ['price'], 'cost price': ['price', 'cost'],
  retail: ['retail'], 'sell price': ['price', 'retail'], unit: ['uom'], uom: ['uom'],
  amount: ['amount'], amt: ['amount'], value: ['amount'], 'value date': ['date', 'payment'], 'extended cost': ['amount'], 'ext cost': ['amount'], extended: ['amount'],
  total: ['total'], sum: ['total'], gross: ['taxIncl'], net: ['taxExcl'], vat: ['tax'], tax: ['tax'], rate: ['rate'], discount: ['discount'],
  received: ['received'], receiving: ['received'], recv: ['received'], rcv: ['received'], rec: ['received'], gr: ['received'],
  grn: ['receiptDoc'], receipt: ['receiptDoc'], delivered: ['shipped'], shipped: ['shipped'], ship: ['shipped'], shipment: ['deliveryDoc'],
  delivery: ['deliveryDoc'], dn: ['deliveryDoc'], ordered: ['ordered'], order: ['order'], po: ['order'], 'purchase order': ['order'],
  return: ['returned'], returned: ['returned'], rtv: ['returnDoc'], invoice: ['invoice'], inv: ['invoice'],
  check: ['paymentDoc'], cheque: ['paymentDoc'], remittance: ['paymentDoc'], payment: ['payment'], paid: ['payment', 'paid'], pay: ['payment'],
  deduction: ['deduction'], debit: ['deduction'], 'debit note': ['deductionDoc'], fee: ['fee'], charge: ['fee'], statement: ['statementDoc'],
  memo: ['memo'], remark: ['memo'], remarks: ['memo'], note: ['memo'], notes: ['memo'], comment: ['memo'], comments: ['memo'], reason: ['reason'],
  method: ['method'], type: ['type'], status: ['status'], ref: ['reference'], reference: ['reference'], source: ['reference'],
  doc: ['doc'], document: ['doc'], voucher: ['doc'], bill: ['doc'], line: ['rowNo'], seq: ['rowNo'],
  region: ['region'], area: ['region'], city: ['city'], contact: ['contact'], phone: ['phone'], tel: ['phone'], terms: ['terms'],
  promotion: ['promo'], promo: ['promo'], start: ['start'], from: ['start'], begin: ['start'], end: ['end'], to: ['end'], expiry: ['expiry'],
  valid: ['start'], effective: ['start'], opening: ['opened'], opened: ['opened'], due: ['due'], erp: ['erp'], own: ['own'], external: ['external'],
};
