import { dirname } from 'node:path';
import { canonicalJson } from '../../core/canonical-json.js';
import { UserError } from '../../core/errors.js';
import type { Message } from '../../locale/index.js';
import type { HqDb } from '../db/connection.js';
import { lockSenderMonth, markMonthAndAudit, retirePackage, statementHashes, tidyAfterLoad, withdrawMissingClaims, writePackage } from '../db/queries/packages.js';
import { registeredSenders, type SenderRow } from '../db/queries/senders.js';
import { nextHqAuditRow } from './hq-audit.js';
import { requireHqRole, type HqSignedIn } from './hq-users.js';
import { preparer, workersFor } from './prepare-pool.js';
import { refreshMarkedMonths } from './product-months.js';
import type { PreparedOutcome, PreparedPackage } from './prepare-package.js';

export type LoadOutcome =
  | { file: string; status: 'loaded'; period: string; edition: number; supersedes: number | null; distributors: string[] }
  | { file: string; status: 'already-loaded' | 'older-edition'; period: string; edition: number; current: number }
  | { file: string; status: 'refused'; problems: Message[] };

/**
 * Loads one prepared package in one transaction. Per sender and month, under a lock: a package already there (the
 * same body, or the same edition with the same statements) is reported and nothing is written; an older edition
 * than the current one is reported and not loaded; a different package under the current edition is refused; a
 * newer edition replaces the current one's figures (that package is kept, marked superseded).
 */
async function loadPrepared(db: HqDb, p: PreparedPackage, sender: SenderRow, user: HqSignedIn): Promise<LoadOutcome> {
  const { file, period, edition } = p;
  return db.transaction(async (tx) => {
    const { same, current } = await lockSenderMonth(tx, sender.key_id, sender.id, period, p.bodySha256);
    if (same) return { file, status: same.current ? 'already-loaded' : 'older-edition', period, edition, current: current?.edition ?? same.edition };
    if (current && current.edition > edition) return { file, status: 'older-edition', period, edition, current: current.edition };
    if (current && current.edition === edition) {
      const mine = [...p.statements].sort((a, b) => a.code.localeCompare(b.code));
      const theirs = await statementHashes(tx, current.id);
      if (canonicalJson(mine) === canonicalJson(theirs)) return { file, status: 'already-loaded', period, edition, current: current.edition };
      throw new UserError('hq.edition-conflict', { period, edition }, { file });
    }
    // Every row must be for a distributor the package has a statement for (the statement upserts it).
    if (p.unknownDistributors.length) throw new UserError('hq.unknown-distributor', { distributors: p.unknownDistributors }, { file });
    if (current) await retirePackage(tx, current.id, period);
    await writePackage(tx, { sender_id: sender.id, period, edition, body_sha256: p.bodySha256, file_gzip: p.gzip as Buffer,
      audit_rows: p.auditRows, audit_hash: p.auditHash, loaded_by: user.username, supersedes: current?.id ?? null, json: p.json });
    if (current) await withdrawMissingClaims(tx, current.id);
    const audit = await nextHqAuditRow(tx, { actor: user.username, action: 'load', entity: 'package', entityKey: `${sender.book}/${period}/e${edition}`,
      after: { sha256: p.bodySha256, supersedes: current?.edition ?? null, statements: p.statements.map((s) => ({ distributor: s.code, version: s.version, sha256: s.sha256 })) } });
    await markMonthAndAudit(tx, period, audit);
    return { file, status: 'loaded', period, edition, supersedes: current?.edition ?? null, distributors: p.statements.map((s) => s.code) };
  });
}

export interface LoadOptions {
  /** worker threads that read and verify the files (default: by the number of files and cores, prepare-pool.ts) */
  workers?: number;
}

/**
 * `hq load`: each file verified, then loaded in its own transaction; a refused file writes nothing and the others go
 * on. Files are read, verified and their rows derived ahead of the writes, in worker threads on a large load, so
 * that work overlaps with the database's. On a server several packages are written at once (each on its own
 * connection; one sender's month is locked while it loads, so two editions never race); PGlite has one connection
 * and takes them one by one. The keys registered when the load starts are the ones it verifies against. Outcomes
 * keep the order of the files.
 */
