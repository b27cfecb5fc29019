import type { Concept } from './heading-lexicon.js';
import type { HeadingMeaning } from './heading-meaning.js';
import type { SynonymGroup } from './header-match.js';

/**
 * How a heading's parts make it fit a synonym group. `when` lists alternatives (every concept of one of them must be
 * in the heading); `bonus` raises the fit when a part is there (含税 for a price), `penalty` lowers it, and a penalty
 * of 1 rules the group out (an 订单数量 is never the quantity received).
 */
interface Rule {
  when: Concept[][];
  base: number;
  bonus?: Partial<Record<Concept, number>>;
  penalty?: Partial<Record<Concept, number>>;
}

const OUT = 1;
/** Parts that make a heading a quantity, a price, an amount or a date, never a code or a name. */
const FIGURES = { qty: OUT, price: OUT, amount: OUT, date: OUT, rate: OUT, total: OUT } as const;
const DOC_NUMBER_PENALTY: Rule['penalty'] = {
  ...FIGURES, product: OUT, reference: OUT, order: OUT, type: OUT, method: OUT, invoice: OUT, status: OUT, name: 0.5, external: 0.5,
  store: 0.3, customer: 0.3, person: OUT,
};
const DATE_PENALTY: Rule['penalty'] = {
  produced: OUT, expiry: OUT, opened: OUT, person: OUT, due: 0.4, start: 0.3, end: 0.3, approval: 0.25, making: 0.1, qty: OUT, amount: OUT, price: OUT,
};
const QTY_PENALTY: Rule['penalty'] = {
  ordered: 0.5, order: 0.5, case: 0.35, returned: 0.5, amount: OUT, price: OUT, tax: OUT, pack: OUT, balance: OUT, gift: 0.5, date: OUT, rate: OUT,
};
const AMOUNT_PENALTY: Rule['penalty'] = {
  taxExcl: 0.3, tax: OUT, discount: OUT, retail: 0.6, qty: OUT, ordered: 0.4, order: 0.4, balance: OUT, gift: 0.5, rate: OUT, price: 0.1,
  date: OUT, code: 0.5,
};
const AMOUNT_BONUS: Rule['bonus'] = { taxIncl: 0.2, afterDiscount: 0.1 };
const NAME_OF_SOMETHING: Rule['penalty'] = { code: 0.3, ...FIGURES };

