import { dirname } from 'node:path';
import { constants, gzipSync } from 'node:zlib';
import { canonicalJson } from '../../core/canonical-json.js';
import { UserError } from '../../core/errors.js';
import type { PackageBody, PackageEnvelope } from '../../core/package/package-format.js';
import { readPackageBytes, verifyPackage } from '../../core/package/verify-package.js';
import type { Message } from '../../locale/index.js';
import type { HqDb, HqSql } from '../db/connection.js';
import { addToMonthsAndAudit, lockSenderMonth, tidyAfterLoad, retirePackage, statementHashes, withdrawMissingClaims, writePackage } from '../db/queries/packages.js';
import { senderByKey, type SenderRow } from '../db/queries/senders.js';
import { nextHqAuditRow } from './hq-audit.js';
import { requireHqRole, type HqSignedIn } from './hq-users.js';
import { accrualFigures, kaFigures, productFigures, statementSummary, storeFigures } from './package-figures.js';

export type LoadOutcome =
  | { file: string; status: 'loaded'; period: string; edition: number; supersedes: number | null; distributors: string[] }
  | { file: string; status: 'already-loaded' | 'older-edition'; period: string; edition: number; current: number }
  | { file: string; status: 'refused'; problems: Message[] };

type Verified = { raw: unknown; envelope: PackageEnvelope; sender: SenderRow };
/** The file as it arrived, compressed for keeping (a file already gzip-compressed is kept byte for byte). */
type Kept = { gzip: Buffer };

/** Every row a package brings, by table; each names its distributor by code (resolved in the statement that writes them). */
function packageRows(body: PackageBody) {
  const stores = storeFigures(body);
  const products = productFigures(body, stores);
  const months = new Map<string, { ka: string; sku: string; productName: string; qtyMilli: number; sales: number; returns: number; fees: number; stores: number; distributors: Set<string> }>();
  for (const p of products) {
    const key = `${p.ka}|${p.sku}`;
    let m = months.get(key);
    if (!m) months.set(key, m = { ka: p.ka, sku: p.sku, productName: p.productName, qtyMilli: 0, sales: 0, returns: 0, fees: 0, stores: 0, distributors: new Set() });
    m.qtyMilli += p.qtyMilli;
    m.sales += p.sales;
    m.returns += p.returns;
    m.fees += p.fees;
    m.stores += p.stores;
    m.distributors.add(p.distributor);
  }
  return {
    distributors: body.statements.map((s) => s.distributor),
    statements: body.statements.map((s) => {
      const c = s.content as { totals?: { netSales?: number; receivable?: { closing?: number } }; netDue?: { fromManufacturer?: number } };
      return { distributor: s.distributor.code, version: s.version, sha256: s.sha256, summary: statementSummary(s.content),
        net_sales: c.totals?.netSales ?? 0, closing: c.totals?.receivable?.closing ?? 0, net_due: c.netDue?.fromManufacturer ?? 0,
        prepared_by: s.signOffs.preparedBy, reviewed_by: s.signOffs.reviewedBy, approved_by: s.signOffs.approvedBy, approved_at: s.signOffs.approvedAt };
    }),
    kaFigures: kaFigures(body),
    storeFigures: stores,
    productFigures: products,
    // In one order for every package: two loads adding to the same monthly totals then lock them in the same order.
    productMonths: [...months.values()].sort((a, b) => (a.ka === b.ka ? (a.sku < b.sku ? -1 : 1) : a.ka < b.ka ? -1 : 1)).map(({ distributors, ...m }) => ({ ...m, distributors: distributors.size })),
    accrualFigures: accrualFigures(body),
    claims: body.claims,
  };
}

/**
 * Loads one verified package in one transaction. Per sender and month, under a lock: a package already there (the
 * same body, or the same edition with the same statements) is reported and nothing is written; an older edition
 * than the current one is reported and not loaded; a different package under the current edition is refused; a
 * newer edition replaces the current one's figures (that package is kept, marked superseded).
 */
