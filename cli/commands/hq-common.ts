import type { HqDb } from '../../hq/db/connection.js';
import { openHq, resolveHqTarget } from '../../hq/core/hq-open.js';
import { signInHq, type HqSignedIn } from '../../hq/core/hq-users.js';
import { commandLanguage } from '../../core/errors.js';
import { renderMessage, type Message } from '../../locale/index.js';
import type { Io } from '../io.js';
import { readPassword } from '../sign-in.js';
import { UsageError } from '../usage.js';

/** Options every `hq` subcommand takes. */
export const HQ_OPTIONS = {
  json: { type: 'boolean', default: false },
  user: { type: 'string' },
  db: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export function sayer(io: Io): (m: Message) => void {
  const lang = commandLanguage(io.env);
  return (m) => io.out(renderMessage(lang, m));
}

export function words(io: Io, m: Message): string {
  return renderMessage(commandLanguage(io.env), m);
}

/** Runs fn on the head office's database (opened for work, closed after). */
export async function withHq<T>(io: Io, db: string | undefined, fn: (hq: HqDb) => Promise<T>): Promise<T> {
  const hq = await openHq(resolveHqTarget(db, io.env));
  try {
    return await fn(hq);
  } finally {
    await hq.close();
  }
}

/** A head-office user signed in with the password from KA_SETTLE_PASSWORD or standard input. */
export async function hqUser(hq: HqDb, io: Io, user: string | undefined): Promise<HqSignedIn> {
  if (!user) throw new UsageError('usage.hq-needs-user');
  return signInHq(hq, user, await readPassword(io));
}

export function ids(list: string[] | undefined): number[] {
  return (list ?? []).flatMap((s) => s.split(',')).filter(Boolean).map((s) => {
    if (!/^\d+$/.test(s)) throw new UsageError('usage.hq-claim-ids', { got: s });
    return Number(s);
  });
}
