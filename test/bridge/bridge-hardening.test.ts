import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDeliveryCsv } from '../../bench/delivery-csv.js';
import { serveBridge, type Bridge } from '../../bridge/serve.js';
import { reconcilePeriod } from '../../core/reconcile/reconcile-period.js';
import { BookHost } from '../../services/book-host.js';
import { addPeople } from '../helpers/people.js';
import { importOk, QUIRKS, SEP, sepBook } from '../helpers/sep-book.js';

const RENDERER = fileURLToPath(new URL('../../dist/renderer/', import.meta.url));

/**
 * Issue 17's requests against the bridge, kept as regression cases: none may stop it, each gets a 4xx, uploads cut
 * short leave nothing behind, calls are bounded per client, and a call whose client has gone is cancelled.
 */
let home: string;
let host: BookHost;
let b: Bridge;
let big: string;
let bookPath: string;

beforeAll(async () => {
  const book = await sepBook();
  await importOk(book, 'deliveries', `${SEP}10-deliveries.csv`);
  await importOk(book, 'receipts', `${SEP}11-receipts-rtm.csv`);
  await importOk(book, 'deductions', `${SEP}13-deductions-rtm.csv`, { date: '2026-09-30' });
  await importOk(book, 'contracts', `${QUIRKS}contracts.json`);
  reconcilePeriod(book, { period: '2026-09', actor: 'tester', asOf: '2026-10-05' });
  addPeople(book);
  home = mkdtempSync(join(tmpdir(), 'ka-settle-bridge-'));
  big = join(home, 'big.csv');
  await writeDeliveryCsv(book, big, 200_000);
  bookPath = join(home, 'sep.kasettle');
  await book.db.backup(bookPath);
  book.close();
  host = new BookHost({ home, actor: 'os:tester', logFile: join(home, 'ka-settle.log') });
  b = await serveBridge(host, { staticDir: RENDERER, workDir: join(home, '.bridge'), slots: { perClient: 4, total: 8 } });
  expect((await api('app.openBook', { path: bookPath })).status).toBe(200);
}, 120_000);
afterAll(async () => {
  await b?.close();
  await host?.close();
  rmSync(home, { recursive: true, force: true });
});

function api(method: string, args: unknown, headers: Record<string, string> = {}) {
  return fetch(`${b.url}/api/${method}`, { method: 'POST', headers: { 'x-ka-settle-token': b.token, ...headers }, body: JSON.stringify(args) })
    .then(async (r) => ({ status: r.status, body: (await r.json()) as { ok: boolean; result?: any; error?: { code: string; params?: Record<string, unknown> } } }));
}

