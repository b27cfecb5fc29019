import { PGlite } from '@electric-sql/pglite';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { UserError } from '../../core/errors.js';

/**
 * A statement sent often (once per package loaded): named, a server parses and plans it once per connection.
 * PGlite, in process, takes its text.
 */
export interface NamedSql { name: string; text: string }

/** Something SQL can be sent to: the database, or one transaction on it. */
export interface HqSql {
  query<R = Record<string, unknown>>(sql: string | NamedSql, params?: unknown[]): Promise<R[]>;
  /** several statements at once, no parameters (migrations) */
  exec(sql: string): Promise<void>;
}

/** The head office's database: PostgreSQL through node-postgres, or PGlite (PostgreSQL in WASM) in a folder. */
export interface HqDb extends HqSql {
  readonly kind: 'postgres' | 'pglite';
  /** where it is, as people read it (a URL without its password, or a folder) */
  readonly where: string;
  /** runs fn in one transaction (READ COMMITTED): all of it is committed, or none of it */
  transaction<T>(fn: (tx: HqSql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type HqTarget = { url: string } | { folder: string };

/** A --db value: a postgres:// URL names a server; anything else is the folder of an embedded database. */
export function hqTarget(value: string): HqTarget {
  return /^postgres(ql)?:\/\//i.test(value) ? { url: value } : { folder: resolve(value) };
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

/** bigint columns come back as numbers: fen fit exactly (below 2^53), and anything larger is refused, never rounded. */
function int8(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`integer ${value} is too large to hold exactly`);
  return n;
}

const pgTypes = { getTypeParser: (oid: number, format?: 'text' | 'binary') => (oid === 20 ? int8 : pg.types.getTypeParser(oid, format as 'text')) };

async function openPostgres(url: string): Promise<HqDb> {
  const pool = new pg.Pool({ connectionString: url, max: 6, types: pgTypes as never, application_name: 'ka-settle-hq' });
  // Idle clients that lose their server must not bring the process down: the next query reports it.
  pool.on('error', () => undefined);
  try {
    await pool.query('SELECT 1');
  } catch (e) {
    await pool.end().catch(() => undefined);
    throw new UserError('hq.cannot-connect', { where: redact(url), reason: e instanceof Error ? e.message : String(e) });
  }
  const on = (client: pg.Pool | pg.PoolClient): HqSql => ({
    async query<R>(sql: string | NamedSql, params: unknown[] = []) {
      return (await (typeof sql === 'string' ? client.query(sql, params) : client.query({ name: sql.name, text: sql.text, values: params }))).rows as R[];
    },
    async exec(sql: string) {
      await client.query(sql);
    },
  });
  return {
    kind: 'postgres', where: redact(url), ...on(pool),
    async transaction<T>(fn: (tx: HqSql) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const out = await fn(on(client));
        await client.query('COMMIT');
        return out;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite has one connection and no server: two processes on one folder would corrupt it. A lock file with the
 * owner's process id keeps the folder to one process; a lock whose process has gone is taken over.
 */
function lockFolder(folder: string): () => void {
  const lock = join(folder, 'ka-settle-hq.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lock, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lock, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const owner = Number(readFileSync(lock, 'utf8'));
      if (owner === process.pid || !Number.isInteger(owner) || !alive(owner)) rmSync(lock, { force: true });
      else throw new UserError('hq.folder-in-use', { folder, pid: owner });
    }
  }
  throw new UserError('hq.folder-in-use', { folder, pid: 0 });
}

async function openPglite(folder: string, create: boolean): Promise<HqDb> {
  if (!existsSync(folder)) {
    if (!create) throw new UserError('hq.not-found', { where: folder });
    mkdirSync(folder, { recursive: true });
  }
  const unlock = lockFolder(folder);
  let db: PGlite;
  try {
    db = await PGlite.create(join(folder, 'pgdata'), { parsers: { 20: int8 } });
  } catch (e) {
    unlock();
    throw new UserError('hq.cannot-connect', { where: folder, reason: e instanceof Error ? e.message : String(e) });
  }
  const on = (tx: Pick<PGlite, 'query' | 'exec'>): HqSql => ({
    async query<R>(sql: string | NamedSql, params: unknown[] = []) {
      return (await tx.query<R>(typeof sql === 'string' ? sql : sql.text, params)).rows;
    },
    async exec(sql: string) {
      await tx.exec(sql);
    },
  });
  return {
    kind: 'pglite', where: folder, ...on(db),
    transaction: (fn) => db.transaction((tx) => fn(on(tx))),
    async close() {
      try {
        if (!db.closed) await db.close();
      } finally {
        unlock();
      }
    },
  };
}

/** Opens the head office's database; `create` makes the folder of an embedded one (a server's database must exist). */
export async function openHqDb(target: HqTarget, options: { create?: boolean } = {}): Promise<HqDb> {
  return 'url' in target ? openPostgres(target.url) : openPglite(target.folder, options.create ?? false);
}
