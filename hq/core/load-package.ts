import { constants, gzipSync } from 'node:zlib';
import { canonicalJson } from '../../core/canonical-json.js';
import { UserError } from '../../core/errors.js';
import type { PackageBody, PackageEnvelope } from '../../core/package/package-format.js';
import { readPackageBytes, verifyPackage } from '../../core/package/verify-package.js';
import type { Message } from '../../locale/index.js';
import type { HqDb, HqSql } from '../db/connection.js';
import { lockSenderMonth, retirePackage, statementHashes, withdrawMissingClaims, writePackage } from '../db/queries/packages.js';
import { senderByKey, upsertDistributors } from '../db/queries/senders.js';
import { appendHqAudit } from './hq-audit.js';
import { requireHqRole, type HqSignedIn } from './hq-users.js';
import { accrualFigures, kaFigures, productFigures, statementSummary, storeFigures } from './package-figures.js';

export type LoadOutcome =
  | { file: string; status: 'loaded'; period: string; edition: number; supersedes: number | null; distributors: string[] }
  | { file: string; status: 'already-loaded' | 'older-edition'; period: string; edition: number; current: number }
  | { file: string; status: 'refused'; problems: Message[] };

type Verified = { raw: unknown; envelope: PackageEnvelope };
/** The file as it arrived, compressed for keeping (a file already gzip-compressed is kept byte for byte). */
type Kept = { gzip: Buffer };

function withDistributor<T extends { distributor: string }>(rows: T[], ids: Map<string, number>): (Omit<T, 'distributor'> & { distributorId: number })[] {
  return rows.map(({ distributor, ...r }) => ({ ...r, distributorId: ids.get(distributor)! }));
}

/** Every row a package brings, by table, with the head office's distributor ids. */
function packageRows(body: PackageBody, ids: Map<string, number>) {
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
    statements: body.statements.map((s) => {
      const c = s.content as { totals?: { netSales?: number; receivable?: { closing?: number } }; netDue?: { fromManufacturer?: number } };
      return { distributor_id: ids.get(s.distributor.code), version: s.version, sha256: s.sha256, summary: statementSummary(s.content),
        net_sales: c.totals?.netSales ?? 0, closing: c.totals?.receivable?.closing ?? 0, net_due: c.netDue?.fromManufacturer ?? 0,
        prepared_by: s.signOffs.preparedBy, reviewed_by: s.signOffs.reviewedBy, approved_by: s.signOffs.approvedBy, approved_at: s.signOffs.approvedAt };
    }),
    kaFigures: withDistributor(kaFigures(body), ids),
    storeFigures: withDistributor(stores, ids),
    productFigures: withDistributor(products, ids),
    // In one order for every package: two loads adding to the same monthly totals then lock them in the same order.
    productMonths: [...months.values()].sort((a, b) => (a.ka === b.ka ? (a.sku < b.sku ? -1 : 1) : a.ka < b.ka ? -1 : 1)).map(({ distributors, ...m }) => ({ ...m, distributors: distributors.size })),
    accrualFigures: withDistributor(accrualFigures(body), ids),
    claims: withDistributor(body.claims, ids),
  };
}

/**
 * Loads one verified package in one transaction. Per sender and month, under a lock: a package already there (the
 * same body, or the same edition with the same statements) is reported and nothing is written; an older edition
 * than the current one is reported and not loaded; a different package under the current edition is refused; a
 * newer edition replaces the current one's figures (that package is kept, marked superseded).
 */
async function loadVerified(db: HqDb, file: string, { envelope }: Verified, kept: Kept, user: HqSignedIn): Promise<LoadOutcome> {
  const body = envelope.body;
  return db.transaction(async (tx) => {
    const sender = (await senderByKey(tx, envelope.signature.keyId))!;
    const { same, current } = await lockSenderMonth(tx, sender.key_id, sender.id, body.period, envelope.bodySha256);
    if (same) return { file, status: same.current ? 'already-loaded' : 'older-edition', period: body.period, edition: body.edition, current: current?.edition ?? same.edition };
    if (current && current.edition > body.edition) return { file, status: 'older-edition', period: body.period, edition: body.edition, current: current.edition };
    if (current && current.edition === body.edition) {
      const mine = body.statements.map((s) => ({ code: s.distributor.code, version: s.version, sha256: s.sha256 })).sort((a, b) => a.code.localeCompare(b.code));
      const theirs = await statementHashes(tx, current.id);
      if (canonicalJson(mine) === canonicalJson(theirs)) return { file, status: 'already-loaded', period: body.period, edition: body.edition, current: current.edition };
      throw new UserError('hq.edition-conflict', { period: body.period, edition: body.edition }, { file });
    }
    const ids = await upsertDistributors(tx, sender.id, body.statements.map((s) => s.distributor));
    const unknown = [...new Set([...body.openItems, ...body.sales, ...body.claims, ...body.deductions, ...body.accruals].map((r) => r.distributor))].filter((d) => !ids.has(d));
    if (unknown.length) throw new UserError('hq.unknown-distributor', { distributors: unknown }, { file });
    if (current) await retirePackage(tx, current.id, body.period);
    await writePackage(tx, { sender_id: sender.id, period: body.period, edition: body.edition, body_sha256: envelope.bodySha256, file_gzip: kept.gzip,
      audit_rows: body.auditHead.rows, audit_hash: body.auditHead.hash, loaded_by: user.username, supersedes: current?.id ?? null, ...packageRows(body, ids) });
    if (current) await withdrawMissingClaims(tx, current.id);
    await appendHqAudit(tx, { actor: user.username, action: 'load', entity: 'package', entityKey: `${sender.book}/${body.period}/e${body.edition}`,
      after: { sha256: envelope.bodySha256, supersedes: current?.edition ?? null, statements: body.statements.map((s) => ({ distributor: s.distributor.code, version: s.version, sha256: s.sha256 })) } });
    return { file, status: 'loaded', period: body.period, edition: body.edition, supersedes: current?.edition ?? null, distributors: body.statements.map((s) => s.distributor.code) };
  });
}

/** Verifies a package against the registered keys: an unknown key, a bad hash or signature refuses it. */
export async function verifyAgainstRegistry(db: HqDb, raw: unknown): Promise<{ ok: true; verified: Verified } | { ok: false; problems: Message[] }> {
  const keyId = (raw as { signature?: { keyId?: unknown } } | null)?.signature?.keyId;
  const sender = typeof keyId === 'string' ? await senderByKey(db, keyId) : undefined;
  const verdict = verifyPackage(raw, (id) => (sender && sender.key_id === id ? sender.public_pem : undefined));
  return verdict.ok ? { ok: true, verified: { raw, envelope: verdict.envelope } } : { ok: false, problems: verdict.problems };
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
  const one = async (file: string): Promise<LoadOutcome> => {
    try {
      const read = readPackageBytes(file);
      const check = await verifyAgainstRegistry(db, read.value);
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
  let next = 0;
  const lanes = Array.from({ length: Math.min(db.kind === 'postgres' ? 4 : 1, files.length) }, async () => {
    while (next < files.length) {
      const i = next++;
      out[i] = await one(files[i]!);
      onEach?.(out[i]!);
    }
  });
  await Promise.all(lanes);
  return out;
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
