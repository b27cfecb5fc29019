import type { HqDb } from '../db/connection.js';
import { markedMonths, refreshProductMonth } from '../db/queries/packages.js';

/**
 * The monthly product totals (product_months, what a year of the marketing audit per product reads) brought up to
 * date: every month a load marked is summed again from its figures, each in its own short transaction. A load does
 * it once when it is done, for all the packages it wrote; a view does it first for the months it reads, should a
 * load have stopped before. Returns the months summed.
 */
export async function refreshMarkedMonths(db: HqDb, from: string | null = null, to: string | null = null): Promise<string[]> {
  const done: string[] = [];
  for (const period of await markedMonths(db, from, to)) {
    if (await db.transaction((tx) => refreshProductMonth(tx, period))) done.push(period);
  }
  return done;
}
