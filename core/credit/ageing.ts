import type { Book } from '../../db/connection.js';
import { arBalanceAsOf } from '../../db/queries/credit.js';
import { receivablesAsOf } from '../../db/queries/statement-data.js';
import { distributorsList, kaList, storesList } from '../../db/queries/credit-parties.js';
import { assertIsoDate } from '../calendar/dates.js';
import { ageingBuckets, bucketLabels, bucketOf } from './ageing-buckets.js';

export type AgeingGrouping = 'ka' | 'store' | 'distributor' | 'manufacturer';
export type AgeingBasis = 'due' | 'document';

export interface AgeingRow { key: string; name: string; buckets: number[]; credits: number; total: number }

export interface AgeingReport {
  asOf: string;
  by: AgeingGrouping;
  basis: AgeingBasis;
  buckets: string[];
  rows: AgeingRow[];
  totals: AgeingRow;
  /** the ledger balance of 应收账款-KA on the same date: the totals tie to it exactly */
  ledgerBalance: number;
  ties: boolean;
}

/**
 * 账龄分析 as of any date: every receivable open on that date (clearings dated later do not count), by days past due
 * (or days since the document), in the book's buckets; credits not yet applied in their own column. The total
 * is the ledger balance of 应收账款-KA on that date, exactly.
 */
export function ageing(book: Book, asOfText: string, by: AgeingGrouping = 'ka', basis: AgeingBasis = 'due'): AgeingReport {
  const asOf = assertIsoDate(asOfText, { field: '--as-of' });
  const edges = ageingBuckets(book);
  const labels = bucketLabels(edges);
  const names = new Map<string, string>();
  if (by === 'ka') for (const k of kaList(book)) names.set(String(k.id), `${k.code} ${k.name}`);
  if (by === 'store') for (const s of storesList(book)) names.set(String(s.id), `${s.ka_code}/${s.store_code} ${s.name}`);
  if (by === 'distributor' || by === 'manufacturer') {
    for (const d of distributorsList(book)) names.set(by === 'distributor' ? String(d.id) : `m${d.manufacturer_id}`, by === 'distributor' ? `${d.code} ${d.name}` : `${d.manufacturer_code} ${d.manufacturer_name}`);
  }
  const distributorManufacturer = new Map(distributorsList(book).map((d) => [d.id, d.manufacturer_id]));
  const rows = new Map<string, AgeingRow>();
  const empty = (key: string, name: string): AgeingRow => ({ key, name, buckets: labels.map(() => 0), credits: 0, total: 0 });
  const totals = empty('total', 'total');
  for (const item of receivablesAsOf(book, null, asOf)) {
    const key = by === 'ka' ? String(item.ka_account_id) : by === 'store' ? String(item.store_id) : by === 'distributor' ? String(item.distributor_id)
      : `m${distributorManufacturer.get(item.distributor_id ?? -1) ?? '?'}`;
    const row = rows.get(key) ?? empty(key, names.get(key) ?? '(none)');
    rows.set(key, row);
    for (const r of [row, totals]) {
      if (item.open_fen < 0) r.credits += item.open_fen;
      else r.buckets[bucketOf(edges, basis === 'due' ? item.days_past_due : item.days_since_document)]! += item.open_fen;
      r.total += item.open_fen;
    }
  }
  const ledgerBalance = arBalanceAsOf(book, asOf);
  return { asOf, by, basis, buckets: labels, rows: [...rows.values()].sort((a, b) => a.name.localeCompare(b.name)), totals, ledgerBalance, ties: ledgerBalance === totals.total };
}
