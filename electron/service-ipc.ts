import { IPC, type IpcOutcome } from '../contract/preload-api.js';
import { SERVICE_NAMES, serviceContract, type ProgressEvent } from '../contract/service-contract.js';
import type { Dispatched } from '../bridge/dispatch.js';
import type { Progress } from '../core/work/long-work.js';
import { issueMessage } from '../core/input-issues.js';
import { renderMessage } from '../locale/index.js';

/** The parts of Electron's ipcMain and its events this module uses (so it is tested without Electron). */
export interface IpcEventLike { senderFrame: { url: string } | null; sender: { send(channel: string, payload: ProgressEvent): void } }
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => unknown): void;
  on(channel: string, listener: (event: IpcEventLike & { returnValue: unknown }) => void): void;
}
export interface ServiceHostLike {
  call(method: string, args: unknown, options: { callId?: string; onProgress?: (p: Progress) => void }): Promise<Dispatched>;
  cancel(callId: string): boolean;
}

/**
 * One ipcMain.handle per contract method. Each checks that the call comes from the app's own page, validates the
 * arguments against the contract before anything reaches core/, runs the call in the background book thread and
 * returns a typed outcome (never a thrown error: Electron would prefix it with its own words and a stack).
 */
export function registerServiceIpc(ipc: IpcMainLike, host: ServiceHostLike, isTrusted: (frameUrl: string | undefined) => boolean): void {
  for (const name of SERVICE_NAMES) {
    ipc.handle(IPC.service(name), async (event, args, callId): Promise<IpcOutcome> => {
      if (!isTrusted(event.senderFrame?.url)) return { ok: false, error: { code: 'unauthorised', message: 'calls come from the ka-settle window only' } };
      const parsed = serviceContract[name].args.safeParse(args ?? {});
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        const detail = issueMessage(issue);
        return { ok: false, error: { code: 'invalid-arguments', message: renderMessage('en', detail), params: { detail }, ...(issue.path.length ? { field: issue.path.map(String).join('.') } : {}) } };
      }
      const id = typeof callId === 'string' && callId.length <= 64 ? callId : undefined;
      const out = await host.call(name, parsed.data, {
        ...(id ? { callId: id, onProgress: (p: Progress) => event.sender.send(IPC.progress, { callId: id, ...p }) } : {}),
      });
      return out.ok ? { ok: true, result: out.result } : { ok: false, error: out.error };
    });
  }
  ipc.handle(IPC.cancel, (event, callId) => isTrusted(event.senderFrame?.url) && typeof callId === 'string' && host.cancel(callId));
  ipc.on(IPC.names, (event) => {
    event.returnValue = isTrusted(event.senderFrame?.url) ? SERVICE_NAMES : [];
  });
}
