import { afterEach, describe, expect, it } from 'vitest';
import { generateDemo } from '../../core/demo/generate-demo.js';
import { serveBridge, type Bridge } from '../../bridge/serve.js';
import { QUIRKS, SEP, sepBook } from '../helpers/sep-book.js';
import { tempBook } from '../helpers/temp-book.js';

let bridge: Bridge | undefined;
afterEach(async () => {
  await bridge?.close();
  bridge = undefined;
});

async function call(b: Bridge, method: string, args: unknown, token = b.token) {
  const res = await fetch(`${b.url}/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-ka-settle-token': token }, body: JSON.stringify(args) });
  return { status: res.status, body: (await res.json()) as { ok: boolean; result?: any; error?: { code: string; message: string; field?: string; row?: number; file?: string } } };
}

describe('the browser bridge', () => {
  it('serves the contract on 127.0.0.1 with a per-run token, and refuses everything else', async () => {
    const book = await tempBook();
    generateDemo(book, { seed: 2 });
    bridge = await serveBridge(book);
    expect(bridge.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(bridge.token).toMatch(/^[0-9a-f]{48}$/);
    expect((await call(bridge, 'book.summary', {}, 'wrong')).status).toBe(401);
    expect((await call(bridge, 'book.drop', {})).body.error).toMatchObject({ code: 'unknown-method' });
    const bad = await call(bridge, 'reconcile.lines', { period: '2026-13' });
    expect(bad).toMatchObject({ status: 400, body: { ok: false, error: { code: 'invalid-arguments', field: 'period' } } });
    const summary = await call(bridge, 'book.summary', {});
    expect(summary.body.result.masterData.stores).toBeGreaterThan(120);

    const run = await call(bridge, 'reconcile.run', { period: '2026-06', asOf: '2026-07-31' });
    expect(run.body.result.deliveryLines.matched).toBeGreaterThan(1000);
    const lines = await call(bridge, 'reconcile.lines', { period: '2026-06', status: 'short', limit: 5 });
    expect(lines.body.result.rows).toHaveLength(5);
    expect(lines.body.result.rows.every((r: { status: string }) => r.status === 'short')).toBe(true);
    const decided = await call(bridge, 'reconcile.decide', { lineId: lines.body.result.rows[0].line_id, decision: 'annotated', note: 'driver signed for 4 cases' });
    expect(decided.body).toEqual({ ok: true, result: { lineId: lines.body.result.rows[0].line_id, decided: true } });
    const home = await call(bridge, 'home.status', { period: '2026-06', asOf: '2026-07-31' });
    expect(home.body.result).toMatchObject({ period: '2026-06', periodStatus: 'open' });
    expect(home.body.result.unmatchedDeliveryLines).toBeGreaterThan(0);
    const aged = await call(bridge, 'ageing.report', { asOf: '2026-07-31' });
    expect(aged.body.result.ties).toBe(true);

    // A request naming another host (DNS rebinding) is refused.
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      const req = request(`${bridge!.url}/api/book.summary`, { method: 'POST', headers: { host: 'evil.example:80', 'x-ka-settle-token': bridge!.token } }, (res) => resolve(res.statusCode ?? 0));
      req.end('{}');
    });
    expect(status).toBe(421);
  });

  it('previews and commits an import, and returns row errors as typed errors in the user’s words', async () => {
    const book = await sepBook();
    bridge = await serveBridge(book);
    const preview = await call(bridge, 'import.preview', { kind: 'deliveries', path: `${SEP}10-deliveries.csv` });
    expect(preview.body.result).toMatchObject({ dryRun: true, committed: false, created: 4 });
    const bad = await call(bridge, 'import.preview', { kind: 'deliveries', path: `${QUIRKS}deliveries-bad-rows.csv` });
    expect(bad.body.result.errors[0]).toMatchObject({ row: 3, field: '门店编号 (column D)' });
    const committed = await call(bridge, 'import.commit', { kind: 'deliveries', path: `${SEP}10-deliveries.csv` });
    expect(committed.body.result).toMatchObject({ committed: true, created: 4 });
    const old = await call(bridge, 'import.commit', { kind: 'receipts', path: `${QUIRKS}old-binary.xls` });
    expect(old).toMatchObject({ status: 422, body: { ok: false, error: { code: 'binary-xls', file: `${QUIRKS}old-binary.xls` } } });
    expect(JSON.stringify(old.body)).not.toMatch(/at .*\.js:\d+/);
  });
});
