import type { Book } from '../../db/connection.js';
import { currentLimit, gradeHistory, insertLimit, latestGrade, limitHistory, undelivered, type CreditEntity } from '../../db/queries/credit.js';
import { dueFromManufacturer, receivablesAsOf } from '../../db/queries/statement-data.js';
import { distributorsList, kaList } from '../../db/queries/credit-parties.js';
import { findDistributor, findKaAccount } from '../../db/queries/master-data.js';
import { AuditWriter } from '../audit/audit-chain.js';
import { assertIsoDate } from '../calendar/dates.js';
import { figuresOfItems } from '../figures/headline-figures.js';
import { UserError } from '../errors.js';
import { requirePermission } from '../users/permissions.js';
import { currentUser, type SignedIn } from '../users/users.js';
import { gradeParty, type GradeExplanation } from './grades.js';

export interface Exposure {
  entity: CreditEntity;
  code: string;
  name: string;
  openReceivables: number;
  notYetReceived: number;
  gross: number;
  /** for a distributor: what the manufacturer owes it (claims, rebates, subsidies, central collections) */
  owedByManufacturer: number;
  net: number;
  limit: number | null;
  headroom: number | null;
  grade: GradeExplanation & { openFen: number };
  limitHistory: { limit_fen: number; reason: string; set_by: string; set_at: string }[];
}

export function resolveParty(book: Book, ref: string): { entity: CreditEntity; id: number; code: string } {
  const [kind, code] = ref.includes(':') ? ref.split(':') as [string, string] : ['ka', ref];
  if (kind === 'ka') {
    const k = findKaAccount(book, code);
    if (!k) throw new UserError('master.unknown-ka', { code });
    return { entity: 'ka', id: k.id, code };
  }
  if (kind === 'distributor') {
    const d = findDistributor(book, code);
    if (!d) throw new UserError('master.unknown-distributor', { code });
    return { entity: 'distributor', id: d.id, code };
  }
  throw new UserError('credit.invalid-party', { ref }, { field: 'party' });
}

/** 授信额度: a new limit for a KA or distributor, with who set it and why (the old ones stay as history). */
export function setCreditLimit(book: Book, ref: string, limitFen: number, reason: string, user: SignedIn): void {
  requirePermission(currentUser(book, user), 'credit.limit');
  if (!Number.isSafeInteger(limitFen) || limitFen < 0) throw new UserError('credit.invalid-limit', {}, { field: '--amount' });
  if (!reason.trim()) throw new UserError('credit.limit-reason', {}, { field: '--reason' });
  book.write(() => {
    const p = resolveParty(book, ref);
    const before = currentLimit(book, p.entity, p.id);
    insertLimit(book, { entity: p.entity, entity_id: p.id, limit_fen: limitFen, reason, set_by: user.username });
    new AuditWriter(book).append({ actor: user.username, action: 'set-limit', entity: `credit_${p.entity}`, entityKey: p.code, before: { limitFen: before }, after: { limitFen, reason } });
  });
}

/**
 * 风险敞口 as of a date: open receivables plus deliveries the last reconciliation found not yet received; for a
 * distributor also net of what the manufacturer owes it. Grades are computed (and kept) on the way.
 */
export function exposures(book: Book, asOfText: string, actor: string): Exposure[] {
  const asOf = assertIsoDate(asOfText, { field: '--as-of' });
  return book.write(() => {
    const open = receivablesAsOf(book, null, asOf);
    const pending = undelivered(book);
    const out: Exposure[] = [];
    for (const k of kaList(book)) {
      const openReceivables = figuresOfItems(open.filter((o) => o.ka_account_id === k.id)).balance;
      const notYetReceived = pending.filter((p) => p.ka_account_id === k.id).reduce((s, p) => s + p.fen, 0);
      const gross = openReceivables + notYetReceived;
      const limit = currentLimit(book, 'ka', k.id);
      out.push({ entity: 'ka', code: k.code, name: k.name, openReceivables, notYetReceived, gross, owedByManufacturer: 0, net: gross, limit,
        headroom: limit === null ? null : limit - gross, grade: gradeParty(book, 'ka', k.id, asOf, actor), limitHistory: limitHistory(book, 'ka', k.id) });
    }
    for (const d of distributorsList(book)) {
      const openReceivables = figuresOfItems(open.filter((o) => o.distributor_id === d.id)).balance;
      const notYetReceived = pending.filter((p) => p.distributor_id === d.id).reduce((s, p) => s + p.fen, 0);
      const owed = dueFromManufacturer(book, d.id, asOf);
      const owedByManufacturer = owed.claims_fen + owed.collected_fen;
      const gross = openReceivables + notYetReceived;
      const limit = currentLimit(book, 'distributor', d.id);
      out.push({ entity: 'distributor', code: d.code, name: d.name, openReceivables, notYetReceived, gross, owedByManufacturer, net: gross - owedByManufacturer, limit,
        headroom: limit === null ? null : limit - (gross - owedByManufacturer), grade: gradeParty(book, 'distributor', d.id, asOf, actor), limitHistory: limitHistory(book, 'distributor', d.id) });
    }
    return out;
  });
}

export { latestGrade };

/** 诚信档案: a KA's or distributor's limits and grades over time, each grade with its reasons. */
export function creditHistory(book: Book, ref: string) {
  const p = resolveParty(book, ref);
  return { party: ref, limits: limitHistory(book, p.entity, p.id), grades: gradeHistory(book, p.entity, p.id) };
}
