import { serviceContract, type ServiceError, type ServiceName } from '../contract/service-contract.js';
import { isUserError, UserError } from '../core/errors.js';
import { authorizeWrite, protectionNotice } from '../core/users/write-access.js';
import { renderMessage, type Message } from '../locale/index.js';
import { issueField, issueMessage } from '../core/input-issues.js';
import { permissionFor } from '../services/method-access.js';
import { serviceHandlers, type ServiceContext } from '../services/service-handlers.js';

export type Dispatched = { ok: true; result: unknown; notice?: Message } | { ok: false; status: number; error: ServiceError };

/** A user error as it crosses the boundary: its code, words, parameters and place — never a stack. */
export function userErrorOut(e: UserError, status = 422): Dispatched {
  return { ok: false, status, error: { code: e.code, message: e.message, params: e.params, ...e.place } };
}

/**
 * One call through the contract, as electron's ipcMain handlers and the browser bridge both make it: the method
 * must be in the contract, its arguments must satisfy its schema, a write must come from a signed-in user whose
 * role may make it (in a book with users), and a failure comes back as a typed error in the user's words — a core
 * UserError's code and place, never a stack trace.
 */
export async function dispatch(base: Omit<ServiceContext, 'actor' | 'access'>, method: string, rawArgs: unknown, options: { onInternal?: (e: unknown) => void } = {}): Promise<Dispatched> {
  if (!Object.hasOwn(serviceContract, method)) {
    return { ok: false, status: 404, error: { code: 'unknown-method', message: `no service method "${method}"` } };
  }
  const name = method as ServiceName;
  const parsed = serviceContract[name].args.safeParse(rawArgs ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const detail = issueMessage(issue);
    return { ok: false, status: 400, error: { code: 'invalid-arguments', message: renderMessage('en', detail), params: { detail }, field: issueField(issue) } };
  }
  try {
    const permission = permissionFor(name, parsed.data);
    const { session } = base;
    const access = permission ? authorizeWrite(session.requireBook(), session.user, permission, session.osActor) : null;
    const ctx: ServiceContext = { ...base, access, actor: access?.actor ?? session.actor };
    const handler = serviceHandlers[name] as (c: ServiceContext, a: unknown) => unknown;
    const result = await handler(ctx, parsed.data);
    const notice = access ? protectionNotice(access) : null;
    return { ok: true, result, ...(notice ? { notice } : {}) };
  } catch (e) {
    if (isUserError(e)) return userErrorOut(e, e.code === 'security.sign-in-required' ? 401 : e.code === 'security.forbidden' ? 403 : 422);
    options.onInternal?.(e);
    return { ok: false, status: 500, error: { code: 'internal', message: 'ka-settle could not finish this; the book is unchanged. Details are in the log.' } };
  }
}
