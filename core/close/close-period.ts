import type { Book } from '../../db/connection.js';
import {
  acceptException, acceptedExceptions, insertStatementVersion, liveStatements, markStatements, openExceptions, type OpenResultRow,
} from '../../db/queries/close.js';
import { getPeriod, ensurePeriod, setPeriodStatus, type PeriodStatus } from '../../db/queries/periods.js';
import { activeDistributors, distributorParty } from '../../db/queries/statement-data.js';
import { distributorCode } from '../../db/queries/sign-offs.js';
import { AuditWriter } from '../audit/audit-chain.js';
import { assertPeriod } from '../calendar/dates.js';
import { canonicalJson, sha256Hex } from '../canonical-json.js';
import { readStoredMessage, type Message } from '../../locale/index.js';
import type { CloseExceptionKind } from '../../vocabulary/index.js';
import { UserError } from '../errors.js';
import { compareStatements } from '../reconcile/compare-statements.js';
import { reconcilePeriod } from '../reconcile/reconcile-period.js';
import { buildStatement } from '../statement/build-statement.js';
import { accruePeriod } from '../terms/accrue-period.js';
import { requirePermission } from '../users/permissions.js';
import { currentUser, personOf, type SignedIn } from '../users/users.js';
import { assertFourEyes, assertMayUndo } from './four-eyes.js';
import { assertEarlierMonthsDone, assertNoLaterMonthClosed } from './period-order.js';
import { recordSignOff } from './sign-offs.js';

/**
 * One thing that blocks preparing a month: its key (for accepting it), where it is worked (the line of the
 * workbench, the deduction, the KA statement's document) and what it is, as a message.
 */
export interface CloseException {
  key: string;
  kind: CloseExceptionKind;
  lineId: number | null;
  docNo: string;
  amountFen: number;
  what: Message;
}

function resultException(r: OpenResultRow): CloseException {
  const reason = readStoredMessage(r.reason);
  const common = { key: r.key, kind: r.kind, lineId: r.line_id, docNo: r.doc_no, amountFen: r.amount_fen };
  const where = { docNo: r.doc_no, store: r.store ?? '', sku: r.sku ?? '', reason };
  if (r.kind === 'delivery') return { ...common, what: { code: 'close.exception-delivery', params: { status: r.status, ...where } } };
  if (r.kind === 'receipt') return { ...common, what: { code: 'close.exception-receipt', params: where } };
  return { ...common, what: { code: 'close.exception-deduction', params: { verdict: r.status, docNo: r.doc_no, wording: r.wording ?? '', amount: r.amount_fen, reason } } };
}

/** The exceptions of the book as it stands: its stored reconciliation results and the KA statements' differences. */
function standingExceptions(book: Book, period: string): CloseException[] {
  const statementDiffs = compareStatements(book, period, null).flatMap((s) =>
    s.differences.map((d): CloseException => ({
      key: `statement:${s.statement}:${d.reference ?? '-'}:${d.kind}`, kind: 'statement', lineId: null, docNo: d.reference ?? s.statement, amountFen: d.differenceFen,
      what: { code: 'close.exception-statement', params: { ka: s.ka, statement: s.statement, kind: d.kind, reference: d.reference ?? '', difference: d.differenceFen } },
    })));
  const accepted = acceptedExceptions(book, period);
  return [...openExceptions(book, period).map(resultException), ...statementDiffs].filter((e) => !accepted.has(e.key));
}

/** 准备's own first steps: the month's reconciliation and accruals, inside the caller's transaction. */
function reconcileAndAccrue(book: Book, period: string, actor: string, asOf?: string): void {
  reconcilePeriod(book, { period, actor, ...(asOf ? { asOf } : {}) });
  accruePeriod(book, period, actor);
}

/**
 * What stands in the way of preparing a period — unresolved reconciliation results and KA statement differences —
 * as preparing it now would find them: the reconciliation and accruals are rehearsed and rolled back, so asking
 * changes nothing. A closed period is not rehearsed (nothing may be written in it): its stored results are shown.
 */
export function closeExceptions(book: Book, period: string, asOf?: string): CloseException[] {
  if (statusOf(book, period) === 'closed') return standingExceptions(book, period);
  return book.rehearse(() => {
    reconcileAndAccrue(book, period, 'close-exceptions', asOf);
    return standingExceptions(book, period);
  });
}

