import type { PendingEntryRow } from '../../db/queries/vouchers.js';
import type { Language } from '../../locale/index.js';
import type { VoucherGrouping } from '../../vocabulary/index.js';
import type { AuxCodes } from './aux-items.js';
import type { DocumentPosting } from './document-postings.js';
import { lineOf } from './voucher-lines.js';
import { daySummary, dayLineSummary } from './voucher-summary.js';
import { imbalance, type AccountMapping, type Voucher, type VoucherLine } from './voucher-types.js';

export interface BuildOptions {
  grouping: VoucherGrouping;
  mapping: ReadonlyMap<string, AccountMapping>;
  codes: AuxCodes;
  word: string;
  preparer: string;
  firstNumber: number;
  lang: Language;
}

/** The accounts the entries post to that have no confirmed mapping: any of them stops the export. */
export function unmappedAccounts(entries: readonly PendingEntryRow[], mapping: ReadonlyMap<string, AccountMapping>): string[] {
  return [...new Set(entries.map((e) => e.account).filter((a) => !mapping.has(a)))].sort();
}

interface Draft { date: string; summary: string; lines: VoucherLine[]; postings: DocumentPosting[] }

function linesOf(p: DocumentPosting, o: BuildOptions): VoucherLine[] {
  return p.entries.map((e) => lineOf(e, p.reversal, o.mapping.get(e.account)!, o.codes, p.summary));
}

function perDocument(postings: readonly DocumentPosting[], o: BuildOptions): Draft[] {
  return postings.map((p) => ({ date: p.date, summary: p.summary, lines: linesOf(p, o), postings: [p] }));
}

/**
 * 汇总凭证: one voucher per day, document kind and direction (reversals apart, so a 红字 voucher stays red). Lines of the
 * same side, account and 核算项目 are added up, debits first, each in the order it first appears.
 */
function perDayAndKind(postings: readonly DocumentPosting[], o: BuildOptions): Draft[] {
  const groups = new Map<string, DocumentPosting[]>();
  for (const p of postings) {
    const key = `${p.date}|${p.kind}|${p.reversal ? 1 : 0}`;
    const g = groups.get(key);
    if (g) g.push(p);
    else groups.set(key, [p]);
  }
  return [...groups.values()].map((group) => {
    const { date, kind, reversal } = group[0]!;
    const sums = new Map<string, { line: VoucherLine; documents: Set<number> }>();
    for (const p of group) {
      for (const line of linesOf(p, o)) {
        const key = [line.side, line.account, line.glCode, line.aux.customer?.code, line.aux.supplier?.code, line.aux.department?.code].join('|');
        const s = sums.get(key);
        if (s) {
          s.line.amount += line.amount;
          s.documents.add(p.id);
        } else sums.set(key, { line: { ...line }, documents: new Set([p.id]) });
      }
    }
    const ordered = [...sums.values()].filter((s) => s.line.amount !== 0);
    const lines = [...ordered.filter((s) => s.line.side === 'debit'), ...ordered.filter((s) => s.line.side === 'credit')].map(({ line, documents }) => {
      const party = line.aux.customer?.name ?? line.aux.supplier?.name ?? line.aux.department?.name ?? '';
      return { ...line, summary: dayLineSummary(o.lang, { kind, reversal, party, count: documents.size }) };
    });
    return { date, summary: daySummary(o.lang, { date, kind, reversal, count: group.length }), lines, postings: group };
  });
}

/** The month's new documents as numbered, balanced vouchers. */
export function buildVouchers(postings: readonly DocumentPosting[], o: BuildOptions): Voucher[] {
  const drafts = o.grouping === 'document' ? perDocument(postings, o) : perDayAndKind(postings, o);
  return drafts.map((d, i) => {
    const off = imbalance(d.lines);
    // Entries balance per document, so a voucher that does not is a fault of this program, never of the user.
    if (off !== 0) throw new Error(`voucher for ${d.postings.map((p) => p.docNo).join(', ')} is off by ${off} fen`);
    return {
      word: o.word, number: o.firstNumber + i, date: d.date, summary: d.summary, preparer: o.preparer, attachments: d.postings.length,
      lines: d.lines, documentIds: d.postings.map((p) => p.id), documentNos: d.postings.map((p) => p.docNo),
    };
  });
}
