import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Progress } from '../../core/work/long-work.js';
import { BookHost } from '../../services/book-host.js';

let dir: string;
let host: BookHost;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ka-settle-host-'));
  host = new BookHost({ home: dir, actor: 'tester', logFile: join(dir, 'ka-settle.log') });
  const made = await host.call('app.createBook', { path: join(dir, 'demo.kasettle'), demo: true });
  expect(made.ok).toBe(true);
}, 60_000);
afterAll(async () => {
  await host.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the background book thread', () => {
  it('reports a reconciliation’s steps, and a cancel rolls the whole run back', async () => {
    const seen: Progress[] = [];
    const done = await host.call('reconcile.run', { period: '2026-05', asOf: '2026-06-30' }, { callId: 'r1', onProgress: (p) => seen.push(p) });
    expect(done.ok).toBe(true);
    expect(seen.map((p) => p.step)).toEqual(['match-deliveries', 'classify-deductions', 'fee-claims', 'allocate-remittances', 'allocate-credits', 'compare-statements', 'save-results']);

    const before = await host.call('home.status', { period: '2026-06', asOf: '2026-06-30' });
    const cancelled = host.call('reconcile.run', { period: '2026-06', asOf: '2026-07-31' }, {
      callId: 'r2',
      // Cancel as soon as matching has started: the rest of the run must not happen and nothing may stay written.
      onProgress: (p) => p.step === 'match-deliveries' && host.cancel('r2'),
    });
    expect(await cancelled).toMatchObject({ ok: false, error: { code: 'work.cancelled' } });
    const after = await host.call('home.status', { period: '2026-06', asOf: '2026-06-30' });
    expect(after).toEqual(before);
    // the month was reconciled when the demo was built, and the cancelled run left no trace of its own
    expect(after.ok && (after.result as { reconciledAt: string | null }).reconciledAt).toBe(before.ok && (before.result as { reconciledAt: string | null }).reconciledAt);
    expect(host.cancel('r2')).toBe(false);
  });

  it('runs calls one after another on the one connection, whatever order they arrive in', async () => {
    const calls = await Promise.all([
      host.call('reconcile.run', { period: '2026-07', asOf: '2026-08-31' }),
      host.call('reconcile.lines', { from: '2026-07', to: '2026-07', withTotal: true, limit: 1 }),
      host.call('book.check', {}),
    ]);
    expect(calls.every((c) => c.ok)).toBe(true);
    expect((calls[1] as { result: { total: number } }).result.total).toBeGreaterThan(1000);
  });
});
