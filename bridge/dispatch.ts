import { serviceContract, type ServiceError, type ServiceName } from '../contract/service-contract.js';
import { isUserError } from '../core/errors.js';
import { issueField, issueMessage } from '../core/input-issues.js';
import { renderMessage } from '../locale/index.js';
import { serviceHandlers, type ServiceContext } from '../services/service-handlers.js';

export type Dispatched = { ok: true; result: unknown } | { ok: false; status: number; error: ServiceError };

/**
 * One call through the contract, as electron's ipcMain handlers and the browser bridge both make it: the method
 * must be in the contract, its arguments must satisfy its schema, and a failure comes back as a typed error in
 * the user's words — a core UserError's code and place, never a stack trace.
 */
export async function dispatch(ctx: ServiceContext, method: string, rawArgs: unknown, options: { onInternal?: (e: unknown) => void } = {}): Promise<Dispatched> {
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
    const handler = serviceHandlers[name] as (c: ServiceContext, a: unknown) => unknown;
    return { ok: true, result: await handler(ctx, parsed.data) };
  } catch (e) {
    if (isUserError(e)) return { ok: false, status: 422, error: { code: e.code, message: e.message, params: e.params, ...e.place } };
    options.onInternal?.(e);
    return { ok: false, status: 500, error: { code: 'internal', message: 'ka-settle could not finish this; the book is unchanged. Details are in the log.' } };
  }
}
