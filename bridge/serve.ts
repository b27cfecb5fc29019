import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { basename } from 'node:path';
import type { BookHost } from '../services/book-host.js';
import type { ProgressEvent } from '../contract/service-contract.js';
import { serveStatic } from './static-files.js';
import { downloadPath, receiveUpload } from './transfers.js';

export interface Bridge { url: string; token: string; server: Server; close(): Promise<void> }

export interface BridgeOptions {
  port?: number;
  /** the built renderer (dist/renderer); without it only the API is served */
  staticDir?: string;
  /** where uploads and downloads are kept while the bridge runs */
  workDir: string;
}

const MAX_BODY = 1024 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) reject(new Error('body too large'));
      else chunks.push(c);
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

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(JSON.stringify(body));
}

const refuse = (res: ServerResponse, status: number, code: string, message: string) => send(res, status, { ok: false, error: { code, message } });

/**
 * The browser bridge: the service contract over HTTP on 127.0.0.1 only, plus the built window, for the
 * end-to-end tests and `npm run web`. A random token per run must accompany every call (header
 * `x-ka-settle-token`; a download link carries it as ?token=), and requests naming another host are refused, so
 * no other site or user of the machine can reach the book. Calls go to the background book thread (BookHost);
 * long ones report progress (POST /progress) and can be cancelled (POST /cancel/<call id>).
 */
export function serveBridge(host: BookHost, options: BridgeOptions): Promise<Bridge> {
  const token = randomBytes(24).toString('hex');
  const progress = new Map<string, ProgressEvent>();
  const downloads = new Map<string, string>();

  const call = async (method: string, args: unknown, callId: string | undefined) => {
    const out = await host.call(method, args, { ...(callId ? { callId, onProgress: (p) => progress.set(callId, { callId, ...p }) } : {}) });
    if (callId) progress.delete(callId);
    return out;
  };

  const server = createServer(async (req, res) => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    if (req.headers.host !== `127.0.0.1:${port}`) return refuse(res, 421, 'unauthorised', 'the bridge answers on 127.0.0.1 only');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);

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
        createReadStream(file).pipe(res);
        return;
      }
      if (options.staticDir && serveStatic(options.staticDir, url.pathname, res)) return;
      return refuse(res, 404, 'not-found', 'no such page');
    }

    if (!sameToken(req.headers['x-ka-settle-token'] as string | undefined, token)) return refuse(res, 401, 'unauthorised', 'missing or wrong token');
    const callId = (req.headers['x-ka-settle-call'] as string | undefined)?.slice(0, 64);

    if (req.method === 'PUT' && url.pathname === '/upload') {
      try {
        const name = decodeURIComponent(String(req.headers['x-file-name'] ?? 'file'));
        return send(res, 200, { ok: true, result: { path: await receiveUpload(req, options.workDir, name) } });
      } catch {
        return refuse(res, 413, 'upload-failed', 'the file could not be received (over 2 GB, or the connection dropped)');
      }
    }
    if (req.method !== 'POST') return refuse(res, 404, 'unknown-method', 'POST /api/<method>');
    if (url.pathname === '/progress') return send(res, 200, { ok: true, result: { events: [...progress.values()] } });
    const cancel = /^\/cancel\/([\w-]{1,64})$/.exec(url.pathname);
    if (cancel) return send(res, 200, { ok: true, result: { cancelled: host.cancel(cancel[1]!) } });

    const route = /^\/(api|export)\/([\w.-]+)$/.exec(url.pathname);
    if (!route) return refuse(res, 404, 'unknown-method', 'POST /api/<method>');
    let body: unknown;
    try {
      const text = await readBody(req);
      body = text ? JSON.parse(text) : {};
    } catch {
      return refuse(res, 400, 'invalid-arguments', 'the body is not JSON');
    }
    if (route[1] === 'api') {
      const out = await call(route[2]!, body, callId);
      return out.ok ? send(res, 200, out) : send(res, out.status, { ok: false, error: out.error });
    }
    // An export for the browser: written to a fresh download place, then fetched by its link.
    const { args, fileName } = (body ?? {}) as { args?: Record<string, unknown>; fileName?: string };
    const target = downloadPath(options.workDir, fileName ?? 'export.xlsx');
    const out = await call(route[2]!, { ...(args ?? {}), path: target.path }, callId);
    if (!out.ok) return send(res, out.status, { ok: false, error: out.error });
    downloads.set(target.id, target.path);
    return send(res, 200, { ok: true, result: out.result, download: `/download/${target.id}` });
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