export const HEADING_RULES: Record<SynonymGroup, Rule> = {
  code: { when: [['code']], base: 0.55, penalty: { name: OUT, ...FIGURES, product: 0.25, store: 0.25, customer: 0.25, order: 0.25, doc: 0.25 } },
  name: { when: [['name']], base: 0.55, penalty: { code: OUT, ...FIGURES, product: 0.25, store: 0.25, customer: 0.25 } },
  manufacturerCode: { when: [['manufacturer']], base: 0.75, bonus: { code: 0.1 }, penalty: { name: OUT, ...FIGURES } },
  manufacturerName: { when: [['manufacturer', 'name']], base: 0.8, penalty: NAME_OF_SOMETHING },
  distributorCode: { when: [['distributor']], base: 0.75, bonus: { code: 0.1 }, penalty: { name: OUT, ...FIGURES } },
  distributorName: { when: [['distributor', 'name']], base: 0.8, penalty: NAME_OF_SOMETHING },
  kaCode: { when: [['ka']], base: 0.7, bonus: { code: 0.1 }, penalty: { name: OUT, product: OUT, store: 0.5, ...FIGURES } },
  kaName: { when: [['ka', 'name']], base: 0.8, penalty: { product: OUT, ...NAME_OF_SOMETHING } },
  paymentTermsDays: { when: [['terms']], base: 0.8 },
  storeCode: {
    when: [['store']], base: 0.75, bonus: { code: 0.1 },
    penalty: { name: 0.35, product: OUT, order: OUT, doc: 0.5, promo: OUT, participating: OUT, region: OUT, city: OUT, ...FIGURES },
  },
  storeName: { when: [['store', 'name']], base: 0.8, penalty: { product: OUT, ...NAME_OF_SOMETHING } },
  erpCustomerCode: {
    when: [['customer']], base: 0.75, bonus: { code: 0.1, erp: 0.1 },
    penalty: { name: 0.35, product: OUT, order: OUT, ka: 0.5, doc: 0.5, region: OUT, contact: OUT, phone: OUT, ...FIGURES },
  },
  customerName: { when: [['customer']], base: 0.55, bonus: { name: 0.3 }, penalty: { product: OUT, order: OUT, ...NAME_OF_SOMETHING } },
  region: { when: [['region']], base: 0.8, penalty: { code: 0.3 } },
  city: { when: [['city']], base: 0.8 },
  openedOn: { when: [['opened']], base: 0.8, bonus: { date: 0.1 } },
  sku: {
    when: [['product']], base: 0.7, bonus: { code: 0.15 },
    penalty: {
      name: OUT, barcode: OUT, spec: OUT, pack: OUT, uom: OUT, gift: OUT, category: OUT, brand: OUT, rowNo: OUT, batch: OUT, status: OUT,
      ka: 0.4, customer: 0.4, store: 0.4, vendor: 0.4, case: OUT, ...FIGURES,
    },
  },
  barcode: { when: [['barcode']], base: 0.85, penalty: { qty: OUT, price: OUT, amount: OUT } },
  kaItemCode: {
    when: [['product', 'code', 'ka'], ['product', 'code', 'store'], ['product', 'code', 'customer']], base: 0.75,
    penalty: { name: OUT, barcode: OUT, ...FIGURES },
  },
  productName: { when: [['product', 'name']], base: 0.8, penalty: { code: 0.4, spec: 0.3, ...FIGURES } },
  spec: { when: [['spec']], base: 0.8, penalty: { code: 0.3 } },
  casePack: { when: [['pack']], base: 0.8 },
  vatRate: { when: [['rate']], base: 0.6, bonus: { tax: 0.25 }, penalty: { discount: OUT } },
  price: {
    when: [['price']], base: 0.7, bonus: { taxIncl: 0.2, afterDiscount: 0.1, cost: 0.05 },
    penalty: { taxExcl: 0.3, retail: 0.5, discount: 0.3, normal: 0.2, promo: 0.2, amount: OUT, qty: OUT, total: OUT, date: OUT, ordered: 0.2, tax: 0.1 },
  },
  validFrom: { when: [['start']], base: 0.75, bonus: { date: 0.1 }, penalty: { end: OUT, promo: 0.3 } },
  validTo: { when: [['end']], base: 0.75, bonus: { date: 0.1 }, penalty: { promo: 0.3 } },
  docNo: { when: [['doc']], base: 0.6, bonus: { code: 0.15 }, penalty: DOC_NUMBER_PENALTY },
  deliveryNo: { when: [['deliveryDoc']], base: 0.75, bonus: { code: 0.15 }, penalty: DOC_NUMBER_PENALTY },
  receiptNo: { when: [['receiptDoc'], ['received', 'code'], ['received', 'doc']], base: 0.75, bonus: { code: 0.15 }, penalty: DOC_NUMBER_PENALTY },
  returnNo: { when: [['returnDoc'], ['returned', 'code'], ['returned', 'doc']], base: 0.75, bonus: { code: 0.15 }, penalty: DOC_NUMBER_PENALTY },
  statementNo: { when: [['statementDoc']], base: 0.75, bonus: { code: 0.15 }, penalty: DOC_NUMBER_PENALTY },
  deductionNo: { when: [['deductionDoc'], ['deduction', 'code'], ['deduction', 'doc']], base: 0.75, bonus: { code: 0.15 }, penalty: { ...DOC_NUMBER_PENALTY, fee: 0.2 } },
  remittanceNo: { when: [['paymentDoc'], ['payment', 'code'], ['payment', 'doc']], base: 0.75, bonus: { code: 0.15 }, penalty: { ...DOC_NUMBER_PENALTY, method: OUT } },
  creditNo: { when: [['creditDoc']], base: 0.75, bonus: { code: 0.15 }, penalty: DOC_NUMBER_PENALTY },
  orderNo: {
    when: [['order'], ['external', 'doc'], ['customer', 'doc']], base: 0.7, bonus: { code: 0.1, external: 0.15, customer: 0.2 },
    penalty: { own: 0.25, ...FIGURES, product: OUT, type: OUT, status: OUT, person: OUT, store: 0.2 },
  },
  date: { when: [['date']], base: 0.65, penalty: DATE_PENALTY },
  deliveryDate: { when: [['date', 'shipped'], ['date', 'deliveryDoc']], base: 0.8, penalty: DATE_PENALTY },
  receiptDate: { when: [['date', 'received'], ['date', 'receiptDoc']], base: 0.8, penalty: DATE_PENALTY },
  returnDate: { when: [['date', 'returned'], ['date', 'returnDoc']], base: 0.8, penalty: DATE_PENALTY },
  deductionDate: { when: [['date', 'deduction'], ['date', 'deductionDoc'], ['date', 'fee']], base: 0.8, penalty: DATE_PENALTY },
  paymentDate: { when: [['date', 'payment'], ['date', 'paymentDoc']], base: 0.8, penalty: DATE_PENALTY },
  qty: { when: [['qty']], base: 0.7, bonus: { shipped: 0.1 }, penalty: QTY_PENALTY },
  receivedQty: { when: [['qty', 'received']], base: 0.85, penalty: { ...QTY_PENALTY, order: 0.3 } },
  returnQty: { when: [['qty', 'returned']], base: 0.85, penalty: { ...QTY_PENALTY, returned: 0 } },
  orderedQty: { when: [['qty', 'ordered'], ['qty', 'order']], base: 0.8, penalty: { amount: OUT, price: OUT } },
  amount: { when: [['amount'], ['total']], base: 0.7, bonus: AMOUNT_BONUS, penalty: { ...AMOUNT_PENALTY, deduction: 0.2, payment: 0.2 } },
  deductionAmount: { when: [['amount', 'deduction'], ['amount', 'fee'], ['amount', 'deductionDoc']], base: 0.85, bonus: AMOUNT_BONUS, penalty: AMOUNT_PENALTY },
  paymentAmount: { when: [['amount', 'payment'], ['amount', 'paymentDoc'], ['amount', 'paid']], base: 0.85, bonus: AMOUNT_BONUS, penalty: AMOUNT_PENALTY },
  feeText: {
    when: [['fee'], ['deduction', 'reason'], ['deduction', 'name'], ['deduction', 'type']], base: 0.75, bonus: { name: 0.1 },
    penalty: { amount: OUT, date: OUT, rate: OUT, method: OUT, doc: 0.5, deductionDoc: 0.5, code: 0.4, total: OUT },
  },
  method: { when: [['method']], base: 0.75, bonus: { deduction: 0.1, payment: 0.1 }, penalty: { ...FIGURES } },
  reference: {
    when: [['reference'], ['invoice', 'code']], base: 0.75, bonus: { doc: 0.05, code: 0.05 },
    penalty: { ...FIGURES, type: OUT, name: 0.5 },
  },
  documentType: { when: [['type']], base: 0.7, penalty: { fee: 0.3, promo: OUT, product: OUT, deduction: 0.3, method: OUT } },
  memo: { when: [['memo'], ['reason']], base: 0.75, penalty: { ...FIGURES } },
  promotionCode: { when: [['promo', 'code'], ['promo']], base: 0.7, bonus: { code: 0.1 }, penalty: { name: OUT, type: OUT, start: OUT, end: OUT, ...FIGURES, store: OUT } },
  promotionName: { when: [['promo', 'name']], base: 0.8, penalty: NAME_OF_SOMETHING },
  promotionKind: { when: [['promo', 'type']], base: 0.8 },
  startDate: { when: [['promo', 'start']], base: 0.8 },
  endDate: { when: [['promo', 'end']], base: 0.8 },
  normalPrice: { when: [['price', 'normal']], base: 0.8, penalty: { promo: OUT, amount: OUT } },
  promoPrice: { when: [['price', 'promo']], base: 0.8, penalty: { normal: OUT, amount: OUT } },
  stores: { when: [['store', 'participating'], ['store', 'promo']], base: 0.8, penalty: { code: 0.2 } },
  contact: { when: [['contact']], base: 0.8, penalty: { phone: OUT } },
  phone: { when: [['phone']], base: 0.8 },
};

/** How well a heading's parts fit a group (0 when they do not); a heading only partly understood fits less. */
export function ruleFit(group: SynonymGroup, meaning: HeadingMeaning): number {
  const rule = HEADING_RULES[group];
  if (!rule.when.some((all) => all.every((c) => meaning.has(c)))) return 0;
  let score = rule.base;
  for (const [c, v] of Object.entries(rule.bonus ?? {})) if (meaning.has(c as Concept)) score += v;
  for (const [c, v] of Object.entries(rule.penalty ?? {})) {
    if (!meaning.has(c as Concept)) continue;
    if (v >= OUT) return 0;
    score -= v;
  }
  return Math.max(0, Math.min(0.95, score * (0.75 + 0.25 * meaning.coverage)));
}