/** Accepts blocking exceptions one by one (or all that are open) with a reason, each recorded and audited. */
export function acceptCloseExceptions(book: Book, periodText: string, keys: string[] | 'all', reason: string, user: SignedIn): number {
  const period = assertPeriod(periodText, { field: '--period' });
  if (!reason.trim()) throw new UserError('close.accept-reason', {}, { field: '--reason' });
  requirePermission(currentUser(book, user), 'close.accept');
  return book.write(() => {
    if (statusOf(book, period) !== 'open') throw new UserError('close.accept-when-open', { period, status: statusOf(book, period) });
    const open = closeExceptions(book, period);
    const chosen = keys === 'all' ? open.map((e) => e.key) : keys;
    for (const key of chosen) {
      if (keys !== 'all' && !open.some((e) => e.key === key)) throw new UserError('close.not-an-exception', { key, period }, { field: '--accept' });
      acceptException(book, period, key, reason, user.username);
    }
    new AuditWriter(book).append({ actor: user.username, action: 'accept-exceptions', entity: 'period', entityKey: period, after: { count: chosen.length, reason } });
    return chosen.length;
  });
}

function distributorCodeOf(book: Book, id: number): string {
  return distributorCode(book, id) ?? String(id);
}

function statusOf(book: Book, period: string): PeriodStatus {
  return getPeriod(book, period)?.status ?? 'open';
}

function hashOf(content: unknown): string {
  return sha256Hex(canonicalJson(content));
}

/**
 * The money of a statement without the claims' workflow status: a claim approved between preparation and sign-off
 * changes no figure the signer checks, so it must not make the statement "changed".
 */
export function figuresOf(content: ReturnType<typeof buildStatement>): string {
  return hashOf(signedFigures(content));
}

/** The figures of a statement that a sign-off vouches for (see figuresOf), as data to compare. */
export function signedFigures(content: ReturnType<typeof buildStatement>): unknown {
  const { feeClaims, details, ...rest } = content;
  return { ...rest, outstanding: feeClaims.outstanding, details: { ...details, claims: details.claims.map(({ status: _s, ...c }) => c) } };
}

/**
 * Statements of the period as the book stands now, one per distributor with activity. The canonical text is made
 * once and hashed (a statement of 20,000 delivery lines takes a quarter of a second to canonicalise); the signed
 * figures' hash only when a sign-off compares them.
 */
function currentStatements(book: Book, period: string) {
  return activeDistributors(book, period).map(({ code }) => {
    const party = distributorParty(book, code)!;
    const content = buildStatement(book, period, code);
    const json = canonicalJson(content);
    return { party, content, json, sha256: sha256Hex(json), figures: () => figuresOf(content) };
  });
}

/**
 * 准备: the accountant runs the month's reconciliation and accruals, and — when every exception is resolved or
 * accepted with a reason — freezes a statement version per distributor with its SHA-256. All of it is one
 * transaction: a refused preparation leaves the book as it was (no reconciliation results, accruals or claims of
 * its own), apart from the audit row that records the refusal.
 */
export function preparePeriod(book: Book, periodText: string, user: SignedIn, asOf?: string): { statements: { distributor: string; version: number; sha256: string }[] } {
  const period = assertPeriod(periodText, { field: '--period' });
  assertFourEyes(book, period, 'prepare', user);
  const found: { blocking: CloseException[] } = { blocking: [] };
  try {
    return book.write(() => prepareInTransaction(book, period, user, asOf, found));
  } catch (e) {
    if (e instanceof UserError) {
      // Everything the attempt wrote is rolled back; that it was refused, and why, is kept.
      book.write(() => new AuditWriter(book).append({ actor: user.username, action: 'prepare-refused', entity: 'period', entityKey: period,
        after: { code: e.code, exceptions: found.blocking.length, first: found.blocking.slice(0, 10).map((b) => b.key) } }));
    }
    throw e;
  }
}

