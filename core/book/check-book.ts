import type { Book } from '../../db/connection.js';
import {
  documentsNotMatchingLines, foreignKeyViolations, keysInForceTwice, openItemTies, reversalsNotMirroring, rowCounts, sqliteIntegrity,
  unbalancedClearings, unbalancedDocuments,
} from '../../db/queries/integrity.js';
import { trialBalanceTotal } from '../../db/queries/balances.js';
import { unbalancedVouchers } from '../../db/queries/vouchers.js';
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
  const add = (name: string, ok: boolean, detail: string) => checks.push({ name, ok, detail });

  const integrity = sqliteIntegrity(book);
  add('sqlite-integrity', integrity.length === 1 && integrity[0] === 'ok', integrity.slice(0, 5).join('; '));

  const fk = foreignKeyViolations(book);
  add('foreign-keys', fk.length === 0, fk.length ? fk.slice(0, 5).map((v) => `${v.table} row ${v.rowid} → ${v.parent}`).join('; ') : 'ok');

  const unbalanced = unbalancedDocuments(book);
  add('postings-balanced', unbalanced.length === 0,
    unbalanced.length ? unbalanced.map((d) => `${d.natural_key} off by ${d.sum_fen} fen`).join('; ') : 'every document sums to zero');

  const total = trialBalanceTotal(book);
  add('trial-balance', total === 0, total === 0 ? 'debits equal credits' : `debits and credits differ by ${total} fen`);

  const mismatched = documentsNotMatchingLines(book);
  add('documents-match-lines', mismatched.length === 0,
    mismatched.length ? mismatched.map((d) => `${d.natural_key}: total ${d.total_fen}, lines ${d.lines_fen}`).join('; ') : 'every total is the sum of its lines');

  const clearings = unbalancedClearings(book);
  add('clearings-sum-to-zero', clearings.length === 0,
    clearings.length ? clearings.map((c) => `clearing ${c.clearing_id} sums to ${c.sum_fen}`).join('; ') : 'ok');

  const ties = openItemTies(book);
  const untied = ties.filter((t) => t.ledger_fen !== t.open_fen);
  add('open-items-tie', untied.length === 0,
    untied.length ? untied.map((t) => `${t.account}: ledger ${t.ledger_fen}, open items ${t.open_fen}`).join('; ') : `${ties.length} accounts tie`);

  const vouchers = unbalancedVouchers(book);
  add('vouchers-balanced', vouchers.length === 0,
    vouchers.length ? vouchers.map((v) => `${v.period} ${v.word}-${v.number} off by ${v.difference_fen} fen`).join('; ') : 'every exported voucher balances');
  const mirrors = reversalsNotMirroring(book);
  add('reversals-mirror', mirrors.length === 0,
    mirrors.length ? mirrors.map((m) => `reversal ${m.natural_key}: ${m.account} off by ${m.sum_fen} fen`).join('; ') : 'every reversal mirrors its original');

  const twice = keysInForceTwice(book);
  add('one-version-in-force', twice.length === 0,
    twice.length ? twice.map((k) => `${k.kind} ${k.natural_key}: ${k.versions} versions in force`).join('; ') : 'one version in force per key');

  const chain = verifyAuditChain(book);
  add('audit-chain', chain.ok, chain.ok ? `${chain.rows} rows intact` : `broken at row ${chain.brokenAt!.id}: ${chain.brokenAt!.reason}`);

  checks.push(checkChainHeads(book), checkAuditCoverage(book), checkStatementHashes(book), checkSchema(book), checkPeriodsAgainstAudit(book),
    checkClosedStatementsRebuild(book));

  return { ok: checks.every((c) => c.ok), counts: rowCounts(book), checks };
}
