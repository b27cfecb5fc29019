import type { Book } from '../../db/connection.js';
import { confirmationsOf, insertConfirmation, statementVersions } from '../../db/queries/close.js';
import { findKaAccount } from '../../db/queries/master-data.js';
import { distributorParty } from '../../db/queries/statement-data.js';
import { findUser } from '../../db/queries/users.js';
import { AuditWriter } from '../audit/audit-chain.js';
import { assertPeriod } from '../calendar/dates.js';
import { canonicalJson, sha256Hex } from '../canonical-json.js';
import { UserError } from '../errors.js';
import type { SignedIn } from '../users/users.js';
import { headsOfStatement } from '../close/sign-offs.js';
import { buildStatement, type StatementContent } from './build-statement.js';
import type { StatementDocument } from './statement-document.js';

/** A user's display name (姓名), when the login is one of the book's users. */
function nameOf(book: Book, login: string | null): string | null {
  return login ? findUser(book, login)?.display_name ?? null : null;
}

/**
 * The statement of a distributor's month as it is to be exported: the latest prepared version with its sign-offs
 * and confirmations, or — before the month is prepared — a draft built from the book as it stands.
 */
export function statementDocument(book: Book, periodText: string, distributorCode: string, manufacturerCode?: string, version?: number): StatementDocument {
  const period = assertPeriod(periodText, { field: '--period' });
  const party = distributorParty(book, distributorCode);
  if (!party) throw new UserError('master.unknown-distributor', { code: distributorCode }, { field: '--distributor' });
  if (manufacturerCode && manufacturerCode !== party.manufacturer_code) {
    throw new UserError('master.manufacturer-mismatch', { distributor: distributorCode, actual: party.manufacturer_code, given: manufacturerCode }, { field: '--manufacturer' });
  }
  const versions = statementVersions(book, period, party.id);
  const chosen = version === undefined ? versions[0] : versions.find((v) => v.version === version);
  if (version !== undefined && !chosen) throw new UserError('statement.no-version', { version, distributor: distributorCode, period }, { field: '--version' });
  if (!chosen) {
    const content = buildStatement(book, period, distributorCode, manufacturerCode);
    return { content, sha256: sha256Hex(canonicalJson(content)), version: null, status: 'draft', confirmations: [], heads: [],
      signers: (['prepared', 'reviewed', 'approved'] as const).map((step) => ({ step, login: null, name: null, at: null })) };
  }
  return {
    content: JSON.parse(chosen.content_json) as StatementContent, sha256: chosen.sha256, version: chosen.version, status: chosen.status,
    signers: [
      { step: 'prepared', login: chosen.prepared_by, name: nameOf(book, chosen.prepared_by), at: chosen.prepared_at },
      { step: 'reviewed', login: chosen.reviewed_by, name: nameOf(book, chosen.reviewed_by), at: chosen.reviewed_at },
      { step: 'approved', login: chosen.approved_by, name: nameOf(book, chosen.approved_by), at: chosen.approved_at },
    ],
    confirmations: confirmationsOf(book, chosen.id).map((c) => ({ party: c.party, ka: c.ka, result: c.result, reasons: c.reasons, recordedBy: c.recorded_by,
      recordedByName: nameOf(book, c.recorded_by), recordedAt: c.recorded_at })),
    heads: headsOfStatement(book, period, distributorCode, chosen.version, chosen.sha256).map((h) => ({ step: h.step, user: h.user, at: h.at, chain: h.chain })),
  };
}

/** 回签: the manufacturer's or a KA's answer to the latest statement version — confirmed, or disputed with reasons. */
export function recordConfirmation(book: Book, periodText: string, distributorCode: string, answer: { party: 'manufacturer' | 'ka'; kaCode?: string; result: 'confirmed' | 'disputed'; reasons?: string }, user: SignedIn): void {
  const period = assertPeriod(periodText, { field: '--period' });
  const party = distributorParty(book, distributorCode);
  if (!party) throw new UserError('master.unknown-distributor', { code: distributorCode }, { field: '--distributor' });
  if (answer.result === 'disputed' && !answer.reasons?.trim()) throw new UserError('statement.dispute-reason', {}, { field: '--reason' });
  book.write(() => {
    const latest = statementVersions(book, period, party.id)[0];
    if (!latest) throw new UserError('statement.not-prepared', { distributor: distributorCode, period });
    const ka = answer.kaCode ? findKaAccount(book, answer.kaCode) : undefined;
    if (answer.party === 'ka' && !ka) throw new UserError('statement.unknown-ka', { code: answer.kaCode ?? '' }, { field: '--confirm' });
    insertConfirmation(book, { statement_id: latest.id, party: answer.party, ka_account_id: ka?.id ?? null, result: answer.result, reasons: answer.reasons ?? null, sha256: latest.sha256, recorded_by: user.username });
    new AuditWriter(book).append({ actor: user.username, action: 'confirm', entity: 'statement', entityKey: `${distributorCode}/${period}/v${latest.version}`,
      after: { party: answer.party, ka: answer.kaCode ?? null, result: answer.result, reasons: answer.reasons ?? null, sha256: latest.sha256 } });
  });
}

/** The KA accounts a statement covers: the parties that may confirm it besides the manufacturer. */
export function statementKas(doc: Pick<StatementDocument, 'content'> | { content: Pick<StatementContent, 'kaAccounts'> }): string[] {
  return doc.content.kaAccounts.map((k) => k.code);
}
