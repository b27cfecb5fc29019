import { hasMessage, readStoredMessage, type LabelGroup, type Message, type MessageCode } from '../../locale/index.js';

/**
 * An audit row as a person reads it: one sentence for what changed (记账 验收单 YS0903A021：3 行，合计 ¥1,234.56), and
 * each recorded field by its name with its value in the book's units made readable — money in yuan, prices in yuan,
 * rates in per cent, vocabulary values by their label — never the row's raw JSON in fen.
 */
export type AuditValue =
  | { money: number } | { price: number } | { rate: number } | { label: LabelGroup; value: string } | { text: string } | { message: Message }
  | { count: number } | null;

export interface AuditDetail { field: Message; before: AuditValue; after: AuditValue }

type Payload = Record<string, unknown>;
const asObject = (v: unknown): Payload => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Payload) : {});

/** Keys whose numbers are money (fen), prices (1/10,000 yuan) or rates (ppm). */
const MONEY = new Set(['limitFen', 'total', 'manufacturer_fen', 'distributor_fen', 'maxAmount', 'threshold', 'amount', 'monthlyFloor', 'monthlyCap', 'rebates',
  'deliveryCost', 'priceProtection', 'amountFen', 'claimFen', 'debit']);
const PRICE = new Set(['price', 'normalPrice', 'promoPrice']);
const RATE = new Set(['feePoints', 'vatRate', 'manufacturerShare', 'rate', 'maxPoints']);
/** Keys whose strings are vocabulary values, and the labels that say them. */
const LABELLED: Record<string, LabelGroup> = {
  role: 'roles', kind: 'docKinds', fee_type: 'feeTypes', feeType: 'feeTypes', verdict: 'verdicts', classified_by: 'classifiedBy', decision: 'decision',
  status_seen: 'status', override_to: 'status', settlementMode: 'remittanceMethods', party: 'confirmationParties', result: 'confirmationResults',
  tierMode: 'tierModes', direction: 'rebateDirections', basis: 'rebateBases', method: 'deliveryCostMethods',
  auxCustomer: 'customerSources', grouping: 'voucherGroupings',
};

/** A field's name: its catalog word (field.kaCode → KA 系统), else the key as it is. */
export function fieldName(key: string): Message {
  const code = `field.${key}`;
  return hasMessage(code) ? { code } : { code: 'place.text', params: { text: key } };
}

/** A recorded value made readable by what its key says it is. */
export function auditValue(key: string, v: unknown, entity: string): AuditValue {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return { count: v.length };
  if (typeof v === 'object') return { count: Object.keys(v).length };
  if (typeof v === 'number') {
    if (MONEY.has(key)) return { money: v };
    if (PRICE.has(key)) return { price: v };
    if (RATE.has(key)) return { rate: v };
    return { text: String(v) };
  }
  if (typeof v === 'boolean') return { message: { code: v ? 'audit.yes' : 'audit.no' } };
  const text = String(v);
  if (key === 'status') return { label: entity === 'fee_claim' ? 'claimStatus' : entity === 'period' ? 'periodStatus' : 'status', value: text };
  if (LABELLED[key]) return { label: LABELLED[key]!, value: text };
  if (key === 'reason' && text.startsWith('{"code"')) return { message: readStoredMessage(text) };
  return { text };
}

/** Every top-level field the change recorded, before and after. */
export function auditDetails(entity: string, before: unknown, after: unknown): AuditDetail[] {
  if ((before !== null && before !== undefined && typeof before !== 'object') || (after !== null && after !== undefined && typeof after !== 'object')) {
    // A setting's value is recorded as it is, not as an object of fields.
    return [{ field: { code: 'audit.value' }, before: auditValue('value', before, entity), after: auditValue('value', after, entity) }];
  }
  const b = asObject(before);
  const a = asObject(after);
  return [...new Set([...Object.keys(b), ...Object.keys(a)])].map((key) => ({ field: fieldName(key), before: auditValue(key, b[key], entity), after: auditValue(key, a[key], entity) }));
}

const sumPositive = (parts: unknown): number => (Array.isArray(parts) ? parts.reduce((s: number, p) => s + Math.max(0, Number(asObject(p).amount) || 0), 0) : 0);

