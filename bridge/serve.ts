import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { basename } from 'node:path';
import type { BookHost } from '../services/book-host.js';
import type { ProgressEvent } from '../contract/service-contract.js';
import { renderMessage, type Params } from '../locale/index.js';
import { CallSlots, type SlotLimits } from './call-slots.js';
import { jsonDepthExceeds } from './json-depth.js';
import { serveStatic } from './static-files.js';
import { downloadPath, MAX_UPLOAD_BYTES, receiveUpload, UploadRefused } from './transfers.js';

export interface Bridge { url: string; token: string; server: Server; close(): Promise<void> }

export interface BridgeOptions {
  port?: number;
  /** the built renderer (dist/renderer); without it only the API is served */
  staticDir?: string;
  /** where uploads and downloads are kept while the bridge runs */
  workDir: string;
  /** calls in flight at once, per client and in all (tests use small numbers) */
  slots?: Partial<SlotLimits>;
}

/** A call's body: far more than any contract argument needs, far less than memory can hold many of. */
export const MAX_BODY = 1024 * 1024;
/** JSON nesting the contract never needs more than a few levels of. */
export const MAX_JSON_DEPTH = 64;

class BodyTooLarge extends Error {}

/** The body as text, refused as soon as it passes the cap — it is never held whole first. */
function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY) return reject(new BodyTooLarge());
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        req.removeAllListeners('data');
        req.pause();
        reject(new BodyTooLarge());
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sameToken(given: string | null | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function send(res: ServerResponse, status: number, body: unknown, close = false): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...(close ? { connection: 'close' } : {}) });
  res.end(JSON.stringify(body));
}

const refuse = (res: ServerResponse, status: number, code: string, message: string) => send(res, status, { ok: false, error: { code, message } });

/** A refusal in the catalog's words (English as the message, the code and parameters for the window). */
const refuseCode = (res: ServerResponse, status: number, code: string, params: Params = {}, close = false) =>
  send(res, status, { ok: false, error: { code, message: renderMessage('en', { code, params }), params } }, close);

/**
 * The browser bridge: the service contract over HTTP on 127.0.0.1 only, plus the built window, for the
 * end-to-end tests and `npm run web`. A random token per run must accompany every call (header
 * `x-ka-settle-token`; a download link carries it as ?token=), and requests naming another host are refused, so
 * no other site or user of the machine can reach the book. Calls go to the background book thread (BookHost);
 * long ones report progress (POST /progress) and can be cancelled (POST /cancel/<call id>).
 *
 * No request can stop it: every failure is a 4xx or 5xx answer — an address that does not decode, a body over the
 * cap (refused while it streams), JSON of any depth, an upload cut short (what arrived is deleted). Calls in flight
 * are bounded per client (the window names itself in `x-ka-settle-client`) and in all, and a call whose client
 * went away is cancelled in the book thread.
 */
