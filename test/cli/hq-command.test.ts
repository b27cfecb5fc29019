import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvedDemoCopy } from '../helpers/approved-demo.js';
import { realServerAvailable, startThrowawayPostgres, type ThrowawayPostgres } from '../helpers/throwaway-postgres.js';

const BIN = fileURLToPath(new URL('../../bin/ka-settle.js', import.meta.url));

/**
 * `ka-settle package` and `ka-settle hq …` as a controller runs them, in Chinese. On a throwaway PostgreSQL server
 * when one is installed (each command is its own process: an embedded database would start its WebAssembly build
 * every time, and test/hq runs the whole suite on both backends already), else on an embedded folder.
 */
let server: ThrowawayPostgres | undefined;
let dir: string;
let book: string;
let db: string;
/** Writing a package is a write of the book: its accountant, proven by password. */
const WANG = { KA_SETTLE_PASSWORD: 'wang-pass-1' };
const ka = (env: Record<string, string>, ...args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, KA_SETTLE_LANG: 'zh', KA_SETTLE_USER: 'wang', ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ka-settle-hq-cli-'));
  book = await approvedDemoCopy(dir);
  if (realServerAvailable()) {
    server = await startThrowawayPostgres();
    db = await server.createDatabase('hq_cli');
  } else db = join(dir, 'hq');
}, 300_000);
afterAll(() => {
  server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('ka-settle hq', () => {
  it('is set up, takes a book’s key and its packages, refuses a changed one, and shows the chains', () => {
    const init = ka({}, 'hq', 'init', '--db', db);
    expect(init.code, init.err).toBe(0);
    expect(init.out).toContain('总部数据库已就绪');
    expect(ka({ KA_SETTLE_NEW_PASSWORD: 'boss-pass-1' }, 'hq', 'users', '--db', db, '--add', 'boss', '--role', 'admin').out).toContain('已添加总部用户 boss（管理员）');
    // Each command is its own process opening the embedded database (a WASM start each): the admin does the rest.
    const boss = { KA_SETTLE_PASSWORD: 'boss-pass-1' };
    expect(ka(WANG, 'package', book, '--public-key', join(dir, 'key.json'), '--user', 'wang').code).toBe(0);
    expect(ka(WANG, 'package', book, '--period', '2025-11', '--out', join(dir, 'nov.package.gz'), '--user', 'wang').code).toBe(0);
    expect(ka(WANG, 'package', book, '--period', '2025-12', '--out', join(dir, 'dec.package'), '--user', 'wang').code).toBe(0);
    const changed = JSON.parse(readFileSync(join(dir, 'dec.package'), 'utf8'));
    changed.body.claims[0].amountFen += 1;
    writeFileSync(join(dir, 'changed.package'), JSON.stringify(changed));
    expect(ka(boss, 'hq', 'register', '--db', db, join(dir, 'key.json'), '--user', 'boss').out).toContain('已登记账套');
    const load = ka(boss, 'hq', 'load', '--db', db, join(dir, 'nov.package.gz'), join(dir, 'changed.package'), join(dir, 'dec.package'), join(dir, 'nov.package.gz'), '--user', 'boss');
    expect(load.code).toBe(1);
    expect(load.err).toContain('拒收');
    expect(load.err).toContain('changed.package');
    expect(load.out).toMatch(/装载 2 个，早已装载 1 个，旧版 0 个，拒收 1 个/);
    const exposure = JSON.parse(ka({}, 'hq', 'exposure', '--db', db, '--json').out) as { period: string; chains: { ka: string; distributors: number }[] };
    expect(exposure.period).toBe('2025-12');
    expect(exposure.chains.map((c) => c.ka).sort()).toEqual(['CRF', 'MET', 'RTM', 'WMT', 'YH']);
    expect(ka({}, 'hq', 'check', '--db', db).out).toContain('总部审计链完好');
    expect(ka({}, 'hq', 'nonsense')).toMatchObject({ code: 2 });
  }, 240_000);
});