export async function loadPackages(db: HqDb, files: string[], user: HqSignedIn, onEach?: (o: LoadOutcome) => void, options: LoadOptions = {}): Promise<LoadOutcome[]> {
  requireHqRole(user, ['credit_controller'], 'load');
  const out: LoadOutcome[] = new Array(files.length);
  const senders = new Map((await registeredSenders(db)).map((s) => [s.key_id, s]));
  const workers = options.workers ?? workersFor(files.length);
  const pool = preparer(new Map([...senders.values()].map((s) => [s.key_id, s.public_pem])), workers);
  const order = interleaveByFolder(files);
  const lanesCount = Math.min(db.kind === 'postgres' ? 4 : 1, files.length);
  // Files prepared ahead of the writes: enough to keep every worker busy while the lanes write, few enough to hold
  // in memory (a prepared package is a few hundred kB of text).
  const ahead = workers > 0 ? lanesCount + 2 * workers : 0;
  const prepared = new Map<number, Promise<PreparedOutcome>>();
  let dispatched = 0;
  const dispatch = (upTo: number) => {
    for (; dispatched < Math.min(upTo, order.length); dispatched++) {
      const pending = pool.prepare(files[order[dispatched]!]!);
      pending.catch(() => {}); // awaited where it is used; a load that stops early leaves the rest unawaited
      prepared.set(dispatched, pending);
    }
  };
  const one = async (p: PreparedOutcome): Promise<LoadOutcome> => {
    if (!p.ok) return { file: p.file, status: 'refused', problems: p.problems };
    const sender = senders.get(p.keyId)!;
    for (let attempt = 1; ; attempt++) {
      try {
        return await loadPrepared(db, p, sender, user);
      } catch (e) {
        if (e instanceof UserError) return { file: p.file, status: 'refused', problems: [{ code: e.code, params: e.params }] };
        // Two loads at once may still deadlock on shared totals: PostgreSQL rolls one back, and it is tried again.
        if (attempt >= 3 || !(e instanceof Error && 'code' in e && (e.code === '40P01' || e.code === '40001'))) throw e;
      }
    }
  };
  let next = 0;
  try {
    const lanes = Array.from({ length: lanesCount }, async () => {
      while (next < order.length) {
        const at = next++;
        dispatch(at + 1 + ahead);
        const p = await prepared.get(at)!;
        prepared.delete(at);
        const i = order[at]!;
        out[i] = await one(p);
        onEach?.(out[i]!);
      }
    });
    await Promise.all(lanes);
  } finally {
    await pool.close();
  }
  // The months written are summed once for all their packages (a load stopped by an error leaves them marked, and
  // the next load or view sums them).
  await refreshMarkedMonths(db);
  // PGlite has no autovacuum: after a load that wrote anything, the embedded database brings its planner's figures
  // and visibility map up to date itself (what a server's autovacuum does), or the views would plan blind and
  // their covering indexes would read the table anyway.
  if (db.kind === 'pglite' && out.some((o) => o.status === 'loaded')) await tidyAfterLoad(db);
  return out;
}

/**
 * The order files are loaded in: one from each folder in turn, each folder's files in their own order. Packages
 * of one month (sent together, in one folder) add to the same monthly product totals, so loads running at once
 * on a server would queue for those rows; taken from different months they do not. Files of one sender's month
 * keep their order (they are in one folder), and the sender's month is locked while one of them loads.
 */
export function interleaveByFolder(files: string[]): number[] {
  const folders = new Map<string, number[]>();
  files.forEach((f, i) => {
    const folder = dirname(f);
    const list = folders.get(folder);
    if (list) list.push(i);
    else folders.set(folder, [i]);
  });
  const lists = [...folders.values()];
  const order: number[] = [];
  for (let j = 0; order.length < files.length; j++) for (const l of lists) if (j < l.length) order.push(l[j]!);
  return order;
}

/** How a package's load is told to a person, the same in the command and the window. */
export function outcomeMessage(o: LoadOutcome): Message {
  switch (o.status) {
    case 'loaded': return o.supersedes ? { code: 'hq.superseded', params: { file: o.file, period: o.period, edition: o.edition, supersedes: o.supersedes } } : { code: 'hq.loaded', params: { file: o.file, period: o.period, edition: o.edition, distributors: o.distributors } };
    case 'already-loaded': return { code: 'hq.already-loaded', params: { file: o.file, period: o.period, edition: o.edition } };
    case 'older-edition': return { code: 'hq.older-edition', params: { file: o.file, period: o.period, edition: o.edition, current: o.current } };
    case 'refused': return { code: 'hq.refused', params: { file: o.file, reason: o.problems[0] ?? null } };
  }
}
