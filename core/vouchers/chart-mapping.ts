import type { Book } from '../../db/connection.js';
import { accountsUsedIn, bookAccounts, glAccounts, glChart, upsertGlAccount, type GlChartRow } from '../../db/queries/gl-mapping.js';
import { CUSTOMER_SOURCES, type MappingState } from '../../vocabulary/index.js';
import { AuditWriter } from '../audit/audit-chain.js';
import { UserError } from '../errors.js';
import type { Message } from '../../locale/index.js';
import { requirePermission } from '../users/permissions.js';
import type { SignedIn } from '../users/users.js';
import { proposals } from './chart-proposals.js';
import { assertGlCode } from './gl-code.js';
import type { AccountMapping } from './voucher-types.js';

/** The confirmed mapping of every account that has one. */
export function loadMapping(book: Book): Map<string, AccountMapping> {
  return new Map(glAccounts(book).map((r) => [r.account, {
    glCode: r.gl_code, glName: r.gl_name, auxCustomer: r.aux_customer, auxSupplier: r.aux_supplier === 1, auxDepartment: r.aux_department === 1,
  }]));
}

export interface MappingRow {
  account: string;
  nameZh: string;
  nameEn: string;
  kind: string;
  state: MappingState;
  /** the confirmed mapping, else the proposal, else nothing */
  mapping: AccountMapping | null;
  proposal: AccountMapping | null;
  changedBy: string | null;
  changedAt: string | null;
  /** entries of the period asked about that post to the account */
  entries: number;
}

export interface MappingView {
  rows: MappingRow[];
  chart: { accounts: number; leaves: number };
}

/** Every account of the book with its mapping or the proposal for it, and how much the period asked about uses it. */
export function mappingView(book: Book, period?: string): MappingView {
  const confirmed = loadMapping(book);
  const chart = glChart(book);
  const accounts = bookAccounts(book);
  const proposed = proposals(accounts.map((a) => a.code), confirmed, chart);
  const used = new Map(period ? accountsUsedIn(book, period).map((u) => [u.account, u.entries]) : []);
  const changed = new Map(glAccounts(book).map((r) => [r.account, r]));
  const rows = accounts.map((a): MappingRow => {
    const mine = confirmed.get(a.code) ?? null;
    const proposal = proposed.get(a.code) ?? null;
    return {
      account: a.code, nameZh: a.name_zh, nameEn: a.name_en, kind: a.kind,
      state: mine ? 'confirmed' : proposal ? 'proposed' : 'unmapped', mapping: mine ?? proposal, proposal,
      changedBy: changed.get(a.code)?.changed_by ?? null, changedAt: changed.get(a.code)?.changed_at ?? null, entries: used.get(a.code) ?? 0,
    };
  });
  return { rows, chart: { accounts: chart.length, leaves: chart.filter((c) => c.is_leaf === 1).length } };
}

/** A mapping's 核算项目 as a person reads them. */
function auxWords(m: AccountMapping): Message[] {
  const words: Message[] = [];
  if (m.auxCustomer !== 'none') words.push({ code: 'vouchers.aux-customer', params: { source: m.auxCustomer } });
  if (m.auxSupplier) words.push({ code: 'vouchers.aux-dimension', params: { dimension: 'supplier' } });
  if (m.auxDepartment) words.push({ code: 'vouchers.aux-dimension', params: { dimension: 'department' } });
  return words.length ? words : [{ code: 'vouchers.aux-none' }];
}

function describeAux(m: AccountMapping): string {
  return [m.auxCustomer !== 'none' ? `customer:${m.auxCustomer}` : '', m.auxSupplier ? 'supplier' : '', m.auxDepartment ? 'department' : ''].filter(Boolean).join(',') || 'none';
}

/** A mapping the GL will take: a leaf of the imported chart (when there is one), with the same 核算项目 as every other account mapped to the same code. */
function checked(book: Book, account: string, m: AccountMapping, chart: readonly GlChartRow[], others: ReadonlyMap<string, AccountMapping>): AccountMapping {
  const names = new Map(bookAccounts(book).map((a) => [a.code, a.name_zh]));
  if (!names.has(account)) throw new UserError('vouchers.unknown-account', { account }, { field: 'account' });
  const glCode = assertGlCode(m.glCode);
  if (!(CUSTOMER_SOURCES as readonly string[]).includes(m.auxCustomer)) throw new UserError('vouchers.aux-invalid', { value: m.auxCustomer }, { field: 'auxCustomer' });
  let glName = m.glName.trim();
  if (chart.length > 0) {
    const row = chart.find((c) => c.gl_code === glCode);
    if (!row) throw new UserError('vouchers.gl-code-unknown', { code: glCode }, { field: 'glCode' });
    if (row.is_leaf !== 1) {
      const children = chart.filter((c) => c.gl_code !== glCode && c.gl_code.startsWith(glCode)).slice(0, 5).map((c) => c.gl_code);
      throw new UserError('vouchers.gl-code-not-leaf', { code: glCode, name: row.gl_name, children }, { field: 'glCode' });
    }
    glName ||= row.full_name || row.gl_name;
  }
  // A code another account already goes to has its name already.
  glName ||= [...others.values()].find((o) => o.glCode === glCode)?.glName ?? '';
  if (!glName) throw new UserError('vouchers.gl-name-missing', { code: glCode }, { field: 'glName' });
  const mapping = { ...m, glCode, glName };
  for (const [other, o] of others) {
    if (other !== account && o.glCode === glCode && describeAux(o) !== describeAux(mapping)) {
      throw new UserError('vouchers.aux-conflict', { code: glCode, other, theirs: auxWords(o) }, { field: 'aux' });
    }
  }
  return mapping;
}

function save(book: Book, user: SignedIn, account: string, m: AccountMapping, before: AccountMapping | undefined): void {
  upsertGlAccount(book, {
    account, gl_code: m.glCode, gl_name: m.glName, aux_customer: m.auxCustomer, aux_supplier: m.auxSupplier ? 1 : 0,
    aux_department: m.auxDepartment ? 1 : 0, changed_by: user.username,
  });
  new AuditWriter(book).append({ actor: user.username, action: 'set', entity: 'gl_account', entityKey: account, ...(before ? { before } : {}), after: m });
}

/** Maps one account (accountant or manager), checked against the imported chart and the other mappings, audited. */
export function setAccountMapping(book: Book, user: SignedIn, account: string, m: AccountMapping): AccountMapping {
  requirePermission(user, 'vouchers');
  return book.write(() => {
    const current = loadMapping(book);
    const mapping = checked(book, account, m, glChart(book), current);
    save(book, user, account, mapping, current.get(account));
    return mapping;
  });
}

/** Confirms the proposals of the accounts named (all of them when none are), in one transaction; returns how many. */
export function acceptProposals(book: Book, user: SignedIn, accounts?: readonly string[]): number {
  requirePermission(user, 'vouchers');
  return book.write(() => {
    const current = loadMapping(book);
    const chart = glChart(book);
    const proposed = proposals(bookAccounts(book).map((a) => a.code), current, chart);
    let n = 0;
    for (const [account, proposal] of proposed) {
      if (accounts && !accounts.includes(account)) continue;
      const mapping = checked(book, account, proposal, chart, current);
      save(book, user, account, mapping, undefined);
      current.set(account, mapping);
      n++;
    }
    return n;
  });
}
