import type { matchZh } from '../zh/match.js';

export const matchEn: Record<keyof typeof matchZh, string> = {
  'match.no-receipt': 'no receiving record for order {{order}}, nor one within {{window}} days by store and product',
  'match.no-receipt-no-order': 'the delivery has no order number, and no receiving record within {{window}} days by store and product',
  'match.short': 'received {{received, qty}} of {{delivered, qty}} delivered',
  'match.over': 'received {{received, qty}}, more than the {{delivered, qty}} delivered',
  'match.price-received': 'received at ¥{{received, price}}, delivered at ¥{{delivered, price}}',
  'match.price-contract': 'delivered at ¥{{delivered, price}}, contract price ¥{{contract, price}}',
  'match.by-order': 'matched by order number',
  'match.by-nearest': 'matched by store, product and date',
  'match.receipt-by-order': 'matched by order {{order}}',
  'match.unexpected': 'no delivery of this product to this store under order {{order}}, nor within {{window}} days before',
  'match.unexpected-no-order': 'the receipt has no order number, and no delivery of this product to this store within {{window}} days before',
} as const;
