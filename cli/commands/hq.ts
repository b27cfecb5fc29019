import type { Io } from '../io.js';
import { UsageError } from '../usage.js';
import { hqCheck, hqInit, hqLoad, hqRegister, hqUsers } from './hq-admin.js';
import { hqClaims, hqCredits } from './hq-claims.js';
import { hqAudit, hqExposure, hqMissing, hqRebates, hqWatch } from './hq-views.js';

const SUBCOMMANDS: Record<string, (args: string[], io: Io) => Promise<number>> = {
  init: hqInit, users: hqUsers, register: hqRegister, load: hqLoad, check: hqCheck, claims: hqClaims, credits: hqCredits,
  exposure: hqExposure, rebates: hqRebates, watch: hqWatch, audit: hqAudit, missing: hqMissing,
};

/** `ka-settle hq …`: the manufacturer's head office on PostgreSQL (or an embedded PGlite folder). */
export async function hqCommand(args: string[], io: Io): Promise<number> {
  const [sub, ...rest] = args;
  const run = sub ? SUBCOMMANDS[sub] : undefined;
  if (!run) throw new UsageError('usage.hq-needs-subcommand', { subcommands: Object.keys(SUBCOMMANDS).join(', ') });
  return run(rest, io);
}
