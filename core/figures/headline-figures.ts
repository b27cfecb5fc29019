import type { Book } from '../../db/connection.js';
import { deliveryStatusCounts, unexpectedReceiptCount } from '../../db/queries/reconcile-results.js';
import { receivablesAsOf } from '../../db/queries/statement-data.js';

/**
 * The book's headline figures, defined once (首页, 信用, 结算 and the statement all read them from here):
 *  - 应收余额 balance: the ledger balance of 应收账款-KA on the date — every open receivable less every credit not
 *    yet applied. The ageing's total and each statement's closing receivable are this figure.
 *  - 未核销应收 open: what the KAs owe item by item (each receivable's open amount on the date).
 *  - 其中逾期 overdue: of that, what is past its due date on the date.
 *  - 未分配回款 unapplied: payments, deductions and returns the book holds but has not applied to a receivable (≤ 0).
 * Items are open as of the date: clearings dated later do not count.
 */
export interface ReceivableFigures { balance: number; open: number; overdue: number; unapplied: number }

export function receivableFigures(book: Book, asOf: string, scope: { distributorId?: number | null; kaAccountId?: number | null } = {}): ReceivableFigures {
  const items = receivablesAsOf(book, scope.distributorId ?? null, asOf).filter((o) => scope.kaAccountId == null || o.ka_account_id === scope.kaAccountId);
  return figuresOfItems(items);
}

/** The same figures from items already read (the ageing and the statement read them once for their buckets too). */
export function figuresOfItems(items: { open_fen: number; days_past_due: number }[]): ReceivableFigures {
  let open = 0;
  let overdue = 0;
  let unapplied = 0;
  for (const i of items) {
    if (i.open_fen > 0) {
      open += i.open_fen;
      if (i.days_past_due > 0) overdue += i.open_fen;
    } else unapplied += i.open_fen;
  }
  return { balance: open + unapplied, open, overdue, unapplied };
}

/**
 * 未匹配送货行: the month's delivery lines whose status — the user's override where there is one — is not matched;
 * 无送货的验收行: the month's receipt lines nobody delivered (unless overridden). The workbench's 未匹配 filter and its
 * 无送货 view list exactly these lines.
 */
export function matchingFigures(book: Book, period: string, kaAccountId: number | null = null): { unmatchedDeliveryLines: number; unexpectedReceiptLines: number } {
  return {
    unmatchedDeliveryLines: deliveryStatusCounts(book, period, kaAccountId).filter((s) => s.status !== 'matched').reduce((n, s) => n + s.lines, 0),
    unexpectedReceiptLines: unexpectedReceiptCount(book, period, kaAccountId).lines,
  };
}
