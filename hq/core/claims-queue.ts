import { UserError } from '../../core/errors.js';
import type { Message } from '../../locale/index.js';
import type { HqClaimState, HqProposal } from '../../vocabulary/index.js';
import type { HqDb, HqSql } from '../db/connection.js';
import { claimById, decideClaim, distributorsByCode, listHqClaims, proposeClaim, sendBackClaim, type HqClaimRow } from '../db/queries/claims.js';
import { appendHqAudit } from './hq-audit.js';
import { requireHqRole, type HqSignedIn } from './hq-users.js';

/** A distributor named by its code, or by BOOK/CODE when two books use the same code. */
export async function resolveDistributor(db: HqSql, ref: string): Promise<number> {
  const hits = await distributorsByCode(db, ref);
  if (!hits.length) throw new UserError('hq.unknown-distributor', { distributors: [ref] }, { field: 'distributor' });
  if (hits.length > 1) throw new UserError('hq.ambiguous-distributor', { code: ref, books: hits.map((h) => h.book) }, { field: 'distributor' });
  return hits[0]!.id;
}

/** 费用审批: the claims queue from every distributor (pending and proposed by default), paged, with its open total. */
export async function claimsQueue(db: HqDb, f: { states?: HqClaimState[]; distributor?: string; ka?: string; limit?: number; offset?: number }) {
  return listHqClaims(db, {
    states: f.states ?? ['pending', 'proposed'], distributorId: f.distributor ? await resolveDistributor(db, f.distributor) : null,
    ka: f.ka ?? null, limit: f.limit ?? 200, offset: f.offset ?? 0,
  });
}

export interface ClaimStep { done: { id: number; docNo: string }[]; refused: { id: number; docNo: string; reason: Message }[] }

type Act = (tx: HqSql, claim: HqClaimRow) => Promise<boolean>;
type Why = (now: HqClaimRow) => Message;

/** One step on many claims in one transaction: each claim it cannot take is reported with why, the rest are taken. */
async function step(db: HqDb, ids: number[], user: HqSignedIn, action: string, act: Act, why: Why, after: Record<string, unknown>): Promise<ClaimStep> {
  if (!ids.length) throw new UserError('hq.no-claims-chosen');
  return db.transaction(async (tx) => {
    const out: ClaimStep = { done: [], refused: [] };
    for (const id of [...new Set(ids)]) {
      const claim = await claimById(tx, id);
      if (!claim) throw new UserError('hq.no-claim', { id });
      if (await act(tx, claim)) {
        out.done.push({ id, docNo: claim.doc_no });
        await appendHqAudit(tx, { actor: user.username, action, entity: 'claim', entityKey: `${claim.book}/${claim.distributor}/${claim.doc_no}`, before: { state: claim.state, proposal: claim.proposal }, after });
      } else {
        // Read again: the row as the other controller left it, once their transaction committed.
        out.refused.push({ id, docNo: claim.doc_no, reason: why((await claimById(tx, id))!) });
      }
    }
    return out;
  });
}

const alreadyDecided: Why = (c) => ({ code: 'hq.claim-already-decided', params: { docNo: c.doc_no, state: c.state, by: c.decided_by ?? c.proposed_by ?? '' } });

/**
 * The maker's step: a controller approves or rejects claims, in bulk, with one reason (a rejection must have one).
 * The change only takes a claim that is still pending, so when two controllers act on the same claim at once the
 * second is told it was already decided — never a lost update.
 */
export async function proposeClaims(db: HqDb, ids: number[], proposal: HqProposal, reason: string | undefined, user: HqSignedIn): Promise<ClaimStep> {
  requireHqRole(user, ['credit_controller'], 'claims');
  const why = reason?.trim() || null;
  if (proposal === 'reject' && !why) throw new UserError('hq.reason-needed', {}, { field: 'reason' });
  return step(db, ids, user, `propose-${proposal}`, (tx, c) => proposeClaim(tx, c.id, proposal, why, user.username), alreadyDecided, { state: 'proposed', proposal, reason: why });
}

/** The checker's step (四眼): a second controller confirms proposals; the maker of a proposal can never confirm it. */
export async function confirmClaims(db: HqDb, ids: number[], user: HqSignedIn): Promise<ClaimStep> {
  requireHqRole(user, ['credit_controller'], 'claims');
  return step(db, ids, user, 'decide', (tx, c) => decideClaim(tx, c.id, user.username),
    (now) => (now.state === 'proposed' && now.proposed_by === user.username
      ? { code: 'hq.same-controller', params: { docNo: now.doc_no, user: user.username } }
      : alreadyDecided(now)), { decidedBy: user.username });
}

/** A checker who disagrees sends proposals back to the queue, with the reason. */
export async function sendBackClaims(db: HqDb, ids: number[], reason: string | undefined, user: HqSignedIn): Promise<ClaimStep> {
  requireHqRole(user, ['credit_controller'], 'claims');
  const why = reason?.trim();
  if (!why) throw new UserError('hq.reason-needed', {}, { field: 'reason' });
  return step(db, ids, user, 'send-back', (tx, c) => (c.proposed_by === user.username ? Promise.resolve(false) : sendBackClaim(tx, c.id, why)),
    (now) => (now.state === 'proposed' && now.proposed_by === user.username ? { code: 'hq.same-controller', params: { docNo: now.doc_no, user: user.username } } : alreadyDecided(now)),
    { state: 'pending', reason: why });
}
