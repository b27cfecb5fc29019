import { parseArgs } from 'node:util';
import { initHq, resolveHqTarget } from '../../hq/core/hq-open.js';
import { verifyHqAudit } from '../../hq/core/hq-audit.js';
import { addHqUser, disableHqUser, listHqUsers } from '../../hq/core/hq-users.js';
import { loadPackages, outcomeMessage, type LoadOutcome } from '../../hq/core/load-package.js';
import { registerSender } from '../../hq/core/register-sender.js';
import { listSenders } from '../../hq/db/queries/senders.js';
import { HQ_ROLES, type HqRole } from '../../vocabulary/index.js';
import type { Message } from '../../locale/index.js';
import { printJson, printRows, type Io } from '../io.js';
import { UsageError } from '../usage.js';
import { HQ_OPTIONS, hqUser, sayer, withHq, words } from './hq-common.js';

export async function hqInit(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({ args, options: HQ_OPTIONS });
  const { db, from, to } = await initHq(resolveHqTarget(values.db, io.env));
  try {
    if (values.json) printJson(io, { where: db.where, kind: db.kind, from, to });
    else sayer(io)({ code: from === to ? 'hq.up-to-date' : 'hq.initialised', params: { where: db.where, from, to } });
    return 0;
  } finally {
    await db.close();
  }
}

export async function hqUsers(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({ args, options: { ...HQ_OPTIONS, add: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' }, disable: { type: 'string' } } });
  return withHq(io, values.db, async (hq) => {
    if (values.add) {
      if (!values.role || !(HQ_ROLES as readonly string[]).includes(values.role)) throw new UsageError('usage.add-needs-role', { roles: HQ_ROLES.join('|') });
      const password = io.env.KA_SETTLE_NEW_PASSWORD;
      if (!password) throw new UsageError('usage.new-user-password-from-env');
      // The first user (the admin) needs nobody's sign-in; after that an admin signs in.
      const by = values.user ? await hqUser(hq, io, values.user) : null;
      await addHqUser(hq, by, { username: values.add, role: values.role as HqRole, password, ...(values.name ? { displayName: values.name } : {}) });
      sayer(io)({ code: 'hq.user-added', params: { user: values.add, role: values.role } });
      return 0;
    }
    if (values.disable) {
      await disableHqUser(hq, await hqUser(hq, io, values.user), values.disable);
      sayer(io)({ code: 'hq.user-disabled', params: { user: values.disable } });
      return 0;
    }
    printRows(io, await listHqUsers(hq), values.json);
    return 0;
  });
}

export async function hqRegister(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: HQ_OPTIONS });
  if (!positionals.length) throw new UsageError('usage.hq-register-needs');
  return withHq(io, values.db, async (hq) => {
    const user = await hqUser(hq, io, values.user);
    const out = [];
    for (const file of positionals) out.push(await registerSender(hq, file, user));
    if (values.json) printJson(io, out);
    else for (const r of out) sayer(io)({ code: r.created ? 'hq.registered' : 'hq.already-registered', params: { book: r.book, keyId: r.keyId.slice(0, 16), distributors: r.distributors } });
    return 0;
  });
}


/** Exit 1 when any package was refused (the others are loaded all the same). */
export async function hqLoad(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: HQ_OPTIONS });
  if (!positionals.length) throw new UsageError('usage.hq-load-needs');
  return withHq(io, values.db, async (hq) => {
    const user = await hqUser(hq, io, values.user);
    const started = Date.now();
    const out = await loadPackages(hq, positionals, user, values.json ? undefined : (o) => (o.status === 'refused' ? io.err(words(io, outcomeMessage(o))) : io.out(words(io, outcomeMessage(o)))));
    const count = (s: LoadOutcome['status']) => out.filter((o) => o.status === s).length;
    if (values.json) printJson(io, out.map((o) => ({ ...o, message: words(io, outcomeMessage(o)) })));
    else sayer(io)({ code: 'hq.load-summary', params: { loaded: count('loaded'), already: count('already-loaded'), older: count('older-edition'), refused: count('refused'), seconds: ((Date.now() - started) / 1000).toFixed(1) } });
    return count('refused') ? 1 : 0;
  });
}

export async function hqCheck(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({ args, options: HQ_OPTIONS });
  return withHq(io, values.db, async (hq) => {
    const chain = await verifyHqAudit(hq);
    const senders = await listSenders(hq);
    if (values.json) printJson(io, { where: hq.where, audit: chain, senders: senders.length });
    else sayer(io)(chain.ok ? { code: 'hq.chain-ok', params: { rows: chain.rows, where: hq.where } } : { code: 'hq.chain-broken', params: { seq: chain.brokenAt!.seq, reason: chain.brokenAt!.reason } });
    return chain.ok ? 0 : 1;
  });
}

