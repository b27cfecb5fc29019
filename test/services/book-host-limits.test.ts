import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BookHost, type RestartReason } from '../../services/book-host.js';
import { sepBook } from '../helpers/sep-book.js';

const CORRUPT = fileURLToPath(new URL('../fixtures/security/receipts-corrupt.xlsx', import.meta.url));

/**
 * The background thread survives every error of a call: a preview that never finishes, an export that loops on a
 * path it cannot make, the thread itself dying. Each call ends with a typed answer within its limit (set short
 * here), the thread is replaced when it must be, the book is opened again in the new one, and the host says so.
 */
let dir: string;
let bookPath: string;
let host: BookHost;
const restarts: RestartReason[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ka-settle-limits-'));
  const book = await sepBook();
  bookPath = join(dir, 'sep.kasettle');
  await book.db.backup(bookPath);
  book.close();
  host = new BookHost({ home: dir, actor: 'os:tester', logFile: join(dir, 'ka-settle.log') }, {
    limits: { quickMs: 5_000, longSilenceMs: 2_000, cancelGraceMs: 500 }, onRestart: (r) => restarts.push(r),
  });
  expect((await host.call('app.openBook', { path: bookPath })).ok).toBe(true);
}, 60_000);
afterAll(async () => {
  await host.close();
  rmSync(dir, { recursive: true, force: true });
});

async function stillServes() {
  const state = await host.call('app.state', {});
  expect(state).toMatchObject({ ok: true, result: { book: { path: bookPath } } });
  expect(await host.call('book.summary', {})).toMatchObject({ ok: true });
}

describe('the background book thread', () => {
  it('answers a preview of the corrupt .xlsx the issue named, and keeps serving (regression)', async () => {
    const started = Date.now();
    const out = await host.call('import.preview', { kind: 'receipts', path: CORRUPT, ka: 'RTM' });
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect(out.error.code).not.toBe('internal');
      // Either the reader says what is wrong with the file, or the call was stopped at its limit and the thread replaced.
      if (out.error.code === 'security.host-timeout') expect(restarts).toContain('timeout');
    }
    expect(Date.now() - started).toBeLessThan(15_000);
    await stillServes();
  }, 30_000);

  it('refuses an export to a path nobody chose, and survives one to a path it cannot make', async () => {
    const nowhere = '/proc/ka-settle-nowhere/statement.xlsx';
    expect(await host.call('statement.export', { period: '2026-09', distributor: 'D01', format: 'xlsx', path: nowhere })).toMatchObject({
      ok: false, error: { code: 'security.path-not-allowed', params: { file: nowhere } },
    });
    // Granted as a dialog would, the path is one no folder can be made for: Node's recursive mkdir spins on it for
    // ever (the hang the issue saw). The limit stops the call and the thread is replaced.
    const before = host.restarts;
    host.grant(nowhere, 'write');
    const out = await host.call('reconcile.export', { from: '2026-09', to: '2026-09', path: nowhere });
    expect(out).toMatchObject({ ok: false, status: 504, error: { code: 'security.host-timeout', params: { restarted: true } } });
    expect(host.restarts).toBe(before + 1);
    expect(restarts.at(-1)).toBe('timeout');
    await stillServes();
  }, 30_000);

  it('restarts a thread that died, answers the calls that were waiting, and opens the book again', async () => {
    const waiting = host.call('book.check', {});
    // The thread dies as a crash in native code would take it.
    await (host as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate();
    expect(await waiting).toMatchObject({ ok: false, status: 503, error: { code: 'security.host-restarted' } });
    expect(restarts.at(-1)).toBe('died');
    await stillServes();
    // Nobody is signed in to the new thread: the window is told to sign in again.
    expect((await host.call('app.state', {})) as { result: { user: unknown } }).toMatchObject({ result: { user: null } });
  }, 30_000);
});