function prepareInTransaction(book: Book, period: string, user: SignedIn, asOf: string | undefined, found: { blocking: CloseException[] }) {
  const status = statusOf(book, period);
  if (status !== 'open') throw new UserError('close.prepare-when-open', { period, status });
  assertEarlierMonthsDone(book, period, 'prepare');
  reconcileAndAccrue(book, period, user.username, asOf);
  found.blocking = standingExceptions(book, period);
  if (found.blocking.length) {
    const blocking = found.blocking;
    throw new UserError('close.blocking', { period, count: blocking.length, first: blocking[0]!.what });
  }
  ensurePeriod(book, period);
  const made = currentStatements(book, period).map((s) => {
    const id = insertStatementVersion(book, { period, distributor_id: s.party.id, manufacturer_id: s.party.manufacturer_id, content_json: s.json, sha256: s.sha256, prepared_by: user.username });
    const version = liveStatements(book, period).find((x) => x.id === id)!.version;
    return { distributor: s.party.code, version, sha256: s.sha256 };
  });
  setPeriodStatus(book, period, 'prepared', user.username);
  const chain = recordSignOff(book, period, 'prepare', user.username, made);
  new AuditWriter(book).append({ actor: user.username, action: 'prepare', entity: 'period', entityKey: period, after: { statements: made, chain } });
  return { statements: made };
}

/** The figures must still be the ones prepared: otherwise the signer would sign something other than what was checked. */
function assertUnchanged(book: Book, period: string): ReturnType<typeof liveStatements> {
  const live = liveStatements(book, period);
  const now = new Map(currentStatements(book, period).map((s) => [s.party.id, s.figures()]));
  for (const s of live) {
    if (now.get(s.distributor_id) !== figuresOf(JSON.parse(s.content_json) as ReturnType<typeof buildStatement>)) {
      throw new UserError('close.statement-changed', { period });
    }
  }
  return live;
}

function signOff(book: Book, periodText: string, user: SignedIn, step: 'review' | 'approve'): PeriodStatus {
  const period = assertPeriod(periodText, { field: '--period' });
  const from: PeriodStatus = step === 'review' ? 'prepared' : 'reviewed';
  const to: PeriodStatus = step === 'review' ? 'reviewed' : 'closed';
  return book.write(() => {
    const status = statusOf(book, period);
    if (status !== from) throw new UserError('close.wrong-status', { period, status, needed: from, step: { code: step === 'review' ? 'act.review' : 'act.approve' } });
    // Four eyes: three different people in their own roles, none holding a hand in another's account.
    assertFourEyes(book, period, step, user);
    if (step === 'approve') assertEarlierMonthsDone(book, period, 'approve');
    const live = assertUnchanged(book, period);
    markStatements(book, period, step === 'review' ? 'reviewed' : 'approved', user.username);
    setPeriodStatus(book, period, to, user.username);
    const signed = live.map((s) => ({ distributor: distributorCodeOf(book, s.distributor_id), version: s.version, sha256: s.sha256 }));
    const chain = recordSignOff(book, period, step, user.username, signed);
    new AuditWriter(book).append({ actor: user.username, action: step, entity: 'period', entityKey: period,
      after: { status: to, statements: live.map((s) => ({ distributorId: s.distributor_id, version: s.version, sha256: s.sha256 })), chain } });
    return to;
  });
}

/** 复核: the manufacturer's credit controller reviews the prepared statements. */
export function reviewPeriod(book: Book, period: string, user: SignedIn): PeriodStatus {
  return signOff(book, period, user, 'review');
}

/** 审批: a manager approves; the period is then closed and nothing dated in it can change. */
export function approvePeriod(book: Book, period: string, user: SignedIn): PeriodStatus {
  return signOff(book, period, user, 'approve');
}

/**
 * 反结账: a manager or admin who signed none of the month reopens it with a reason (later closed months first);
 * its statements are superseded and the next preparation makes a new version.
 */
export function reopenPeriod(book: Book, periodText: string, user: SignedIn, reason: string): void {
  const period = assertPeriod(periodText, { field: '--period' });
  book.write(() => {
    assertMayUndo(book, [period], user, 'close.reopen', reason);
    const status = statusOf(book, period);
    if (status === 'open') throw new UserError('close.already-open', { period });
    assertNoLaterMonthClosed(book, period);
    markStatements(book, period, 'superseded', null);
    setPeriodStatus(book, period, 'open', user.username);
    new AuditWriter(book).append({ actor: user.username, action: 'reopen', entity: 'period', entityKey: period, before: { status }, after: { status: 'open', reason } });
  });
}
