import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkBook } from '../../core/book/check-book.js';
import { openExistingBook } from '../../core/book/open-book.js';
import { tempDir } from '../helpers/temp-book.js';

/** `npm run demo` is `node scripts/demo.mjs` after the build (npm test has built). */
const SCRIPT = fileURLToPath(new URL('../../scripts/demo.mjs', import.meta.url));

/** Runs the demo script on path, killing it (SIGKILL, nothing cleaned up) after killAfterMs if given. */
function demo(path: string, killAfterMs?: number): Promise<{ code: number | null; ms: number; killed: boolean }> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SCRIPT, path, 'tiny'], { stdio: 'ignore' });
    let killed = false;
    const timer = killAfterMs === undefined ? undefined : setTimeout(() => {
      killed = child.kill('SIGKILL');
    }, killAfterMs);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, ms: Date.now() - started, killed: killed && code === null });
    });
  });
}

/** The book at path as someone opening it would find it: its identity, whether it is whole, and its last month done. */
async function inspect(path: string) {
  const raw = new Database(path, { readonly: true });
  const id = (raw.prepare("SELECT value FROM book_info WHERE key = 'id'").get() as { value: string }).value;
  const octoberDone = raw.prepare("SELECT count(*) AS n FROM recon_runs WHERE period = '2026-10'").get() as { n: number };
  const accrued = raw.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'accrue' AND entity_key = '2026-10'").get() as { n: number };
  raw.close();
  const book = await openExistingBook(path);
  const sound = checkBook(book).ok;
  book.close();
  return { id, sound, complete: octoberDone.n > 0 && accrued.n > 0 };
}

const strays = (path: string) => readdirSync(join(path, '..')).filter((f) => f.includes('.building-'));

describe('npm run demo', () => {
  it('replaces the demo book only when the new one is complete, however often it is killed', async () => {
    const path = join(tempDir(), 'demo.kasettle');
    const first = await demo(path);
    expect(first.code).toBe(0);
    const original = await inspect(path);
    expect(original).toMatchObject({ sound: true, complete: true });

    const seen = new Set([original.id]);
    // Killed early (generating), in the middle (reconciling) and late (accruing, checking, moving into place).
    for (const share of [0.1, 0.5, 0.9]) {
      const run = await demo(path, Math.round(first.ms * share));
      expect(existsSync(path)).toBe(true);
      const now = await inspect(path);
      // Whatever moment the kill came, the book there is a whole demo book: the old one, or a new one finished.
      expect(now, `killed after ${Math.round(first.ms * share)} ms`).toMatchObject({ sound: true, complete: true });
      if (run.killed) expect(now.id === original.id || !seen.has(now.id)).toBe(true);
      seen.add(now.id);
    }

    const last = await demo(path);
    expect(last.code).toBe(0);
    const rebuilt = await inspect(path);
    expect(rebuilt).toMatchObject({ sound: true, complete: true });
    expect(seen.has(rebuilt.id)).toBe(false);
    // What the killed runs left behind was removed by the next one.
    expect(strays(path)).toEqual([]);
  }, 240_000);
});
