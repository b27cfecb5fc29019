import type { Book } from '../../db/connection.js';
import { arBalanceAsOf } from '../../db/queries/credit.js';
import { receivablesAsOf } from '../../db/queries/statement-data.js';
import { distributorsList, kaList, storesList } from '../../db/queries/credit-parties.js';
import type { Message } from '../../locale/index.js';
import { assertIsoDate } from '../calendar/dates.js';
import { figuresOfItems, type ReceivableFigures } from '../figures/headline-figures.js';
import { ageingBuckets, bucketLabels, bucketOf } from './ageing-buckets.js';

export type AgeingGrouping = 'ka' | 'store' | 'distributor' | 'manufacturer';
export type AgeingBasis = 'due' | 'document';

/** One line of the ageing; `code` is the party's own code (KA, KA/store, distributor, manufacturer) for drilling down. */
export interface AgeingRow { key: string; code: string; name: string; buckets: number[]; credits: number; total: number }

export interface AgeingReport {
  asOf: string;
  by: AgeingGrouping;
  basis: AgeingBasis;
  buckets: Message[];
  rows: AgeingRow[];
  totals: AgeingRow;
  /** the ledger balance of 应收账款-KA on the same date: the totals tie to it exactly */
  ledgerBalance: number;
  ties: boolean;
  /** the headline figures on the same date (core/figures): balance, open, overdue, unapplied */
  figures: ReceivableFigures;
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
  const names = new Map<string, { code: string; name: string }>();
  const named = (key: string, code: string, name: string) => names.set(key, { code, name: `${code} ${name}` });
  if (by === 'ka') for (const k of kaList(book)) named(String(k.id), k.code, k.name);
  if (by === 'store') for (const s of storesList(book)) named(String(s.id), `${s.ka_code}/${s.store_code}`, s.name);
  if (by === 'distributor' || by === 'manufacturer') {
    for (const d of distributorsList(book)) {
      if (by === 'distributor') named(String(d.id), d.code, d.name);
      else named(`m${d.manufacturer_id}`, d.manufacturer_code, d.manufacturer_name);
    }
  }
  const distributorManufacturer = new Map(distributorsList(book).map((d) => [d.id, d.manufacturer_id]));
  const rows = new Map<string, AgeingRow>();
  const empty = (key: string, party = { code: '', name: '(none)' }): AgeingRow => ({ key, code: party.code, name: party.name, buckets: labels.map(() => 0), credits: 0, total: 0 });
  const totals = empty('total', { code: '', name: 'total' });
  const items = receivablesAsOf(book, null, asOf);
  for (const item of items) {
    const key = by === 'ka' ? String(item.ka_account_id) : by === 'store' ? String(item.store_id) : by === 'distributor' ? String(item.distributor_id)
      : `m${distributorManufacturer.get(item.distributor_id ?? -1) ?? '?'}`;
    const row = rows.get(key) ?? empty(key, names.get(key));
    rows.set(key, row);
    for (const r of [row, totals]) {
      if (item.open_fen < 0) r.credits += item.open_fen;
      else r.buckets[bucketOf(edges, basis === 'due' ? item.days_past_due : item.days_since_document)]! += item.open_fen;
      r.total += item.open_fen;
    }
  }
  const ledgerBalance = arBalanceAsOf(book, asOf);
  return { asOf, by, basis, buckets: labels, rows: [...rows.values()].sort((a, b) => a.name.localeCompare(b.name)), totals, ledgerBalance, ties: ledgerBalance === totals.total, figures: figuresOfItems(items) };
}
