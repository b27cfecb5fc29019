import type { Book } from '../../db/connection.js';
import { contractTerms, type ContractRow, type DeliveryCostRow } from '../../db/queries/contracts.js';
import { subsidyAccepted, subsidyCases, subsidyDrops } from '../../db/queries/terms.js';
import { lastDayOf } from '../calendar/dates.js';
import type { LineDraft, Poster } from '../ledger/post-documents.js';
import { applyRate, divideHalfUp } from '../money/rounding.js';
import type { Fen } from '../money/units.js';
import { postDifference } from './post-difference.js';
import { storedMessage, type Message } from '../../locale/index.js';

export interface SubsidyLine {
  region: string;
  method: DeliveryCostRow['method'];
  /** what the rule is applied to: accepted value (fen), cases (thousandths of a case) or drops */
  quantity: number;
  rate: number;
  amount: Fen;
  detail: Message;
}

export interface SubsidyExplanation {
  contract: string;
  distributorId: number;
  distributorCode: string;
  period: string;
  lines: SubsidyLine[];
  subtotal: Fen;
  floor: Fen | null;
  cap: Fen | null;
  total: Fen;
  rounding: Message;
}

/**
 * 配送费补贴 for one KA contract and month, per distributor: each store region by its own rule or the default —
 * a percent of accepted value, an amount per case (quantity ÷ case pack, rounded half-up per product), or an
 * amount per drop (delivery note) — then the month's floor and cap of the default rule. A distributor with
 * nothing accepted gets nothing (the floor guarantees an active month, not an idle one).
 */
export function explainDeliveryCost(book: Book, c: ContractRow, period: string): SubsidyExplanation[] {
  const rules = contractTerms(book, c.id).deliveryCost;
  const fallback = rules.find((r) => r.region === '');
  if (!rules.length) return [];
  const ruleFor = (region: string) => rules.find((r) => r.region === region) ?? fallback;
  const accepted = subsidyAccepted(book, c.ka_account_id, c.manufacturer_id, period);
  const cases = subsidyCases(book, c.ka_account_id, c.manufacturer_id, period);
  const drops = subsidyDrops(book, c.ka_account_id, c.manufacturer_id, period);
  const byDistributor = new Map<number, { code: string; lines: SubsidyLine[] }>();
  for (const a of accepted) {
    if (c.distributor_id !== null && a.distributor_id !== c.distributor_id) continue;
    const rule = ruleFor(a.region);
    if (!rule) continue;
    const entry = byDistributor.get(a.distributor_id) ?? { code: a.distributor_code, lines: [] };
    byDistributor.set(a.distributor_id, entry);
    if (rule.method === 'percent') {
      entry.lines.push({ region: a.region, method: 'percent', quantity: a.accepted_fen, rate: rule.rate_ppm!, amount: applyRate(a.accepted_fen, rule.rate_ppm!),
        detail: { code: 'terms.detail-percent', params: { accepted: a.accepted_fen, rate: rule.rate_ppm! } } });
    } else if (rule.method === 'per_case') {
      for (const p of cases.filter((x) => x.distributor_id === a.distributor_id && x.region === a.region)) {
        const amount = Number(divideHalfUp(BigInt(p.qty_milli) * BigInt(rule.amount_fen!), BigInt(p.case_pack) * 1000n));
        entry.lines.push({ region: a.region, method: 'per_case', quantity: Number(divideHalfUp(BigInt(p.qty_milli), BigInt(p.case_pack))), rate: rule.amount_fen!, amount,
          detail: { code: 'terms.detail-per-case', params: { sku: p.sku, qty: p.qty_milli, casePack: p.case_pack, amount: rule.amount_fen! } } });
      }
    } else {
      const n = drops.find((x) => x.distributor_id === a.distributor_id && x.region === a.region)?.drops ?? 0;
      entry.lines.push({ region: a.region, method: 'per_drop', quantity: n, rate: rule.amount_fen!, amount: n * rule.amount_fen!, detail: { code: 'terms.detail-per-drop', params: { drops: n, amount: rule.amount_fen! } } });
    }
  }
  return [...byDistributor.entries()].map(([distributorId, { code, lines }]) => {
    const subtotal = lines.reduce((s, l) => s + l.amount, 0);
    const floor = fallback?.monthly_floor_fen ?? null;
    const cap = fallback?.monthly_cap_fen ?? null;
    let total = subtotal;
    if (total > 0 && floor !== null && total < floor) total = floor;
    if (cap !== null && total > cap) total = cap;
    return { contract: c.code, distributorId, distributorCode: code, period, lines, subtotal, floor, cap, total,
      rounding: { code: 'terms.rounding-subsidy' } };
  });
}

export function accrueDeliveryCost(book: Book, poster: Poster, c: ContractRow, period: string): { explanations: SubsidyExplanation[]; posted: Fen } {
  const explanations = explainDeliveryCost(book, c, period);
  let posted = 0;
  for (const e of explanations) {
    // The first claim of the month carries the lines it rests on (and the floor or cap as a line of its own); a later
    // correction is one line of the difference.
    const lines = (d: Fen): LineDraft[] => (d === e.total
      ? [...e.lines.map((l) => ({ amount: l.amount, memo: storedMessage({ code: 'memo.subsidy-line', params: { region: l.region || { code: 'memo.all-regions' }, method: l.method, detail: l.detail } }) })),
         ...(e.total !== e.subtotal ? [{ amount: e.total - e.subtotal, memo: storedMessage({ code: e.total > e.subtotal ? 'memo.monthly-floor' : 'memo.monthly-cap' }) }] : [])]
      : [{ amount: d, memo: storedMessage({ code: 'memo.correction-to', params: { total: e.total } }) }]);
    posted += postDifference(book, poster, {
      kind: 'delivery_cost_claim', keyPrefix: `DCS|${c.code}|${e.distributorCode}|${period}|`, period, date: lastDayOf(period),
      docNo: `PS${period.replace('-', '')}-${c.code}-${e.distributorCode}`, target: e.total,
      parties: { manufacturerId: c.manufacturer_id, kaAccountId: c.ka_account_id, distributorId: e.distributorId },
      memo: storedMessage({ code: 'memo.delivery-cost', params: { contract: c.code, distributor: e.distributorCode, period } }), lines,
    }).posted;
  }
  return { explanations, posted };
}
