import { describe, expect, it } from 'vitest';
import type { Dispatched } from '../../bridge/dispatch.js';
import { IPC } from '../../contract/preload-api.js';
import { SERVICE_NAMES } from '../../contract/service-contract.js';
import { registerServiceIpc, type IpcEventLike, type IpcMainLike, type ServiceHostLike } from '../../electron/service-ipc.js';
import { isAppUrl } from '../../electron/window-security.js';

/** Electron's ipcMain cannot run here; this stands in for it and records what was registered. */
function fakeIpc() {
  const handlers = new Map<string, (event: IpcEventLike, ...args: unknown[]) => unknown>();
  const listeners = new Map<string, (event: IpcEventLike & { returnValue: unknown }) => void>();
  const ipc: IpcMainLike = {
    handle: (channel, listener) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
    on: (channel, listener) => void listeners.set(channel, listener),
  };
  return { ipc, handlers, listeners };
}

function recordingHost(reply: Dispatched = { ok: true, result: { fine: true } }) {
  const calls: { method: string; args: unknown; callId?: string }[] = [];
  const host: ServiceHostLike & { calls: typeof calls } = {
    calls,
    call: async (method, args, options) => {
      calls.push({ method, args, callId: options.callId });
      options.onProgress?.({ step: 'read-rows', done: 10_000 });
      return reply;
    },
    cancel: (id) => id === 'running',
  };
  return host;
}

const event = (url: string | undefined) => {
  const sent: unknown[] = [];
  return { sent, senderFrame: url === undefined ? null : { url }, sender: { send: (_channel: string, payload: unknown) => void sent.push(payload) } } as IpcEventLike & { sent: unknown[] };
};

describe('the IPC side of the contract', () => {
  it('registers exactly one handler per contract method, plus cancel', () => {
    const { ipc, handlers, listeners } = fakeIpc();
    registerServiceIpc(ipc, recordingHost(), isAppUrl);
    expect([...handlers.keys()].sort()).toEqual([...SERVICE_NAMES.map(IPC.service), IPC.cancel].sort());
    const e = { ...event('app://ka-settle/index.html'), returnValue: undefined as unknown };
    listeners.get(IPC.names)!(e);
    expect(e.returnValue).toEqual(SERVICE_NAMES);
  });

  it('validates arguments before anything reaches the book, and refuses calls from any other page', async () => {
    const { ipc, handlers } = fakeIpc();
    const host = recordingHost();
    registerServiceIpc(ipc, host, isAppUrl);
    const lines = handlers.get(IPC.service('reconcile.lines'))!;
    expect(await lines(event('app://ka-settle/index.html'), { from: '2026-13', to: '2026-13' })).toEqual({
      ok: false, error: { code: 'invalid-arguments', message: 'a month YYYY-MM', params: { detail: { code: 'input.period', params: {} } }, field: 'from' },
    });
    expect(await lines(event('https://evil.example/'), { from: '2026-10', to: '2026-10' })).toMatchObject({ ok: false, error: { code: 'unauthorised' } });
    expect(await lines(event(undefined), { from: '2026-10', to: '2026-10' })).toMatchObject({ ok: false, error: { code: 'unauthorised' } });
    expect(host.calls).toEqual([]);
  });

  it('passes the parsed arguments on, forwards progress with the call id, and returns a typed outcome', async () => {
    const { ipc, handlers } = fakeIpc();
    const host = recordingHost({ ok: false, status: 422, error: { code: 'period-closed', message: 'period 2026-09 is closed' } });
    registerServiceIpc(ipc, host, isAppUrl);
    const e = event('app://ka-settle/index.html');
    const out = await handlers.get(IPC.service('import.commit'))!(e, { kind: 'deliveries', path: 'C:\\data\\送货.csv' }, 'call-1');
    expect(out).toEqual({ ok: false, error: { code: 'period-closed', message: 'period 2026-09 is closed' } });
    expect(host.calls).toEqual([{ method: 'import.commit', args: { kind: 'deliveries', path: 'C:\\data\\送货.csv' }, callId: 'call-1' }]);
    expect(e.sent).toEqual([{ callId: 'call-1', step: 'read-rows', done: 10_000 }]);
    // Defaults of the schema are applied before the call crosses to the book thread.
    await handlers.get(IPC.service('reconcile.lines'))!(e, { from: '2026-10', to: '2026-10' });
    expect(host.calls[1]!.args).toEqual({ from: '2026-10', to: '2026-10', withTotal: false, offset: 0, limit: 100 });
    expect(await handlers.get(IPC.cancel)!(e, 'running')).toBe(true);
    expect(await handlers.get(IPC.cancel)!(event('https://evil.example/'), 'running')).toBe(false);
  });
});
