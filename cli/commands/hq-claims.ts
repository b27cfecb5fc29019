import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { today } from '../../core/calendar/dates.js';
import { claimsQueue, confirmClaims, proposeClaims, resolveDistributor, sendBackClaims, type ClaimStep } from '../../hq/core/claims-queue.js';
import { writeCreditsFileAgain, writeCreditsFiles } from '../../hq/core/credits-file.js';
import { listCreditsFiles } from '../../hq/db/queries/claims.js';
import { CREDIT_METHODS, HQ_CLAIM_STATES, type HqClaimState } from '../../vocabulary/index.js';
import { printJson, printRows, type Io } from '../io.js';
import { UsageError } from '../usage.js';
import { HQ_OPTIONS, hqUser, ids, sayer, withHq, words } from './hq-common.js';

function report(io: Io, json: boolean, step: ClaimStep, done: 'hq.claims-proposed' | 'hq.claims-decided' | 'hq.claims-sent-back'): number {
  if (json) printJson(io, { done: step.done, refused: step.refused.map((r) => ({ ...r, message: words(io, r.reason) })) });
  else {
    sayer(io)({ code: done, params: { count: step.done.length, claims: step.done.map((d) => d.docNo) } });
    for (const r of step.refused) io.err(words(io, r.reason));
  }
  // Nothing done at all is a failure the caller must see; some refused among many is reported and not fatal.
  return step.done.length === 0 ? 1 : 0;
}

/** `hq claims`: the queue; --approve/--reject IDS (maker), --confirm IDS or --send-back IDS (checker). */
export async function hqClaims(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({ args, options: {
    ...HQ_OPTIONS, state: { type: 'string', multiple: true }, distributor: { type: 'string' }, ka: { type: 'string' }, limit: { type: 'string' }, offset: { type: 'string' },
    approve: { type: 'string', multiple: true }, reject: { type: 'string', multiple: true }, confirm: { type: 'string', multiple: true },
    'send-back': { type: 'string', multiple: true }, reason: { type: 'string' },
  } });
  const chosen = ['approve', 'reject', 'confirm', 'send-back'].filter((k) => values[k as 'approve'] !== undefined);
  if (chosen.length > 1) throw new UsageError('usage.one-action-at-a-time', { options: '--approve, --reject, --confirm, --send-back' });
  for (const s of values.state ?? []) if (!(HQ_CLAIM_STATES as readonly string[]).includes(s)) throw new UsageError('usage.one-of', { option: '--state', values: HQ_CLAIM_STATES.join(', ') });
  return withHq(io, values.db, async (hq) => {
    if (chosen.length) {
      const user = await hqUser(hq, io, values.user);
      if (values.approve) return report(io, values.json, await proposeClaims(hq, ids(values.approve), 'approve', values.reason, user), 'hq.claims-proposed');
      if (values.reject) return report(io, values.json, await proposeClaims(hq, ids(values.reject), 'reject', values.reason, user), 'hq.claims-proposed');
      if (values.confirm) return report(io, values.json, await confirmClaims(hq, ids(values.confirm), user), 'hq.claims-decided');
      return report(io, values.json, await sendBackClaims(hq, ids(values['send-back']), values.reason, user), 'hq.claims-sent-back');
    }
    const q = await claimsQueue(hq, { ...(values.state ? { states: values.state as HqClaimState[] } : {}), ...(values.distributor ? { distributor: values.distributor } : {}),
      ...(values.ka ? { ka: values.ka } : {}), limit: Number(values.limit ?? 200), offset: Number(values.offset ?? 0) });
    if (values.json) printJson(io, q);
    else {
      printRows(io, q.rows.map(({ evidence: _e, distributor_id: _d, ...r }) => r), false);
      sayer(io)({ code: 'hq.claims-total', params: { count: q.total, amount: q.openFen } });
    }
    return 0;
  });
}

/** `hq credits --out-dir DIR [--distributor CODE] [--date D] [--method M]`: a manufacturer-credits file per distributor. */
export async function hqCredits(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({ args, options: { ...HQ_OPTIONS, 'out-dir': { type: 'string' }, distributor: { type: 'string' }, date: { type: 'string' }, method: { type: 'string' }, again: { type: 'string' } } });
  if (values.method && !(CREDIT_METHODS as readonly string[]).includes(values.method)) throw new UsageError('usage.one-of', { option: '--method', values: CREDIT_METHODS.join(', ') });
  return withHq(io, values.db, async (hq) => {
    if (!values['out-dir']) {
      printRows(io, await listCreditsFiles(hq), values.json);
      return 0;
    }
    const folder = resolve(values['out-dir']);
    mkdirSync(folder, { recursive: true });
    const files = values.again ? [await writeCreditsFileAgain(hq, values.again, folder)] : await writeCreditsFiles(hq, {
      folder, date: values.date ?? today(), ...(values.method ? { method: values.method as (typeof CREDIT_METHODS)[number] } : {}),
      distributorId: values.distributor ? await resolveDistributor(hq, values.distributor) : null, user: await hqUser(hq, io, values.user),
    });
    if (values.json) printJson(io, files);
    else if (!files.length) sayer(io)({ code: 'hq.no-credits-due' });
    else for (const f of files) sayer(io)({ code: 'hq.credits-written', params: { file: f.path, distributor: f.distributor, claims: f.claims, amount: f.amountFen } });
    return 0;
  });
}
