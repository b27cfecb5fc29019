import type { Book } from '../../db/connection.js';
import { auditHead } from '../../db/queries/audit.js';
import { liveStatements } from '../../db/queries/close.js';
import { insertSignOff, latestRound, signOffsOf, signOffsOfPeriod, type SignOffRow } from '../../db/queries/sign-offs.js';
import type { SignOffStep } from '../../vocabulary/index.js';
import { GENESIS_HASH } from '../audit/audit-chain.js';

/** The audit chain as a signer saw it: how many rows it had and the last one's hash. */
export interface ChainHead { rows: number; hash: string }

/** One sign-off of a month as it is carried out of the book (PDF, settlement package) and checked against it. */
export interface SignOffHead {
  period: string;
  round: number;
  step: SignOffStep;
  user: string;
  at: string;
  chain: ChainHead;
  statements: { distributor: string; version: number; sha256: string }[];
}

export function chainHead(book: Book): ChainHead {
  const head = auditHead(book);
  return { rows: head.rows, hash: head.hash ?? GENESIS_HASH };
}

/**
 * Records a sign-off with the chain's head just before its own audit row, inside the write that makes it. A
 * preparation starts a new round (a reopened month is signed afresh); review and approval join the latest one.
 */
export function recordSignOff(book: Book, period: string, step: SignOffStep, username: string, statements: SignOffHead['statements']): ChainHead {
  const head = chainHead(book);
  const round = step === 'prepare' ? latestRound(book, period) + 1 : Math.max(latestRound(book, period), 1);
  insertSignOff(book, { period, round, step, username, chain_rows: head.rows, chain_hash: head.hash, statements_json: JSON.stringify(statements) });
  return head;
}

function toHead(r: SignOffRow): SignOffHead {
  return { period: r.period, round: r.round, step: r.step, user: r.username, at: r.signed_at, chain: { rows: r.chain_rows, hash: r.chain_hash },
    statements: JSON.parse(r.statements_json) as SignOffHead['statements'] };
}

/**
 * The recorded heads of a month's latest round of sign-offs, in the order they were made: what a settlement package
 * carries so the head office can later show that the book it came from still holds the same chain up to them.
 */
export function signOffHeads(book: Book, period: string): SignOffHead[] {
  return signOffsOf(book, period, latestRound(book, period)).map(toHead);
}

/** The sign-offs that signed one statement version (its hash among theirs), whatever the round. */
export function headsOfStatement(book: Book, period: string, distributor: string, version: number, sha256: string): SignOffHead[] {
  return signOffsOfPeriod(book, period).map(toHead)
    .filter((h) => h.statements.some((s) => s.distributor === distributor && s.version === version && s.sha256 === sha256));
}

/**
 * Who signed the month so far in its live round. Months signed before sign-offs were recorded fall back to the
 * names on their statements.
 */
export function currentSigners(book: Book, period: string): { step: SignOffStep; username: string }[] {
  const heads = signOffHeads(book, period);
  if (heads.length) return heads.map((h) => ({ step: h.step, username: h.user }));
  const live = liveStatements(book, period);
  const out: { step: SignOffStep; username: string }[] = [];
  for (const s of live) {
    out.push({ step: 'prepare', username: s.prepared_by });
    if (s.reviewed_by) out.push({ step: 'review', username: s.reviewed_by });
    if (s.approved_by) out.push({ step: 'approve', username: s.approved_by });
  }
  return out.filter((x, i) => out.findIndex((y) => y.step === x.step && y.username === x.username) === i);
}