async function loadVerified(db: HqDb, file: string, { envelope, sender }: Verified, kept: Kept, user: HqSignedIn): Promise<LoadOutcome> {
  const body = envelope.body;
  return db.transaction(async (tx) => {
    const { same, current } = await lockSenderMonth(tx, sender.key_id, sender.id, body.period, envelope.bodySha256);
    if (same) return { file, status: same.current ? 'already-loaded' : 'older-edition', period: body.period, edition: body.edition, current: current?.edition ?? same.edition };
    if (current && current.edition > body.edition) return { file, status: 'older-edition', period: body.period, edition: body.edition, current: current.edition };
    if (current && current.edition === body.edition) {
      const mine = body.statements.map((s) => ({ code: s.distributor.code, version: s.version, sha256: s.sha256 })).sort((a, b) => a.code.localeCompare(b.code));
      const theirs = await statementHashes(tx, current.id);
      if (canonicalJson(mine) === canonicalJson(theirs)) return { file, status: 'already-loaded', period: body.period, edition: body.edition, current: current.edition };
      throw new UserError('hq.edition-conflict', { period: body.period, edition: body.edition }, { file });
    }
    // Every row must be for a distributor the package has a statement for (the statement upserts it).
    const codes = new Set(body.statements.map((s) => s.distributor.code));
    const unknown = [...new Set([...body.openItems, ...body.sales, ...body.claims, ...body.deductions, ...body.accruals].map((r) => r.distributor))].filter((d) => !codes.has(d));
    if (unknown.length) throw new UserError('hq.unknown-distributor', { distributors: unknown }, { file });
    if (current) await retirePackage(tx, current.id, body.period);
    const { productMonths, ...rows } = packageRows(body);
    await writePackage(tx, { sender_id: sender.id, period: body.period, edition: body.edition, body_sha256: envelope.bodySha256, file_gzip: kept.gzip,
      audit_rows: body.auditHead.rows, audit_hash: body.auditHead.hash, loaded_by: user.username, supersedes: current?.id ?? null, ...rows });
    if (current) await withdrawMissingClaims(tx, current.id);
    const audit = await nextHqAuditRow(tx, { actor: user.username, action: 'load', entity: 'package', entityKey: `${sender.book}/${body.period}/e${body.edition}`,
      after: { sha256: envelope.bodySha256, supersedes: current?.edition ?? null, statements: body.statements.map((s) => ({ distributor: s.distributor.code, version: s.version, sha256: s.sha256 })) } });
    await addToMonthsAndAudit(tx, body.period, productMonths, audit);
    return { file, status: 'loaded', period: body.period, edition: body.edition, supersedes: current?.edition ?? null, distributors: body.statements.map((s) => s.distributor.code) };
  });
}

/** The registered senders by key id, read once per key for a whole load (a key unknown at the start stays unknown). */
export type SenderRegistry = (keyId: string) => Promise<SenderRow | undefined>;

export function senderRegistry(db: HqSql): SenderRegistry {
  const known = new Map<string, Promise<SenderRow | undefined>>();
  return (keyId) => {
    let s = known.get(keyId);
    if (!s) known.set(keyId, s = senderByKey(db, keyId));
    return s;
  };
}

/** Verifies a package against the registered keys: an unknown key, a bad hash or signature refuses it. */
export async function verifyAgainstRegistry(db: HqDb, raw: unknown, registry: SenderRegistry = senderRegistry(db)): Promise<{ ok: true; verified: Verified } | { ok: false; problems: Message[] }> {
  const keyId = (raw as { signature?: { keyId?: unknown } } | null)?.signature?.keyId;
  const sender = typeof keyId === 'string' ? await registry(keyId) : undefined;
  const verdict = verifyPackage(raw, (id) => (sender && sender.key_id === id ? sender.public_pem : undefined));
  return verdict.ok ? { ok: true, verified: { raw, envelope: verdict.envelope, sender: sender! } } : { ok: false, problems: verdict.problems };
}

/**
 * `hq load`: each file verified, then loaded in its own transaction; a refused file writes nothing and the others go
 * on. On a server several packages load at once (each on its own connection; one sender's month is locked while it
 * loads, so two editions never race); PGlite has one connection and takes them one by one. Outcomes keep the order
 * of the files.
 */
export async function loadPackages(db: HqDb, files: string[], user: HqSignedIn, onEach?: (o: LoadOutcome) => void): Promise<LoadOutcome[]> {
  requireHqRole(user, ['credit_controller'], 'load');
  const out: LoadOutcome[] = new Array(files.length);
  const registry = senderRegistry(db);
  const one = async (file: string): Promise<LoadOutcome> => {
    try {
      const read = readPackageBytes(file);
      const check = await verifyAgainstRegistry(db, read.value, registry);
      const kept = () => ({ gzip: read.gzipped ? read.bytes : gzipSync(read.bytes, { level: constants.Z_BEST_SPEED }) });
      if (!check.ok) return { file, status: 'refused', problems: check.problems };
      for (let attempt = 1; ; attempt++) {
        try {
          return await loadVerified(db, file, check.verified, kept(), user);
        } catch (e) {
          // Two loads at once may still deadlock on shared totals: PostgreSQL rolls one back, and it is tried again.
          if (attempt >= 3 || !(e instanceof Error && 'code' in e && (e.code === '40P01' || e.code === '40001'))) throw e;
        }
      }
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      return { file, status: 'refused', problems: [{ code: e.code, params: e.params }] };
    }
  };
  const order = interleaveByFolder(files);
  let next = 0;
  const lanes = Array.from({ length: Math.min(db.kind === 'postgres' ? 4 : 1, files.length) }, async () => {
    while (next < order.length) {
      const i = order[next++]!;
      out[i] = await one(files[i]!);
      onEach?.(out[i]!);
    }
  });
  await Promise.all(lanes);
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
