/** Why a delivery or receipt line ended in its status (stored with each result as code and figures). */
export const matchZh = {
  'match.no-receipt': '没有订单 {{order}} 的验收单，{{window}} 天内按门店和商品也没有找到',
  'match.no-receipt-no-order': '送货单没有订单号，{{window}} 天内按门店和商品也没有找到验收单',
  'match.short': '验收 {{received, qty}}，送货 {{delivered, qty}}',
  'match.over': '验收 {{received, qty}}，多于送货的 {{delivered, qty}}',
  'match.price-received': '验收单价 ¥{{received, price}}，送货单价 ¥{{delivered, price}}',
  'match.price-contract': '送货单价 ¥{{delivered, price}}，合同价 ¥{{contract, price}}',
  'match.by-order': '按订单号匹配',
  'match.by-nearest': '按门店、商品和日期匹配',
  'match.receipt-by-order': '按订单 {{order}} 匹配',
  'match.unexpected': '订单 {{order}} 没有给该门店送过这个商品，之前 {{window}} 天内也没有',
  'match.unexpected-no-order': '验收单没有订单号，之前 {{window}} 天内也没有给该门店送过这个商品',
} as const;
