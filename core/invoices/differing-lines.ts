import type { Book } from '../../db/connection.js';
import { invoicedValueByProduct, receiptValueByProduct, type MatchInvoice, type MonthDocument } from '../../db/queries/invoice-match.js';
import type { Message } from '../../locale/index.js';
import { itemProductName } from './record-invoice.js';

/**
 * Which lines make an invoice differ from its settlement: the accepted value of each product on the receipts it
 * covers against the invoiced value (with tax) of the same product on the invoices sharing them, and the discount
 * lines against the 票扣 they cover. An invoice known only from the e-tax list has no lines to compare: that is said.
 */
export function differingLines(
  book: Book, component: { invoices: number[]; documents: number[] }, docs: Map<number, MonthDocument>, invoices: Map<number, MatchInvoice>,
): Message[] {
  if (component.invoices.some((id) => (invoices.get(id)?.items ?? 0) === 0)) return [{ code: 'invoices.line.unknown', params: {} }];
  const inMonth = component.documents.map((id) => docs.get(id)).filter((d): d is MonthDocument => d !== undefined);
  const receipts = inMonth.filter((d) => d.kind === 'receipt').map((d) => d.id);
  const tickets = inMonth.filter((d) => d.kind === 'deduction').reduce((s, d) => s + d.total_fen, 0);
  const accepted = new Map<string, { product: string; amount: number }>();
  for (const r of receiptValueByProduct(book, receipts)) {
    accepted.set(r.product_id === null ? `?${r.name ?? ''}` : String(r.product_id), { product: r.sku ? `${r.sku} ${r.name ?? ''}`.trim() : r.name ?? '', amount: r.amount_fen });
  }
  const lines: Message[] = [];
  let discount = 0;
  const seen = new Set<string>();
  for (const i of invoicedValueByProduct(book, component.invoices)) {
    if (i.is_discount) {
      discount += -i.amount_fen;
      continue;
    }
    const key = i.product_id === null ? `?${itemProductName(i.item_name)}` : String(i.product_id);
    seen.add(key);
    const a = accepted.get(key);
    const product = i.sku ? `${i.sku} ${i.name ?? ''}`.trim() : i.item_name;
    if (!a) lines.push({ code: 'invoices.line.not-accepted', params: { product, invoiced: i.amount_fen } });
    else if (a.amount !== i.amount_fen) lines.push({ code: 'invoices.line.differs', params: { product, accepted: a.amount, invoiced: i.amount_fen, difference: i.amount_fen - a.amount } });
  }
  for (const [key, a] of accepted) if (!seen.has(key)) lines.push({ code: 'invoices.line.not-invoiced', params: { product: a.product, accepted: a.amount } });
  if (discount !== tickets) lines.push({ code: 'invoices.line.discount-differs', params: { accepted: -tickets, invoiced: -discount, difference: tickets - discount } });
  return lines;
}
