import type { Book } from '../../db/connection.js';
import { kaRebateAccruals, netSalesByDistributor } from '../../db/queries/statement-data.js';

/**
 * A KA contract's rebate accrual names no distributor: it is the KA's, on everything the KA accepted. On each
 * distributor's statement it shows as the part its own sales earned — the month's accrual split across the
 * distributors by their accepted net sales to that KA, in fen, the remainder going to the largest shares first —
 * so the parts on all statements add up to the accrual exactly. A KA with no net sales in the month leaves its
 * accrual unshared (no statement claims it).
 */
export function kaRebateShare(book: Book, period: string, distributorId: number): number {
  const sales = netSalesByDistributor(book, period);
  let mine = 0;
  for (const accrual of kaRebateAccruals(book, period)) {
    const parts = sales.filter((s) => s.ka_account_id === accrual.ka_account_id && s.net_fen > 0);
    const base = parts.reduce((s, p) => s + p.net_fen, 0);
    if (base <= 0) continue;
    const big = (n: number) => BigInt(n);
    const shares = parts.map((p) => {
      const exact = big(accrual.total_fen) * big(p.net_fen);
      const q = exact / big(base);
      // floor toward minus infinity, so negative accruals (a true-up down) split the same way
      const floor = exact < 0n && q * big(base) !== exact ? q - 1n : q;
      return { id: p.distributor_id, fen: Number(floor), rest: exact - floor * big(base) };
    });
    let left = accrual.total_fen - shares.reduce((s, x) => s + x.fen, 0);
    for (const s of [...shares].sort((a, b) => (b.rest > a.rest ? 1 : b.rest < a.rest ? -1 : a.id - b.id))) {
      if (left <= 0) break;
      s.fen += 1;
      left -= 1;
    }
    mine += shares.find((s) => s.id === distributorId)?.fen ?? 0;
  }
  return mine;
}
