import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { writeDeliveryCsv } from '../../bench/delivery-csv.js';
import { createBook } from '../../core/book/create-book.js';
import { generateDemo } from '../../core/demo/generate-demo.js';
import { Random } from '../../core/demo/random.js';
import { tempDir } from '../helpers/temp-book.js';

const BIN = fileURLToPath(new URL('../../bin/ka-settle.js', import.meta.url));
const LINES = 60_000;
const KILLS = 20;

const documents = (path: string) => {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare("SELECT count(*) AS n FROM documents WHERE kind = 'delivery'").get() as { n: number }).n;
  } finally {
    db.close();
  }
};

/** Runs `ka-settle import` and kills it with SIGKILL after `ms`; resolves when the process is gone. */
function importAndKill(book: string, csv: string, ms: number): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'import', book, 'deliveries', csv], { stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(signal ?? `exit ${code}`);
    });
  });
}

describe('an import killed at any moment', () => {
  it('leaves a sound book holding none or all of the file', async () => {
    const dir = tempDir();
    const base = join(dir, 'base.kasettle');
    const csv = join(dir, 'deliveries.csv');
    const seed = await createBook(base, 'crash-test');
    generateDemo(seed, { masterDataOnly: true });
    await writeDeliveryCsv(seed, csv, LINES);
    seed.close();

    // How long a whole import takes here, so the kills land before, during and after the commit.
    const full = join(dir, 'full.kasettle');
    copyFileSync(base, full);
    const started = Date.now();
    const done = spawnSync(process.execPath, [BIN, 'import', full, 'deliveries', csv], { encoding: 'utf8' });
    const fullMs = Date.now() - started;
    expect(done.status, done.stderr).toBe(0);
    const all = documents(full);
    expect(all).toBe(LINES / 20);

    const rnd = new Random(7);
    const outcomes: string[] = [];
    for (let i = 0; i < KILLS; i++) {
      const book = join(dir, `k${i}.kasettle`);
      copyFileSync(base, book);
      const how = await importAndKill(book, csv, rnd.int(30, Math.round(fullMs * 1.1)));
      const check = spawnSync(process.execPath, [BIN, 'check', book], { encoding: 'utf8' });
      expect(check.status, `kill ${i} (${how}): ${check.stdout}${check.stderr}`).toBe(0);
      const n = documents(book);
      expect([0, all], `kill ${i} left ${n} documents`).toContain(n);
      outcomes.push(`${how}:${n}`);
    }
    expect(outcomes.filter((o) => o.startsWith('SIGKILL')).length).toBeGreaterThanOrEqual(KILLS / 2);
  }, 240_000);
});
