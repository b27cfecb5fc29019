import type { GlChartRow } from '../../db/queries/gl-mapping.js';
import { CAS_PROPOSALS, type Proposal } from './default-chart.js';
import type { AccountMapping } from './voucher-types.js';

/** What a chart row says of the 核算项目 its GL keeps (金蝶 核算项目 客户/供应商/部门, 用友 辅助核算 客户往来/供应商往来/部门核算). */
export function auxFromChart(text: string | null | undefined): Pick<AccountMapping, 'auxCustomer' | 'auxSupplier' | 'auxDepartment'> | null {
  if (!text || !text.trim()) return null;
  return { auxCustomer: /客户/.test(text) ? 'ka' : 'none', auxSupplier: /供应商/.test(text), auxDepartment: /部门/.test(text) };
}

function fromRow(base: Proposal, row: GlChartRow): AccountMapping {
  const aux = auxFromChart(row.aux_text);
  return {
    glCode: row.gl_code, glName: row.full_name || row.gl_name,
    auxCustomer: aux?.auxCustomer ?? base.auxCustomer, auxSupplier: aux?.auxSupplier ?? base.auxSupplier, auxDepartment: aux?.auxDepartment ?? base.auxDepartment,
  };
}

/**
 * The proposal for one account against the company's chart, when one is imported: the proposed code if it is a leaf
 * there; else the leaf under the same first-level account whose name carries more of the proposal's words than any other; else that
 * first-level account if it has no sub-accounts. Without an imported chart, the 企业会计准则 proposal as it is.
 */
function proposalAgainst(base: Proposal, chart: readonly GlChartRow[]): AccountMapping | null {
  if (chart.length === 0) return base;
  const exact = chart.find((c) => c.gl_code === base.glCode);
  if (exact?.is_leaf) return fromRow(base, exact);
  const top = base.glCode.slice(0, 4);
  const leaves = chart.filter((c) => c.is_leaf === 1 && c.gl_code.startsWith(top) && c.gl_code !== top);
  // The sub-account whose name carries most of the words, if one does more than any other.
  const scored = leaves.map((c) => ({ c, score: base.keywords.filter((k) => (c.full_name || c.gl_name).includes(k)).length })).sort((x, y) => y.score - x.score);
  if (scored[0] && scored[0].score > 0 && scored[0].score > (scored[1]?.score ?? 0)) return fromRow(base, scored[0].c);
  const parent = chart.find((c) => c.gl_code === top);
  return parent?.is_leaf ? fromRow(base, parent) : null;
}

const auxKey = (m: AccountMapping) => `${m.auxCustomer}|${m.auxSupplier}|${m.auxDepartment}`;

/**
 * Proposals for the accounts that have no confirmed mapping. A GL account has one set of 核算项目, so a proposal that
 * would give a code other 核算项目 than a confirmed mapping (or an earlier proposal) of the same code is not made.
 */
export function proposals(accounts: readonly string[], confirmed: ReadonlyMap<string, AccountMapping>, chart: readonly GlChartRow[]): Map<string, AccountMapping> {
  const auxOfCode = new Map<string, string>();
  for (const m of confirmed.values()) auxOfCode.set(m.glCode, auxKey(m));
  const out = new Map<string, AccountMapping>();
  for (const account of accounts) {
    const base = CAS_PROPOSALS[account];
    if (!base || confirmed.has(account)) continue;
    const proposal = proposalAgainst(base, chart);
    if (!proposal) continue;
    const mapping: AccountMapping = {
      glCode: proposal.glCode, glName: proposal.glName, auxCustomer: proposal.auxCustomer, auxSupplier: proposal.auxSupplier, auxDepartment: proposal.auxDepartment,
    };
    const seen = auxOfCode.get(mapping.glCode);
    if (seen !== undefined && seen !== auxKey(mapping)) continue;
    auxOfCode.set(mapping.glCode, auxKey(mapping));
    out.set(account, mapping);
  }
  return out;
}
