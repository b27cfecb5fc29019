import { mkdirSync } from 'node:fs';
import type { hqMethods } from '../../contract/hq-methods.js';
import { UserError } from '../../core/errors.js';
import { claimsQueue, confirmClaims, proposeClaims, resolveDistributor, sendBackClaims } from '../../hq/core/claims-queue.js';
import { writeCreditsFiles } from '../../hq/core/credits-file.js';
import { loadPackages, outcomeMessage } from '../../hq/core/load-package.js';
import { registerSender } from '../../hq/core/register-sender.js';
import { channelWatchHq, exposureByChain, marketingAudit, missingMonths, nationalRebates, saveNationalContract, setChainLimit } from '../../hq/core/views.js';
import type { Message } from '../../locale/index.js';
import type { ServiceContext } from '../service-context.js';
import type { HqSession } from '../hq-session.js';
import type { HandlersOf } from './handler-types.js';

function hqOf(ctx: ServiceContext): HqSession {
  if (!ctx.hq) throw new UserError('hq.not-open');
  return ctx.hq;
}

const doc = (x: unknown) => x as Record<string, unknown>;


/** 总部 in the window: every call works on the head office's own session, never on the book. */
export const hqHandlers: HandlersOf<typeof hqMethods> = {
  'hq.state': (ctx) => hqOf(ctx).state(),
  'hq.open': async (ctx, a) => {
    await hqOf(ctx).open(a.db, a.create);
    return hqOf(ctx).state();
  },
  'hq.close': async (ctx) => {
    await hqOf(ctx).close();
    return hqOf(ctx).state();
  },
  'hq.signIn': async (ctx, a) => {
    await hqOf(ctx).signIn(a.username, a.password);
    return hqOf(ctx).state();
  },
  'hq.signOut': (ctx) => {
    hqOf(ctx).user = null;
    return hqOf(ctx).state();
  },
  'hq.load': async (ctx, a) => {
    const hq = hqOf(ctx);
    const outcomes = await loadPackages(hq.requireDb(), a.files, hq.requireUser(), () => ctx.control.progress?.({ step: 'load-packages' }));
    return { outcomes: outcomes.map((o) => ({ file: o.file, status: o.status, message: outcomeMessage(o) })) };
  },
  'hq.register': (ctx, a) => registerSender(hqOf(ctx).requireDb(), a.file, hqOf(ctx).requireUser()),
  'hq.exposure': async (ctx, a) => doc(await exposureByChain(hqOf(ctx).requireDb(), a.period)),
  'hq.setLimit': async (ctx, a) => {
    await setChainLimit(hqOf(ctx).requireDb(), a.ka, a.limitFen, a.reason, hqOf(ctx).requireUser());
    return { ka: a.ka, limitFen: a.limitFen };
  },
  'hq.claims': async (ctx, a) => {
    const q = await claimsQueue(hqOf(ctx).requireDb(), { ...(a.states ? { states: a.states } : {}), ...(a.distributor ? { distributor: a.distributor } : {}), ...(a.ka ? { ka: a.ka } : {}), offset: a.offset, limit: a.limit });
    return { rows: q.rows as unknown as Record<string, unknown>[], total: q.total, openFen: q.openFen };
  },
  'hq.proposeClaims': (ctx, a) => proposeClaims(hqOf(ctx).requireDb(), a.ids, a.proposal, a.reason, hqOf(ctx).requireUser()) as never,
  'hq.confirmClaims': (ctx, a) => confirmClaims(hqOf(ctx).requireDb(), a.ids, hqOf(ctx).requireUser()) as never,
  'hq.sendBackClaims': (ctx, a) => sendBackClaims(hqOf(ctx).requireDb(), a.ids, a.reason, hqOf(ctx).requireUser()) as never,
  'hq.writeCredits': async (ctx, a) => {
    const hq = hqOf(ctx);
    const db = hq.requireDb();
    const folder = hq.creditsFolder;
    mkdirSync(folder, { recursive: true });
    const files = await writeCreditsFiles(db, { folder, date: a.date, method: a.method, distributorId: a.distributor ? await resolveDistributor(db, a.distributor) : null, user: hq.requireUser() });
    return { folder, files };
  },
  'hq.rebates': async (ctx, a) => doc(await nationalRebates(hqOf(ctx).requireDb(), a.period)),
  'hq.saveContract': async (ctx, a) => {
    await saveNationalContract(hqOf(ctx).requireDb(), a, hqOf(ctx).requireUser());
    return { code: a.code };
  },
  'hq.watch': async (ctx, a) => doc(await channelWatchHq(hqOf(ctx).requireDb(), a.period)),
  'hq.audit': async (ctx, a) => doc(await marketingAudit(hqOf(ctx).requireDb(), { from: a.from, to: a.to, by: a.by, ...(a.ka ? { ka: a.ka } : {}), offset: a.offset, limit: a.limit })),
  'hq.missing': async (ctx, a) => doc(await missingMonths(hqOf(ctx).requireDb(), a.from, a.to)),
};
