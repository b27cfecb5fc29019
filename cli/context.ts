import { userInfo } from 'node:os';
import type { Io } from './io.js';

/** Options every command understands. */
export const COMMON_OPTIONS = {
  json: { type: 'boolean', default: false },
  user: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export interface CommandContext {
  io: Io;
  json: boolean;
  actor: string;
}

/** Who acts: --user, else KA_SETTLE_USER, else the operating-system user. */
export function resolveActor(io: Io, user: string | undefined): string {
  if (user) return user;
  if (io.env.KA_SETTLE_USER) return io.env.KA_SETTLE_USER;
  try {
    return `os:${userInfo().username}`;
  } catch {
    return 'os:unknown';
  }
}