export function serveBridge(host: BookHost, options: BridgeOptions): Promise<Bridge> {
  const token = randomBytes(24).toString('hex');
  const progress = new Map<string, ProgressEvent>();
  const downloads = new Map<string, string>();
  const slots = new CallSlots(options.slots);

  /** A call to the book thread that is cancelled there if its client goes away before the answer. */
  const call = async (res: ServerResponse, method: string, args: unknown, callId: string | undefined) => {
    const id = callId ?? randomUUID();
    const abandon = () => {
      if (!res.writableFinished) host.cancel(id);
    };
    res.once('close', abandon);
    try {
      return await host.call(method, args, { callId: id, ...(callId ? { onProgress: (p) => progress.set(callId, { callId, ...p }) } : {}) });
    } finally {
      res.off('close', abandon);
      if (callId) progress.delete(callId);
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, port: number) => {
    if (req.headers.host !== `127.0.0.1:${port}`) return refuse(res, 421, 'unauthorised', 'the bridge answers on 127.0.0.1 only');
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    } catch {
      return refuseCode(res, 400, 'security.bad-url');
    }

    if (req.method === 'GET') {
      const dl = /^\/download\/([0-9a-f-]{36})$/.exec(url.pathname);
      if (dl) {
        const file = downloads.get(dl[1]!);
        if (!sameToken(url.searchParams.get('token'), token)) return refuse(res, 401, 'unauthorised', 'missing or wrong token');
        if (!file || !existsSync(file)) return refuse(res, 404, 'not-found', 'no such download');
        res.writeHead(200, {
          'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(basename(file))}`,
          'cache-control': 'no-store',
        });
        createReadStream(file).on('error', () => res.destroy()).pipe(res);
        return;
      }
      if (options.staticDir) {
        const served = serveStatic(options.staticDir, url.pathname, res);
        if (served === 'bad-path') return refuseCode(res, 400, 'security.bad-url');
        if (served) return;
      }
      return refuse(res, 404, 'not-found', 'no such page');
    }

    if (!sameToken(req.headers['x-ka-settle-token'] as string | undefined, token)) return refuse(res, 401, 'unauthorised', 'missing or wrong token');
    const callId = (req.headers['x-ka-settle-call'] as string | undefined)?.slice(0, 64);
    const client = String(req.headers['x-ka-settle-client'] ?? 'anonymous').slice(0, 64);

    if (req.method === 'POST' && url.pathname === '/progress') return send(res, 200, { ok: true, result: { events: [...progress.values()] } });
    const cancel = req.method === 'POST' ? /^\/cancel\/([\w-]{1,64})$/.exec(url.pathname) : null;
    if (cancel) return send(res, 200, { ok: true, result: { cancelled: host.cancel(cancel[1]!) } });

    const release = slots.take(client);
    if (!release) return refuseCode(res, 429, 'security.too-many-calls', { limit: slots.limitFor(client) }, true);
    try {
      if (req.method === 'PUT' && url.pathname === '/upload') {
        let name = 'file';
        try {
          name = decodeURIComponent(String(req.headers['x-file-name'] ?? 'file'));
        } catch {
          name = 'file';
        }
        try {
          const path = await receiveUpload(req, options.workDir, name);
          // The bridge made this file from what the browser sent: the book thread may read it (import, attach).
          host.grant(path, 'read');
          return send(res, 200, { ok: true, result: { path } });
        } catch (e) {
          if (e instanceof UploadRefused && e.reason === 'too-large') return refuseCode(res, 413, 'security.upload-too-large', { limit: MAX_UPLOAD_BYTES }, true);
          return refuseCode(res, 400, 'security.upload-failed', {}, true);
        }
      }
      if (req.method !== 'POST') return refuse(res, 404, 'unknown-method', 'POST /api/<method>');
      const route = /^\/(api|export)\/([\w.-]+)$/.exec(url.pathname);
      if (!route) return refuse(res, 404, 'unknown-method', 'POST /api/<method>');
      let body: unknown;
      try {
        const text = await readBody(req);
        if (jsonDepthExceeds(text, MAX_JSON_DEPTH)) return refuseCode(res, 400, 'security.json-too-deep', { limit: MAX_JSON_DEPTH });
        body = text ? JSON.parse(text) : {};
      } catch (e) {
        if (e instanceof BodyTooLarge) return refuseCode(res, 413, 'security.body-too-large', { limit: MAX_BODY }, true);
        return refuseCode(res, 400, 'security.bad-json');
      }
      if (route[1] === 'api') {
        const out = await call(res, route[2]!, body, callId);
        return out.ok ? send(res, 200, out) : send(res, out.status, { ok: false, error: out.error });
      }
      // An export for the browser: written to a fresh download place the bridge grants, then fetched by its link.
      const { args, fileName } = (body ?? {}) as { args?: Record<string, unknown>; fileName?: string };
      const target = downloadPath(options.workDir, typeof fileName === 'string' ? fileName : 'export.xlsx');
      host.grant(target.path, 'write');
      const out = await call(res, route[2]!, { ...(args && typeof args === 'object' ? args : {}), path: target.path }, callId);
      if (!out.ok) return send(res, out.status, { ok: false, error: out.error });
      downloads.set(target.id, target.path);
      return send(res, 200, { ok: true, result: out.result, download: `/download/${target.id}` });
    } finally {
      release();
    }
  };

  const server = createServer((req, res) => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    // Whatever a request does, the bridge answers it and goes on serving the next.
    handle(req, res, port).catch(() => {
      if (!res.headersSent) refuse(res, 500, 'internal', 'the bridge could not answer this request');
      else res.destroy();
    });
  });
  // A request the HTTP parser cannot read at all gets a plain 400 and its connection closed.
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
    else socket.destroy();
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({
        url: `http://127.0.0.1:${port}`, token, server,
        close: () => new Promise((r) => {
          server.closeAllConnections();
          server.close(() => r());
        }),
      });
    });
  });
}
