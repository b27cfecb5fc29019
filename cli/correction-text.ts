import type { Book } from '../core/book/open-book.js';
import type { ChainEntry } from '../core/corrections/chain-view.js';
import type { DocumentDifference, LineView } from '../core/corrections/document-diff.js';
import type { ReversalReport } from '../core/corrections/reverse.js';
import { formatFen, formatPrice, formatQuantity } from '../core/money/index.js';
import { renderMessage, type Language, type MessageCode, type Params } from '../locale/index.js';
import type { Io } from './io.js';
import { writeAs } from './sign-in.js';

/**
 * Who makes a correction: in a book with users, the proven user whose role may correct (the same gate as every
 * write, cli/sign-in.ts); in a book without users the unverified name, said to be unprotected.
 */
export function correctionActor(book: Book, io: Io, user: string | undefined): Promise<string> {
  return writeAs(book, io, user, 'corrections');
}

export const say = (lang: Language, code: MessageCode, params: Params = {}) => renderMessage(lang, { code, params });

/** A reversal as lines of text: what was reversed and when, each clearing undone, each companion. */
export function reversalLines(lang: Language, r: ReversalReport): string[] {
  const out = [r.closedPeriod
    ? say(lang, 'corrections.done-reversed-closed', { kind: r.kind, docNo: r.docNo, period: r.closedPeriod, reversal: r.reversalNo, date: r.date })
    : say(lang, 'corrections.done-reversed', { kind: r.kind, docNo: r.docNo, reversal: r.reversalNo, date: r.date })];
  for (const u of r.unCleared) out.push(say(lang, 'corrections.done-uncleared', { clearing: u.clearingId, documents: u.documents }));
  for (const c of r.companions) out.push(say(lang, 'corrections.done-companion', { kind: c.kind, docNo: c.docNo, reversal: c.reversalNo }));
  if (r.freedDeductionLines) out.push(say(lang, 'corrections.done-freed', { lines: r.freedDeductionLines }));
  return out;
}

function cell(field: keyof LineView, v: LineView): string {
  const x = v[field];
  if (x === null || x === undefined) return '—';
  if (typeof x === 'number') return field === 'qtyMilli' ? formatQuantity(x) : field === 'priceE4' ? formatPrice(x) : field === 'amountFen' ? formatFen(x) : String(x);
  return x;
}

const what = (v: LineView) => [v.store, v.sku ?? v.feeText ?? v.reference].filter(Boolean).join(' ');

/** A replacement's difference, line by line: header fields, each changed, added and removed line, the total. */
export function differenceLines(lang: Language, d: DocumentDifference): string[] {
  const out = d.header.map((h) => say(lang, 'corrections.diff-header', { field: h.field, old: h.old ?? '—', new: h.new ?? '—' }));
  for (const l of d.lines) {
    if (l.change === 'changed') {
      const changes = l.fields.map((f) => say(lang, 'corrections.diff-change', { field: f, old: cell(f, l.old!), new: cell(f, l.new!) }));
      out.push(say(lang, 'corrections.diff-line-changed', { line: l.newLine ?? l.oldLine ?? 0, what: what(l.new!), changes }));
    } else if (l.change === 'added') out.push(say(lang, 'corrections.diff-line-added', { line: l.newLine ?? 0, what: `${what(l.new!)} ${formatQuantity(l.new!.qtyMilli ?? 0)} × ${cell('priceE4', l.new!)} = ${formatFen(l.new!.amountFen)}` }));
    else out.push(say(lang, 'corrections.diff-line-removed', { line: l.oldLine ?? 0, what: `${what(l.old!)} ${formatFen(l.old!.amountFen)}` }));
  }
  if (d.oldTotalFen !== d.newTotalFen) out.push(say(lang, 'corrections.diff-total', { old: d.oldTotalFen, new: d.newTotalFen }));
  return out;
}

/** A document's correction history, one line per version or reversal. */
export function chainLines(lang: Language, chain: ChainEntry[]): string[] {
  if (chain.length <= 1) return [];
  return [say(lang, 'corrections.chain-title'), ...chain.map((c) => `  ${c.role === 'reversal'
    ? `${c.docNo} ${c.docDate} ${formatFen(c.totalFen)}: ${say(lang, 'corrections.chain-reversal', { original: c.reverses?.docNo ?? '', reason: c.reason ?? '' })}`
    : say(lang, 'corrections.chain-version', {
      version: c.version, docNo: c.docNo, date: c.docDate, amount: c.totalFen,
      state: c.inForce ? say(lang, 'corrections.chain-in-force')
        : say(lang, 'corrections.chain-reversed', { date: c.reversedBy?.date ?? '', by: c.reversedBy?.by ?? '', reversal: c.reversedBy?.docNo ?? '', reason: c.reversedBy?.reason ?? '' }),
    })}`)];
}
