import { labelOf, renderMessage, type Language, type MessageCode, type Params } from '../../locale/index.js';
import { FEE_TYPES } from '../../vocabulary/index.js';

/**
 * 摘要: what a GL accountant reads on each voucher and line — the kind of document, its number, the KA and store it
 * concerns (or the manufacturer), and for deductions the fees. Written in the GL's language (Chinese unless the
 * layout says otherwise), from the catalog like every other sentence.
 */
export interface SummaryParty {
  kaName?: string | null;
  storeName?: string | null;
  manufacturerName?: string | null;
}

/** 大润发 大润发上海杨浦店 reads twice: a store named after its KA is named once. */
export function partyText(p: SummaryParty): string {
  const ka = p.kaName ?? '';
  const store = p.storeName ?? '';
  if (store) return ka && !store.startsWith(ka) ? `${ka} ${store}` : store;
  return ka || (p.manufacturerName ?? '');
}

function say(lang: Language, code: MessageCode, params: Params): string {
  return renderMessage(lang, { code, params }).replace(/\s+/g, ' ').trim();
}

/** The fees of a deduction in words, in the vocabulary's order. */
export function feeText(lang: Language, feeTypes: readonly string[]): string {
  const known = FEE_TYPES.filter((f) => feeTypes.includes(f));
  return known.map((f) => labelOf(lang, 'feeTypes', f)).join(renderMessage(lang, { code: 'list.separator' }));
}

export interface DocumentSummaryInput {
  kind: string;
  docNo: string;
  reversedDocNo: string | null;
  party: string;
  detail: string;
}

export function documentSummary(lang: Language, d: DocumentSummaryInput): string {
  const detail = d.detail ? ` ${d.detail}` : '';
  return d.reversedDocNo === null
    ? say(lang, 'vouchers.summary.document', { kind: d.kind, docNo: d.docNo, party: d.party, detail })
    : say(lang, 'vouchers.summary.reversal', { kind: d.kind, docNo: d.docNo, original: d.reversedDocNo, party: d.party, detail });
}

export function daySummary(lang: Language, g: { date: string; kind: string; reversal: boolean; count: number }): string {
  return say(lang, g.reversal ? 'vouchers.summary.day-reversal' : 'vouchers.summary.day', { date: g.date, kind: g.kind, count: g.count });
}

export function dayLineSummary(lang: Language, g: { kind: string; reversal: boolean; party: string; count: number }): string {
  return say(lang, g.reversal ? 'vouchers.summary.day-line-reversal' : 'vouchers.summary.day-line', { kind: g.kind, party: g.party, count: g.count });
}