/** What the change was, in one sentence. */
export function auditSummary(action: string, entity: string, key: string, before: unknown, after: unknown): Message {
  const a = asObject(after);
  const b = asObject(before);
  const m = (code: MessageCode, params: Message['params'] = {}): Message => ({ code, params });
  const reason = (v: unknown) => (typeof v === 'string' && v ? v : '');
  switch (action) {
    case 'create': return m('audit.s-create', { entity, key });
    case 'update': {
      const changed = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => JSON.stringify(b[k] ?? null) !== JSON.stringify(a[k] ?? null));
      return m('audit.s-update', { entity, key, fields: changed.map(fieldName) });
    }
    case 'post': return m('audit.s-post', { kind: String(a.kind ?? ''), docNo: String(a.docNo ?? key), lines: Number(a.lines ?? 0), total: Number(a.total ?? 0) });
    case 'clear': return m('audit.s-clear', { parts: Array.isArray(a.parts) ? a.parts.length : 0, amount: sumPositive(a.parts) });
    case 'reverse':
      if (entity === 'document') return m('audit.s-reverse-document', { docNo: String(b.docNo ?? key), reversal: String(a.docNo ?? ''), reason: reason(a.reason) });
      return m('audit.s-reverse-clearing', { clearing: key, reason: reason(a.reason) });
    case 'replace': case 'reinstate':
      return m(action === 'replace' ? 'audit.s-replace' : 'audit.s-reinstate', { key: key.replace(/^[a-z_]+:/, ''), version: Number(a.version ?? 0), before: Number(b.total ?? 0), after: Number(a.total ?? 0), reason: reason(a.reason) });
    case 'reallocate': return m('audit.s-reallocate', { key: key.replace(/^remittance:/, ''), mode: String(a.mode ?? 'references'), applied: Number(a.applied ?? 0), reason: reason(a.reason) });
    case 'undo-import': return m('audit.s-undo-import', { batch: key, documents: Array.isArray(a.reversals) ? a.reversals.length : 0, reason: reason(a.reason) });
    case 'accrue': return m('audit.s-accrue', { period: key, rebates: Number(a.rebates ?? 0), deliveryCost: Number(a.deliveryCost ?? 0), priceProtection: Number(a.priceProtection ?? 0) });
    case 'reconcile': {
      const lines = asObject(a.deliveryLines);
      const unmatched = Object.entries(lines).filter(([k]) => k !== 'matched').reduce((s, [, n]) => s + (Number(n) || 0), 0);
      return m('audit.s-reconcile', { period: key, matched: Number(lines.matched ?? 0), unmatched, claims: Number(a.claimsCreated ?? 0) });
    }
    case 'confirmed': case 'overridden': case 'annotated':
      return m('audit.s-decision', { decision: action, seen: String(a.status_seen ?? ''), to: String(a.override_to ?? a.status_seen ?? ''), note: reason(a.note) });
    case 'reclassify': return m('audit.s-reclassify', { from: String(b.fee_type ?? ''), to: String(a.fee_type ?? ''), verdict: String(a.verdict ?? '') });
    case 'claim-status': return m('audit.s-claim-status', { claim: key, from: String(b.status ?? ''), to: String(a.status ?? ''), reason: reason(a.reason) });
    case 'attach': return m('audit.s-attach', { claim: key, file: String(a.file ?? '') });
    case 'accept-exceptions': return m('audit.s-accept', { count: Number(a.count ?? 0), reason: reason(a.reason) });
    case 'prepare': return m('audit.s-prepare', { period: key, count: Array.isArray(a.statements) ? a.statements.length : 0 });
    case 'review': case 'approve': return m('audit.s-signoff', { period: key, step: action });
    case 'reopen': return m('audit.s-reopen', { period: key, reason: reason(a.reason) });
    case 'confirm': return m('audit.s-confirm', { statement: key, party: String(a.party ?? ''), ka: String(a.ka ?? ''), result: String(a.result ?? ''), reasons: reason(a.reasons) });
    case 'set':
      if (entity === 'gl_account') return m('audit.s-map-account', { account: key, code: String(a.glCode ?? ''), name: String(a.glName ?? '') });
      if (entity === 'gl_aux_item') return m('audit.s-map-aux', { key, code: String(a.code ?? ''), name: String(a.name ?? '') });
      return m('audit.s-set', { key });
    case 'import': return m('audit.s-import-chart', { file: key, accounts: Number(a.accounts ?? 0), leaves: Number(a.leaves ?? 0) });
    case 'export': return m('audit.s-export-vouchers', { key, vouchers: Number(a.vouchers ?? 0), debit: Number(a.debit ?? 0) });
    case 'rewrite': return m('audit.s-rewrite-vouchers', { key, vouchers: Number(a.vouchers ?? 0), debit: Number(a.debit ?? 0) });
    case 'set-limit': return m('audit.s-set-limit', { key, before: b.limitFen === null || b.limitFen === undefined ? { code: 'audit.none' } : { code: 'audit.v-money', params: { v: Number(b.limitFen) } }, after: Number(a.limitFen ?? 0), reason: reason(a.reason) });
    case 'override-hold': return m('audit.s-override-hold', { key, until: String(a.until ?? ''), reason: reason(a.reason) });
    case 'follow-up': return m('audit.s-follow-up', { key, note: reason(a.note) });
    case 'password': return m('audit.s-password', { key });
    case 'disable': return m('audit.s-disable', { key });
    default: return m('audit.s-other', { action, entity, key });
  }
}

/** Who acted, as a person reads it: 李华（lihua）, or the computer's user when nobody signed in. */
export function actorWords(actor: string, names: Map<string, string>): Message | string {
  if (actor.startsWith('os:')) return { code: 'audit.os-user', params: { name: actor.slice(3) } };
  const name = names.get(actor);
  return name && name !== actor ? { code: 'users.person', params: { name, login: actor } } : actor;
}
