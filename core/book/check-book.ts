import type { Book } from '../../db/connection.js';
import {
  documentsNotMatchingLines, foreignKeyViolations, keysInForceTwice, openItemTies, reversalsNotMirroring, rowCounts, sqliteIntegrity,
  unbalancedClearings, unbalancedDocuments,
} from '../../db/queries/integrity.js';
import { trialBalanceTotal } from '../../db/queries/balances.js';
import { unbalancedVouchers } from '../../db/queries/vouchers.js';
import type { Message, MessageCode } from '../../locale/index.js';
import { verifyAuditChain } from '../audit/audit-chain.js';
import { checkAuditCoverage } from '../integrity/audit-coverage.js';
import { checkChainHeads } from '../integrity/chain-heads.js';
import type { CheckResult } from '../integrity/check-result.js';
import { checkClosedStatementsRebuild } from '../integrity/closed-statements.js';
import { checkPeriodsAgainstAudit } from '../integrity/periods-audit.js';
import { checkSchema } from '../integrity/schema-match.js';
import { checkStatementHashes } from '../integrity/statement-hashes.js';

export type { CheckResult };

export interface CheckReport {
  ok: boolean;
  counts: { documents: number; lines: number; entries: number; audit: number };
  checks: CheckResult[];
}

const list = (items: Message[]): Message => ({ code: 'check.problems', params: { list: items } });

/**
 * Everything a careful accountant would want proven before trusting a book: the file is sound, every posting
 * balances, documents agree with their lines, clearings net to zero, open items tie to the ledger, every voucher handed
 * to the GL balances, and the audit chain is unbroken — and the tamper evidence an auditor needs: every stored
 * statement still hashes to what was signed, the chain still holds every head a sign-off recorded, every document has
 * its audit row, the schema (its locks) is the one the migrations make, the months' states follow their audited
 * changes, and the statements of closed months built again equal their frozen copies. What this cannot prove is in
 * the README (check, honestly).
 */
export function checkBook(book: Book): CheckReport {
  const checks: CheckResult[] = [];
  const add = (name: CheckResult['name'], ok: boolean, detail: Message) => checks.push({ name, ok, detail });
  const ok: Message = { code: 'check.ok' };

  const integrity = sqliteIntegrity(book);
  add('check.sqlite-integrity', integrity.length === 1 && integrity[0] === 'ok', integrity.length === 1 && integrity[0] === 'ok' ? ok : { code: 'place.text', params: { text: integrity.slice(0, 5).join('; ') } });

  const fk = foreignKeyViolations(book);
  add('check.foreign-keys', fk.length === 0, fk.length ? list(fk.slice(0, 5).map((v) => ({ code: 'check.fk-violation', params: { table: v.table, row: v.rowid, parent: v.parent } }))) : ok);

  const unbalanced = unbalancedDocuments(book);
  add('check.postings-balanced', unbalanced.length === 0,
    unbalanced.length ? list(unbalanced.map((d) => ({ code: 'check.unbalanced', params: { key: d.natural_key, sum: d.sum_fen } }))) : { code: 'check.every-document-balances' });

  const total = trialBalanceTotal(book);
  add('check.trial-balance', total === 0, total === 0 ? { code: 'check.debits-equal-credits' } : { code: 'check.debits-credits-differ', params: { sum: total } });

  const mismatched = documentsNotMatchingLines(book);
  add('check.documents-match-lines', mismatched.length === 0,
    mismatched.length ? list(mismatched.map((d) => ({ code: 'check.document-lines-differ', params: { key: d.natural_key, total: d.total_fen, lines: d.lines_fen } }))) : { code: 'check.every-total-matches' });

  const clearings = unbalancedClearings(book);
  add('check.clearings-sum-to-zero', clearings.length === 0,
    clearings.length ? list(clearings.map((c) => ({ code: 'check.clearing-off', params: { clearing: c.clearing_id, sum: c.sum_fen } }))) : ok);

  const ties = openItemTies(book);
  const untied = ties.filter((t) => t.ledger_fen !== t.open_fen);
  add('check.open-items-tie', untied.length === 0,
    untied.length ? list(untied.map((t) => ({ code: 'check.account-untied', params: { account: t.account, ledger: t.ledger_fen, open: t.open_fen } }))) : { code: 'check.accounts-tie', params: { count: ties.length } });

  const vouchers = unbalancedVouchers(book);
  add('check.vouchers-balanced', vouchers.length === 0,
    vouchers.length ? list(vouchers.map((v) => ({ code: 'check.voucher-off', params: { period: v.period, word: v.word, number: v.number, sum: v.difference_fen } }))) : { code: 'check.every-voucher-balances' });
  const mirrors = reversalsNotMirroring(book);
  add('check.reversals-mirror', mirrors.length === 0,
    mirrors.length ? list(mirrors.map((m) => ({ code: 'check.reversal-off', params: { key: m.natural_key, account: m.account, sum: m.sum_fen } }))) : { code: 'check.every-reversal-mirrors' });

  const twice = keysInForceTwice(book);
  add('check.one-version-in-force', twice.length === 0,
    twice.length ? list(twice.map((k) => ({ code: 'check.key-in-force-twice', params: { kind: k.kind, key: k.natural_key, versions: k.versions } }))) : { code: 'check.one-version-per-key' });

  const chain = verifyAuditChain(book);
  add('check.audit-chain', chain.ok, chain.ok ? { code: 'check.chain-intact', params: { rows: chain.rows } } : { code: 'check.chain-broken', params: { row: chain.brokenAt!.id, reason: chain.brokenAt!.reason } });

  checks.push(checkChainHeads(book), checkAuditCoverage(book), checkStatementHashes(book), checkSchema(book), checkPeriodsAgainstAudit(book),
    checkClosedStatementsRebuild(book));

  return { ok: checks.every((c) => c.ok), counts: rowCounts(book), checks };
}
