/**
 * A throwaway PostgreSQL cluster for the head office's tests and bench (never for real data): Debian's initdb and
 * pg_ctl on a temporary folder and a free port, stopped and removed after.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const hasTools = (bin: string) => existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'pg_ctl'));

/**
 * Where initdb and pg_ctl are: KA_SETTLE_PG_BIN if set; else Debian's PostgreSQL 15 (`apt-get install postgresql` on
 * bookworm, what .ci/run installs); else the newest other Debian major from 15 up (a later Debian ships a later
 * one; the head office needs 15+); else what `pg_config --bindir` names. Debian never puts initdb on the PATH.
 */
export function findPostgresBin(): string | undefined {
  if (process.env.KA_SETTLE_PG_BIN) return process.env.KA_SETTLE_PG_BIN;
  const debian = '/usr/lib/postgresql';
  const majors = existsSync(debian) ? readdirSync(debian).filter((d) => /^\d+$/.test(d)).map(Number).filter((n) => n >= 15) : [];
  majors.sort((a, b) => (a === 15 ? -1 : b === 15 ? 1 : b - a));
  for (const major of majors) if (hasTools(join(debian, String(major), 'bin'))) return join(debian, String(major), 'bin');
  try {
    const bin = execFileSync('pg_config', ['--bindir'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
    if (bin && hasTools(bin)) return bin;
  } catch {
    // no pg_config: PostgreSQL is not installed
  }
  return undefined;
}

export const PG_BIN = findPostgresBin();

export function postgresInstalled(): boolean {
  return PG_BIN !== undefined && hasTools(PG_BIN);
}

/**
 * Whether the real-server half of the head-office tests runs. On CI it always does (a missing PostgreSQL fails
 * the run); on a developer's machine without PostgreSQL it is skipped, and the reason is printed.
 */
export function realServerAvailable(): boolean {
  if (postgresInstalled()) return true;
  if (process.env.CI === 'true') throw new Error(`PostgreSQL 15 is not installed (no initdb/pg_ctl in ${PG_BIN ?? '/usr/lib/postgresql/*/bin'}): .ci/run installs the postgresql package`);
  console.warn(`skipping the real PostgreSQL half of the head-office tests: no initdb/pg_ctl in ${PG_BIN ?? '/usr/lib/postgresql/*/bin'} (apt-get install postgresql)`);
  return false;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

export interface ThrowawayPostgres { port: number; url(database: string): string; createDatabase(name: string): Promise<string>; stop(): void }

/**
 * A PostgreSQL cluster of its own on a temporary folder and a free port on 127.0.0.1, as the unprivileged
 * `postgres` user when we are root (PostgreSQL refuses to run as root). Stopped and removed by stop().
 */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const bin = PG_BIN;
  if (!bin || !hasTools(bin)) throw new Error('PostgreSQL is not installed (apt-get install postgresql)');
  const asRoot = process.getuid?.() === 0;
  // As root the cluster runs as `postgres`, who must be able to reach its folder: /tmp, not a private TMPDIR.
  const dir = mkdtempSync(join(asRoot ? '/tmp' : tmpdir(), 'ka-settle-pg-'));
  // Run from the cluster's own folder: a clone under /root is a folder the postgres user may not even look into.
  const run = (cmd: string, args: string[]) => execFileSync(asRoot ? 'runuser' : cmd, asRoot ? ['-u', 'postgres', '--', cmd, ...args] : args, { stdio: 'pipe', cwd: dir });
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const port = await freePort();
  try {
    run(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
    run(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'server.log'), '-w', '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=40`, 'start']);
  } catch (e) {
    // Say why (initdb's or the server's own words), then leave nothing behind.
    const stderr = (e as { stderr?: Buffer }).stderr?.toString() ?? '';
    const log = existsSync(join(dir, 'server.log')) ? readFileSync(join(dir, 'server.log'), 'utf8') : '';
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`could not start a throwaway PostgreSQL with ${bin}: ${e instanceof Error ? e.message : e}\n${stderr}${log}`);
  }
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  process.once('exit', stop);
  const url = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  return {
    port, url, stop,
    async createDatabase(name: string) {
      const client = new pg.Client({ connectionString: url('postgres') });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return url(name);
    },
  };
}
