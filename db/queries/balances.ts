import type { Book } from '../connection.js';
import { stmt } from '../statements.js';

export type BalanceGrouping = 'account' | 'ka' | 'distributor' | 'period';

export interface BalanceRow {
  account: string; account_name: string; group_code: string | null; group_name: string | null;
  debit_fen: number; credit_fen: number; balance_fen: number;
}

const GROUPS: Record<BalanceGrouping, { code: string; name: string; join: string; by: string }> = {
  account: { code: 'NULL', name: 'NULL', join: '', by: '' },
  ka: { code: 'k.code', name: 'k.name', join: 'LEFT JOIN ka_accounts k ON k.id = e.ka_account_id', by: ', e.ka_account_id' },
  distributor: { code: 'd.code', name: 'd.name', join: 'LEFT JOIN distributors d ON d.id = e.distributor_id', by: ', e.distributor_id' },
  period: { code: 'e.period', name: 'NULL', join: '', by: ', e.period' },
};

/** Account balances derived from the entries up to a date (inclusive); debit positive, credit negative. */
export function balances(book: Book, grouping: BalanceGrouping, asOf = '9999-12-31'): BalanceRow[] {
  const g = GROUPS[grouping];
  return stmt<[string], BalanceRow>(book.db, `SELECT e.account, a.name_zh AS account_name,
      ${g.code} AS group_code, ${g.name} AS group_name,
      sum(CASE WHEN e.amount_fen > 0 THEN e.amount_fen ELSE 0 END) AS debit_fen,
      -sum(CASE WHEN e.amount_fen < 0 THEN e.amount_fen ELSE 0 END) AS credit_fen,
      sum(e.amount_fen) AS balance_fen
    FROM entries e JOIN accounts a ON a.code = e.account ${g.join}
    WHERE e.entry_date <= ?
    GROUP BY e.account ${g.by}
    ORDER BY e.account, group_code`).all(asOf);
}

/** Sum of every entry: zero in a balanced ledger. */
export function trialBalanceTotal(book: Book): number {
  return stmt<[], { s: number | null }>(book.db, 'SELECT sum(amount_fen) AS s FROM entries').get()?.s ?? 0;
}
