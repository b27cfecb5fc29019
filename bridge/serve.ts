import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { Book } from '../db/connection.js';
import { dispatch } from './dispatch.js';

export interface Bridge { url: string; token: string; server: Server; close(): Promise<void> }

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

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The browser bridge: the service contract over HTTP on 127.0.0.1 only, for the end-to-end tests and
 * `npm run web`. A random token per run must accompany every call (header `x-ka-settle-token`), and requests
 * naming another host are refused, so no other site or user of the machine can reach the book.
 */
export function serveBridge(book: Book, options: { port?: number; actor?: string } = {}): Promise<Bridge> {
  const token = randomBytes(24).toString('hex');
  const ctx = { book, actor: options.actor ?? 'bridge' };
  // One book connection: calls run one after another (an import holds a transaction across awaits).
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };
  const server = createServer(async (req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
      res.end(JSON.stringify(body));
    };
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    if (req.headers.host !== `127.0.0.1:${port}`) return send(421, { ok: false, error: { code: 'unauthorised', message: 'the bridge answers on 127.0.0.1 only' } });
    const match = /^\/api\/([\w.-]+)$/.exec(req.url ?? '');
    if (req.method !== 'POST' || !match) return send(404, { ok: false, error: { code: 'unknown-method', message: 'POST /api/<method>' } });
    if (!sameToken(req.headers['x-ka-settle-token'] as string | undefined, token)) {
      return send(401, { ok: false, error: { code: 'unauthorised', message: 'missing or wrong token' } });
    }
    let args: unknown;
    try {
      const body = await readBody(req);
      args = body ? JSON.parse(body) : {};
    } catch {
      return send(400, { ok: false, error: { code: 'invalid-arguments', message: 'the body is not JSON' } });
    }
    const out = await serially(() => dispatch(ctx, match[1]!, args));
    return out.ok ? send(200, out) : send(out.status, { ok: false, error: out.error });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ url: `http://127.0.0.1:${port}`, token, server, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}