/** A raw request: what a browser would never send, sent anyway. */
function raw(options: { method: string; path: string; headers?: Record<string, string | number>; body?: string | Buffer; abortAfter?: number }): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${b.url}${options.path}`, { method: options.method, headers: options.headers, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => { body += c; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', (e) => (options.abortAfter !== undefined ? resolve({ status: 0, body: '' }) : reject(e)));
    if (options.abortAfter !== undefined) {
      req.write(Buffer.alloc(options.abortAfter, 0x41));
      setTimeout(() => req.destroy(), 200);
    } else req.end(options.body);
  });
}

async function alive() {
  expect((await fetch(`${b.url}/`)).status).toBe(200);
  expect((await api('book.summary', {})).status).toBe(200);
}

describe('the bridge never dies of a request', () => {
  it('answers GET /% and GET /%E0%A4%A without a token with a 400', async () => {
    for (const path of ['/%', '/%E0%A4%A']) {
      const r = await raw({ method: 'GET', path });
      expect(r.status).toBe(400);
      expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'security.bad-url' } });
    }
    await alive();
  });

  it('answers a 400,000-deep JSON body with the token with a 400, before anything parses it', async () => {
    const deep = `${'['.repeat(400_000)}${']'.repeat(400_000)}`;
    const r = await raw({ method: 'POST', path: '/api/book.summary', headers: { 'x-ka-settle-token': b.token }, body: deep });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body)).toMatchObject({ error: { code: 'security.json-too-deep', params: { limit: 64 } } });
    expect((await raw({ method: 'POST', path: '/api/book.summary', headers: { 'x-ka-settle-token': b.token }, body: '{"a":' })).status).toBe(400);
    await alive();
  });

  it('caps a body while it streams, whether its length was declared or not', async () => {
    const declared = await raw({ method: 'POST', path: '/api/book.summary', headers: { 'x-ka-settle-token': b.token, 'content-length': 5_000_000 }, body: '' }).catch(() => ({ status: 413, body: '' }));
    expect(declared.status).toBe(413);
    const chunked = await raw({ method: 'POST', path: '/api/book.summary', headers: { 'x-ka-settle-token': b.token, 'transfer-encoding': 'chunked' }, body: Buffer.alloc(3 * 1024 * 1024, 0x20) });
    expect(chunked.status).toBe(413);
    await alive();
  });

  it('refuses a 2 GB upload at once and deletes an upload cut short', async () => {
    const uploads = join(home, '.bridge', 'uploads');
    const before = existsSync(uploads) ? readdirSync(uploads).length : 0;
    const huge = await raw({ method: 'PUT', path: '/upload', headers: { 'x-ka-settle-token': b.token, 'content-length': 2 * 1024 ** 3 + 1 }, body: '' }).catch(() => ({ status: 413, body: '' }));
    expect(huge.status).toBe(413);
    await raw({ method: 'PUT', path: '/upload', headers: { 'x-ka-settle-token': b.token, 'content-length': 10_000_000, 'x-file-name': 'half.csv' }, abortAfter: 1_000_000 });
    for (let i = 0; i < 50 && existsSync(uploads) && readdirSync(uploads).length > before; i++) await new Promise((r) => setTimeout(r, 50));
    expect(existsSync(uploads) ? readdirSync(uploads).length : 0).toBe(before);
    await alive();
  });
});

describe('calls through the bridge', () => {
  it('need a signed-in user for writes (the issue’s claims.move to approved), and export or attach only where allowed', async () => {
    const id = (await api('claims.list', {})).body.result.claims[0].id as number;
    expect(await api('claims.move', { id, to: 'approved' })).toMatchObject({ status: 401, body: { error: { code: 'security.sign-in-required' } } });
    expect((await api('session.signIn', { username: 'wang', password: 'wang-pass-1' })).status).toBe(200);
    expect(await api('claims.move', { id, to: 'approved' })).toMatchObject({ status: 403, body: { error: { code: 'security.forbidden' } } });
    expect(await api('claims.attach', { id, path: '/etc/passwd' })).toMatchObject({ status: 422, body: { error: { code: 'security.path-not-allowed' } } });
    const victim = join(home, 'precious.xlsx');
    writeFileSync(victim, 'do not overwrite');
    expect(await api('statement.export', { period: '2026-09', distributor: 'D01', format: 'xlsx', path: victim })).toMatchObject({ body: { error: { code: 'security.path-not-allowed' } } });
    // Through the export route the bridge picks (and grants) the place itself, and the browser downloads it.
    const exported = await fetch(`${b.url}/export/statement.export`, { method: 'POST', headers: { 'x-ka-settle-token': b.token }, body: JSON.stringify({ args: { period: '2026-09', distributor: 'D01', format: 'xlsx' }, fileName: '结算单.xlsx' }) });
    const body = (await exported.json()) as { ok: boolean; download: string };
    expect(body.ok).toBe(true);
    expect((await fetch(`${b.url}${body.download}?token=${b.token}`)).status).toBe(200);
    // An uploaded file may be attached: the bridge made it.
    const up = await fetch(`${b.url}/upload`, { method: 'PUT', headers: { 'x-ka-settle-token': b.token, 'x-file-name': encodeURIComponent('通知.txt') }, body: '扣款通知' });
    const staged = ((await up.json()) as { result: { path: string } }).result.path;
    expect(await api('claims.attach', { id, path: staged })).toMatchObject({ status: 200, body: { result: { attachments: [{ name: '通知.txt' }] } } });
    await api('session.signOut', {});
  });

  it('cancels a call whose client has gone, leaving the book as it was', async () => {
    await api('session.signIn', { username: 'wang', password: 'wang-pass-1' });
    const before = (await api('book.summary', {})).body.result.documents;
    const controller = new AbortController();
    const gone = fetch(`${b.url}/api/import.commit`, { method: 'POST', signal: controller.signal, headers: { 'x-ka-settle-token': b.token },
      body: JSON.stringify({ kind: 'deliveries', path: big }) }).then((r) => r.text()).catch(() => 'aborted');
    await new Promise((r) => setTimeout(r, 400));
    controller.abort();
    expect(await gone).toBe('aborted');
    for (let i = 0; i < 200 && host.inFlight > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(host.inFlight).toBe(0);
    expect((await api('book.summary', {})).body.result.documents).toEqual(before);
    await api('session.signOut', {});
  }, 30_000);

  it('stays up under a bounded flood: excess calls get 429 at once, and nothing keeps running after', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 500 });
    const one = () => new Promise<number>((resolve) => {
      const req = request(`${b.url}/api/app.state`, { method: 'POST', agent, headers: { 'x-ka-settle-token': b.token, 'x-ka-settle-client': 'flood' } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', () => resolve(0));
      req.end('{}');
    });
    const statuses = await Promise.all(Array.from({ length: 3_000 }, one));
    agent.destroy();
    const count = (s: number) => statuses.filter((x) => x === s).length;
    expect(count(200) + count(429)).toBe(3_000);
    expect(count(429)).toBeGreaterThan(0);
    expect(count(200)).toBeGreaterThan(0);
    for (let i = 0; i < 100 && host.inFlight > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(host.inFlight).toBe(0);
    await alive();
  }, 120_000);
});
