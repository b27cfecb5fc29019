import { labelOf, renderMessage, type MessageCode, type Params } from '../../locale/index.js';
import type { StatementCorrection } from '../corrections/period-corrections.js';
import type { Cell, Section } from './statement-sections.js';

/** The statement is printed Chinese first with the English beside it, like its other headings. */
const both = (code: MessageCode, params: Params = {}) => `${renderMessage('zh', { code, params })} ${renderMessage('en', { code, params })}`;
const label = (group: string, value: string) => `${labelOf('zh', group, value)} ${labelOf('en', group, value)}`;
const f = (fen: number): Cell => ({ fen });

/**
 * 九、更正: the month's reversals and replacements — including corrections of closed months booked into this one,
 * each naming the closed month — with what each reversed, what replaced it, the net effect, who and why.
 */
export function correctionsSection(corrections: StatementCorrection[] | undefined): Section {
  const list = corrections ?? [];
  const header = ['statement-action', 'statement-document', 'statement-original-period', 'statement-booked', 'statement-reversed-amount',
    'statement-new-amount', 'statement-net', 'statement-by'].map((c) => both(`corrections.${c}` as MessageCode));
  const rows: Cell[][] = list.map((c) => [
    labelOf('zh', 'correctionActions', c.action),
    `${labelOf('zh', 'docKinds', c.kind)} ${c.docNo} ${c.replacement
      ? renderMessage('zh', { code: 'corrections.statement-docs-replaced', params: { reversal: c.reversal, replacement: c.replacement, version: c.replacementVersion ?? 0 } })
      : renderMessage('zh', { code: 'corrections.statement-docs', params: { reversal: c.reversal } })}`,
    c.closedPeriod ? { text: renderMessage('zh', { code: 'corrections.statement-closed-period', params: { period: c.originalPeriod } }), bold: true } : c.originalPeriod,
    c.bookedOn,
    f(c.reversedAmount),
    c.replacementAmount === null ? '' : f(c.replacementAmount),
    f(c.net),
    `${c.by}${c.reason ? `：${c.reason}` : ''}`,
  ]);
  const sum = (pick: (c: StatementCorrection) => number) => list.reduce((s, c) => s + pick(c), 0);
  return {
    title: `九、${both('corrections.statement-title')}`,
    header,
    rows: rows.length ? rows : [[both('corrections.statement-none')]],
    ...(rows.length ? { total: [both('corrections.statement-total'), '', '', '', f(sum((c) => c.reversedAmount)), f(sum((c) => c.replacementAmount ?? 0)), f(sum((c) => c.net)), ''] } : {}),
  };
}

/** The corrections as a detail sheet of the workbook. */
export function correctionsDetail(corrections: StatementCorrection[] | undefined) {
  return {
    name: '更正 Corrections',
    rows: (corrections ?? []).map((c) => ({
      action: labelOf('zh', 'correctionActions', c.action), kind: labelOf('zh', 'docKinds', c.kind), doc_no: c.docNo, ka: c.ka ?? '',
      original_period: c.originalPeriod, note: c.closedPeriod ? renderMessage('zh', { code: 'corrections.statement-closed-note', params: { period: c.originalPeriod } }) : '',
      booked_on: c.bookedOn, reversal: c.reversal, reversed_fen: c.reversedAmount,
      replacement: c.replacement ?? '', replacement_fen: c.replacementAmount, net_fen: c.net, by: c.by, reason: c.reason ?? '',
    })),
    columns: [
      { key: 'action', header: '更正' }, { key: 'kind', header: '单据类型' }, { key: 'doc_no', header: '单据号' }, { key: 'ka', header: '系统' },
      { key: 'original_period', header: '原期间' }, { key: 'note', header: '说明' }, { key: 'booked_on', header: '记账日期' }, { key: 'reversal', header: '红字单号' },
      { key: 'reversed_fen', header: '冲销金额', money: true }, { key: 'replacement', header: '新版本单号' },
      { key: 'replacement_fen', header: '新版本金额', money: true }, { key: 'net_fen', header: '净影响', money: true },
      { key: 'by', header: '更正人' }, { key: 'reason', header: '原因' },
    ],
  };
}
