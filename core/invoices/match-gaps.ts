import { INVOICE_GAP_KINDS, type InvoiceGapKind } from '../../vocabulary/index.js';
import type { InvoiceGap, MatchRow } from './three-way-match.js';

/**
 * A KA month's differences as the window lists them, a page at a time: a large distributor's month has a couple of
 * thousand (one per receipt not yet invoiced, …), which as one reply came near the 500 KB the window is allowed and
 * as one table slowed it. The match per KA carries their totals per kind instead (matchWithGapTotals).
 */

/** What explains the difference first (to invoice, red-letter missing …), then what is said beside it (overdue, paid without invoice). */
const rank = (kind: string) => (INVOICE_GAP_KINDS as readonly string[]).indexOf(kind);

export interface GapTotal { kind: InvoiceGapKind; count: number; amount: number }

/** How many differences of each kind, and their amount, in the vocabulary's order. */
export function gapTotals(gaps: InvoiceGap[]): GapTotal[] {
  const by = new Map<InvoiceGapKind, GapTotal>();
  for (const g of gaps) {
    const t = by.get(g.kind) ?? { kind: g.kind, count: 0, amount: 0 };
    t.count++;
    t.amount += g.amount;
    by.set(g.kind, t);
  }
  return [...by.values()].sort((a, b) => rank(a.kind) - rank(b.kind));
}

/** The match rows with the totals of their differences in place of the differences themselves. */
export function matchWithGapTotals(rows: MatchRow[]): (Omit<MatchRow, 'gaps'> & { gapTotals: GapTotal[] })[] {
  return rows.map(({ gaps, ...row }) => ({ ...row, gapTotals: gapTotals(gaps) }));
}

/** One page of a KA month's differences (of one kind, or all), in the order the window lists them. */
export function gapPage(gaps: InvoiceGap[], o: { kind?: InvoiceGapKind | undefined; offset: number; limit: number }): { total: number; offset: number; gaps: InvoiceGap[] } {
  const chosen = gaps.map((g, i) => ({ g, i })).filter((x) => !o.kind || x.g.kind === o.kind)
    .sort((a, b) => rank(a.g.kind) - rank(b.g.kind) || a.i - b.i).map((x) => x.g);
  return { total: chosen.length, offset: o.offset, gaps: chosen.slice(o.offset, o.offset + o.limit) };
}
