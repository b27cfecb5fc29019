/** 发票: VAT invoices issued to the KAs and received from them (DESIGN.md §6). */

/** 销项 issued by one of the book's distributors, 进项 received by one of them. */
export const INVOICE_DIRECTIONS = ['issued', 'received'] as const;
export type InvoiceDirection = (typeof INVOICE_DIRECTIONS)[number];

/** 蓝字 an ordinary invoice, 红字 one that reverses (all or part of) a blue one. */
export const INVOICE_COLOURS = ['blue', 'red'] as const;
export type InvoiceColour = (typeof INVOICE_COLOURS)[number];

/** 正常 or 作废: a voided invoice stays in the book, recorded void. */
export const INVOICE_STATUSES = ['valid', 'void'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

/** 发票票种: 数电专票, 数电普票, and the older 增值税专用/普通发票 (paper or electronic, with 发票代码). */
export const INVOICE_TYPES = ['digital_special', 'digital_normal', 'special', 'normal'] as const;
export type InvoiceType = (typeof INVOICE_TYPES)[number];

/** Where an invoice came from: the e-tax portal's 全量发票查询 export, a 数电票 XML file, or typed in from paper. */
export const INVOICE_SOURCES = ['etax_list', 'xml', 'manual'] as const;
export type InvoiceSource = (typeof INVOICE_SOURCES)[number];

/**
 * What an invoice is linked to: a blue invoice's goods to receipts (验收单), a red one to returns (退货单), a discount
 * line to a 票扣 deduction, a red one to a rebate deduction (返利), a received service invoice to the deduction it
 * evidences (进场费, 陈列费 …).
 */
export const INVOICE_LINK_ROLES = ['goods', 'return', 'discount', 'rebate', 'fee'] as const;
export type InvoiceLinkRole = (typeof INVOICE_LINK_ROLES)[number];

/** How a link was made: by the KA's settlement reference on the invoice, by amount and date, or by hand. */
export const INVOICE_LINK_METHODS = ['reference', 'amount', 'manual'] as const;
export type InvoiceLinkMethod = (typeof INVOICE_LINK_METHODS)[number];

/** What of an invoice already in the book a file may not say differently (开票日期, 识别号, 金额, 税额, 价税合计, 红字). */
export const INVOICE_CONFLICT_FIELDS = ['date', 'seller_tax_id', 'buyer_tax_id', 'net', 'tax', 'gross', 'colour'] as const;
export type InvoiceConflictField = (typeof INVOICE_CONFLICT_FIELDS)[number];

/** 账期起算: from acceptance (验收), from the invoice (开票/收票), or 月结 N 天 from the end of the month accepted. */
export const PAYMENT_TERMS_STARTS = ['receipt', 'invoice', 'month_end'] as const;
export type PaymentTermsStart = (typeof PAYMENT_TERMS_STARTS)[number];

/**
 * What document a fee the KA deducts should leave behind: the KA's service invoice to us (服务费发票, 进项), a red-letter
 * invoice of ours (a sales rebate, 销售折让), nothing (a fine), or — whatever the fee, when it was 票扣 — a discount
 * line on our invoice.
 */
export const EXPECTED_DOCUMENTS = ['service_invoice', 'red_invoice', 'discount_line', 'none'] as const;
export type ExpectedDocument = (typeof EXPECTED_DOCUMENTS)[number];

/** 三单匹配: how the accepted, the invoiced and the paid of a KA's month can differ, each explained. */
export const INVOICE_GAP_KINDS = [
  'to_invoice', //             验收未开票: accepted, not yet invoiced (the amount to put on the invoice)
  'red_letter_missing', //     退货未开红字: a return without its red-letter invoice
  'discount_missing', //       票扣未体现: a 票扣 deduction not on any invoice as a discount line
  'invoiced_not_accepted', //  开票无验收: invoiced with no accepted receipt behind it
  'amount_differs', //         发票与结算金额不符: by how much, and which lines
  'unpaid_past_due', //        开票逾期未付
  'paid_without_invoice', //   未开票已付款
] as const;
export type InvoiceGapKind = (typeof INVOICE_GAP_KINDS)[number];

/** A deduction's document as the book finds it. */
export const FEE_INVOICE_STATES = ['received', 'missing', 'discount_line', 'red_issued', 'red_missing', 'not_expected'] as const;
export type FeeInvoiceState = (typeof FEE_INVOICE_STATES)[number];

