import type { MessageCode } from '../../locale/index.js';
import type { StatementCorrection } from '../corrections/period-corrections.js';
import type { Cell, DetailColumn, PrintWords, Section } from './statement-sections.js';

const f = (fen: number): Cell => ({ fen });

/**
 * 九、更正: the month's reversals and replacements — including corrections of closed months booked into this one,
 * each naming the closed month — with what each reversed, what replaced it, the net effect, who and why.
 */
export function correctionsSection(corrections: StatementCorrection[] | undefined, words: PrintWords): Section {
  const { w, label } = words;
  const list = corrections ?? [];
  const header = ['statement-action', 'statement-document', 'statement-original-period', 'statement-booked', 'statement-reversed-amount',
    'statement-new-amount', 'statement-net', 'statement-by'].map((c) => w(`corrections.${c}` as MessageCode));
  const rows: Cell[][] = list.map((c) => [
    label('correctionActions', c.action),
    `${label('docKinds', c.kind)} ${c.docNo} ${c.replacement
      ? w('corrections.statement-docs-replaced', { reversal: c.reversal, replacement: c.replacement, version: c.replacementVersion ?? 0 })
      : w('corrections.statement-docs', { reversal: c.reversal })}`,
    c.closedPeriod ? { text: w('corrections.statement-closed-period', { period: c.originalPeriod }), bold: true } : c.originalPeriod,
    c.bookedOn,
    f(c.reversedAmount),
    c.replacementAmount === null ? '' : f(c.replacementAmount),
    f(c.net),
    `${c.by}${c.reason ? `：${c.reason}` : ''}`,
  ]);
  const sum = (pick: (c: StatementCorrection) => number) => list.reduce((s, c) => s + pick(c), 0);
  return {
    title: w('print.s-corrections'),
    header,
    rows: rows.length ? rows : [[w('corrections.statement-none')]],
    ...(rows.length ? { total: [w('corrections.statement-total'), '', '', '', f(sum((c) => c.reversedAmount)), f(sum((c) => c.replacementAmount ?? 0)), f(sum((c) => c.net)), ''] } : {}),
  };
}

/** The corrections as a detail sheet of the workbook. */
export function correctionsDetail(corrections: StatementCorrection[] | undefined, words: PrintWords): { name: string; rows: Record<string, unknown>[]; columns: DetailColumn[] } {
  const { w, label } = words;
  return {
    name: w('print.sheet-corrections'),
    rows: (corrections ?? []).map((c) => ({
      action: label('correctionActions', c.action), kind: label('docKinds', c.kind), doc_no: c.docNo, ka: c.ka ?? '',
      original_period: c.originalPeriod, note: c.closedPeriod ? w('corrections.statement-closed-note', { period: c.originalPeriod }) : '',
      booked_on: c.bookedOn, reversal: c.reversal, reversed_fen: c.reversedAmount,
      replacement: c.replacement ?? '', replacement_fen: c.replacementAmount, net_fen: c.net, by: c.by, reason: c.reason ?? '',
    })),
    columns: [
      { key: 'action', header: w('corrections.statement-action') }, { key: 'kind', header: w('print.d-kind') }, { key: 'doc_no', header: w('print.d-doc-no') },
      { key: 'ka', header: w('print.col-ka') }, { key: 'original_period', header: w('corrections.statement-original-period') }, { key: 'note', header: w('print.d-note') },
      { key: 'booked_on', header: w('corrections.statement-booked') }, { key: 'reversal', header: w('print.d-reversal-no') },
      { key: 'reversed_fen', header: w('corrections.statement-reversed-amount'), money: true }, { key: 'replacement', header: w('print.d-replacement-no') },
      { key: 'replacement_fen', header: w('corrections.statement-new-amount'), money: true }, { key: 'net_fen', header: w('corrections.statement-net'), money: true },
      { key: 'by', header: w('corrections.statement-by') }, { key: 'reason', header: w('corrections.statement-reason') },
    ],
  };
}
