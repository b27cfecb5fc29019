/**
 * A throwaway PostgreSQL cluster for the head office's tests and bench (never for real data): Debian's initdb and
 * pg_ctl on a temporary folder and a free port, stopped and removed after.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** Debian's PostgreSQL 15 (apt-get install postgresql): initdb and pg_ctl, no service started. */
export const PG_BIN = process.env.KA_SETTLE_PG_BIN ?? '/usr/lib/postgresql/15/bin';

export function postgresInstalled(): boolean {
  return existsSync(join(PG_BIN, 'initdb')) && existsSync(join(PG_BIN, 'pg_ctl'));
}

/**
 * Whether the real-server half of the head-office tests runs. On CI it always does (a missing PostgreSQL fails
 * the run); on a developer's machine without PostgreSQL it is skipped, and the reason is printed.
 */
export function realServerAvailable(): boolean {
  if (postgresInstalled()) return true;
  if (process.env.CI === 'true') throw new Error(`PostgreSQL 15 is not installed (${PG_BIN}): .ci/run installs the postgresql package`);
  console.warn(`skipping the real PostgreSQL half of the head-office tests: no initdb/pg_ctl in ${PG_BIN} (apt-get install postgresql)`);
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
  const dir = mkdtempSync(join(tmpdir(), 'ka-settle-pg-'));
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) => execFileSync(asRoot ? 'runuser' : cmd, asRoot ? ['-u', 'postgres', '--', cmd, ...args] : args, { stdio: 'pipe' });
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  run(join(PG_BIN, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  const port = await freePort();
  run(join(PG_BIN, 'pg_ctl'), ['-D', data, '-l', join(dir, 'server.log'), '-w', '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=40`, 'start']);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      run(join(PG_BIN, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']);
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
