import type { ProgressEvent, ServiceError } from '../../contract/service-contract';
import { CallError, type Host } from './host';

interface Reply { ok: boolean; result?: unknown; error?: ServiceError; download?: string }

/**
 * The browser bridge's host: the per-run token comes in the address (#token=…), is kept for this tab only and
 * taken out of the address bar. Progress is polled while a long call runs.
 */
export function webHost(): Host {
  const fromHash = /token=([0-9a-f]+)/.exec(location.hash)?.[1];
  if (fromHash) {
    sessionStorage.setItem('ka-settle-token', fromHash);
    history.replaceState(null, '', location.pathname + location.search);
  }
  const token = sessionStorage.getItem('ka-settle-token') ?? '';
  // This window names itself to the bridge, which bounds the calls each window has in flight.
  const client = `w${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
  const listeners = new Set<(e: ProgressEvent) => void>();
  const running = new Set<string>();
  let polling: number | undefined;

  const post = async (path: string, body: unknown, callId?: string): Promise<Reply> => {
    let res: Response;
    try {
      res = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json', 'x-ka-settle-token': token, 'x-ka-settle-client': client, ...(callId ? { 'x-ka-settle-call': callId } : {}) }, body: JSON.stringify(body) });
    } catch {
      throw new CallError({ code: 'offline', message: 'ka-settle is not running (the bridge did not answer)' });
    }
    const reply = (await res.json()) as Reply;
    if (!reply.ok) throw new CallError(reply.error ?? { code: 'internal', message: `HTTP ${res.status}` });
    return reply;
  };

  const poll = async () => {
    if (running.size === 0) {
      polling = undefined;
      return;
    }
    try {
      const reply = await post('/progress', {});
      for (const e of (reply.result as { events: ProgressEvent[] }).events) if (running.has(e.callId)) listeners.forEach((l) => l(e));
    } finally {
      polling = window.setTimeout(poll, 300);
    }
  };
  const tracked = async <T>(callId: string | undefined, work: () => Promise<T>): Promise<T> => {
    if (!callId) return work();
    running.add(callId);
    polling ??= window.setTimeout(poll, 300);
    try {
      return await work();
    } finally {
      running.delete(callId);
    }
  };

  return {
    kind: 'web',
    call: (method, args, options) => tracked(options?.callId, async () => (await post(`/api/${method}`, args, options?.callId)).result as never),
    cancel: async (callId) => {
      await post(`/cancel/${callId}`, {});
    },
    onProgress: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stageFile: async (file) => {
      const res = await fetch('/upload', { method: 'PUT', headers: { 'x-ka-settle-token': token, 'x-ka-settle-client': client, 'x-file-name': encodeURIComponent(file.name) }, body: file });
      const reply = (await res.json()) as Reply;
      if (!reply.ok) throw new CallError(reply.error ?? { code: 'upload-failed', message: `HTTP ${res.status}` });
      return (reply.result as { path: string }).path;
    },
    exportFile: async (method, args, fileName) => {
      const reply = await post(`/export/${method}`, { args, fileName });
      const a = document.createElement('a');
      a.href = `${reply.download}?token=${token}`;
      a.download = fileName;
      document.body.append(a);
      a.click();
      a.remove();
      return { result: reply.result as never, where: fileName };
    },
  };
}
