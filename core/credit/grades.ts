import type { Book } from '../../db/connection.js';
import { behaviourFigures, insertGrade, type CreditEntity } from '../../db/queries/credit.js';
import { getSettingJson } from '../../db/queries/settings.js';
import { receivablesAsOf } from '../../db/queries/statement-data.js';
import { addDays } from '../calendar/dates.js';
import type { Message, MessageCode } from '../../locale/index.js';
import { formatFen } from '../money/format.js';

/** 信用等级 settings: points per measure, the thresholds that cost a third of them each, and the score of each grade. */
export interface GradingRules {
  weights: Record<Measure, number>;
  thresholds: Record<Measure, [number, number, number]>;
  grades: { A: number; B: number; C: number };
}
export type Measure = 'dso' | 'overdueShare' | 'longestOverdue' | 'disputedShare' | 'shortPaidShare';
const MEASURES: Measure[] = ['dso', 'overdueShare', 'longestOverdue', 'disputedShare', 'shortPaidShare'];

export const DEFAULT_RULES: GradingRules = {
  weights: { dso: 25, overdueShare: 25, longestOverdue: 20, disputedShare: 15, shortPaidShare: 15 },
  thresholds: { dso: [45, 75, 120], overdueShare: [0.1, 0.25, 0.5], longestOverdue: [30, 60, 120], disputedShare: [0.05, 0.15, 0.3], shortPaidShare: [0.01, 0.03, 0.08] },
  grades: { A: 80, B: 60, C: 40 },
};

export function gradingRules(book: Book): GradingRules {
  const raw = getSettingJson(book, 'credit.grading');
  return raw ? { ...DEFAULT_RULES, ...(JSON.parse(raw) as Partial<GradingRules>) } : DEFAULT_RULES;
}

export interface GradeExplanation {
  grade: 'A' | 'B' | 'C' | 'D';
  score: number;
  measures: { measure: Measure; value: number; thresholds: [number, number, number]; points: number; of: number; reason: Message }[];
}

/** Points for one measure: all of them at or under the first threshold, two thirds, one third, none past the third. */
export function pointsFor(value: number, thresholds: [number, number, number], weight: number): number {
  const band = value <= thresholds[0] ? 0 : value <= thresholds[1] ? 1 : value <= thresholds[2] ? 2 : 3;
  return Math.round((weight * (3 - band)) / 3);
}

export function gradeOf(score: number, rules: GradingRules): 'A' | 'B' | 'C' | 'D' {
  return score >= rules.grades.A ? 'A' : score >= rules.grades.B ? 'B' : score >= rules.grades.C ? 'C' : 'D';
}

/** The measures of payment behaviour over the 90 days to a date. */
export function measuresOf(book: Book, asOf: string, kaAccountId: number | null, distributorId: number | null): Record<Measure, number> & { openFen: number; salesFen: number } {
  const from = addDays(asOf, -89);
  const open = receivablesAsOf(book, distributorId, asOf).filter((o) => (kaAccountId === null || o.ka_account_id === kaAccountId) && o.open_fen > 0);
  const openFen = open.reduce((s, o) => s + o.open_fen, 0);
  const overdue = open.filter((o) => o.days_past_due > 0).reduce((s, o) => s + o.open_fen, 0);
  const f = behaviourFigures(book, from, asOf, kaAccountId, distributorId);
  return {
    openFen, salesFen: f.sales_fen,
    dso: f.sales_fen > 0 ? Math.round((openFen * 90) / f.sales_fen) : openFen > 0 ? 999 : 0,
    overdueShare: openFen > 0 ? overdue / openFen : 0,
    longestOverdue: open.reduce((m, o) => Math.max(m, o.days_past_due), 0),
    disputedShare: f.deductions_fen > 0 ? f.disputed_fen / f.deductions_fen : 0,
    shortPaidShare: f.remitted_fen > 0 ? f.short_fen / f.remitted_fen : 0,
  };
}

/** A share (0.1234) as people read it (12.34%), from integer hundredths of a percent. */
function percent(share: number): string {
  const hundredths = Math.round(share * 10_000);
  return `${Math.trunc(hundredths / 100)}.${String(Math.abs(hundredths) % 100).padStart(2, '0')}%`;
}

const REASON: Record<Measure, { code: MessageCode; shown: (v: number) => string | number }> = {
  dso: { code: 'credit.grade-dso', shown: (v) => v },
  overdueShare: { code: 'credit.grade-overdue-share', shown: percent },
  longestOverdue: { code: 'credit.grade-longest-overdue', shown: (v) => v },
  disputedShare: { code: 'credit.grade-disputed-share', shown: percent },
  shortPaidShare: { code: 'credit.grade-short-paid-share', shown: percent },
};

export function explainGrade(measures: Record<Measure, number>, rules: GradingRules): GradeExplanation {
  const rows = MEASURES.map((m) => {
    const points = pointsFor(measures[m], rules.thresholds[m], rules.weights[m]);
    return { measure: m, value: measures[m], thresholds: rules.thresholds[m], points, of: rules.weights[m], reason: { code: REASON[m].code, params: { value: REASON[m].shown(measures[m]), points, of: rules.weights[m] } } };
  });
  const score = rows.reduce((s, r) => s + r.points, 0);
  return { grade: gradeOf(score, rules), score, measures: rows };
}

/** Computes and keeps the grade of a KA account or distributor as of a date (the history keeps every one). */
export function gradeParty(book: Book, entity: CreditEntity, id: number, asOf: string, actor: string): GradeExplanation & { openFen: number } {
  const m = measuresOf(book, asOf, entity === 'ka' ? id : null, entity === 'distributor' ? id : null);
  const e = explainGrade(m, gradingRules(book));
  insertGrade(book, { entity, entity_id: id, as_of: asOf, grade: e.grade, score: e.score, reasons_json: JSON.stringify({ ...e, openFen: m.openFen, open: formatFen(m.openFen) }), computed_by: actor });
  return { ...e, openFen: m.openFen };
}
