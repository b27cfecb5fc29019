import { constants, gzipSync } from 'node:zlib';
import { UserError } from '../../core/errors.js';
import type { PackageBody } from '../../core/package/package-format.js';
import { readPackageBytes, verifyPackage } from '../../core/package/verify-package.js';
import type { Message } from '../../locale/index.js';
import { accrualFigures, kaFigures, productFigures, statementSummary, storeFigures } from './package-figures.js';

/**
 * A package file made ready to load, by CPU work alone (no database): read, verified in full against the key the
 * head office registered for its key id, and its rows derived and written as the JSON text the loading statement
 * reads. It runs in worker threads on a large load (prepare-pool.ts), so it holds only what can be posted between
 * threads: strings, numbers and the kept file's bytes.
 */
export interface PreparedPackage {
  ok: true;
  file: string;
  keyId: string;
  period: string;
  edition: number;
  bodySha256: string;
  /** the statements it brings, by distributor code: what tells one package of an edition from another */
  statements: { code: string; version: number; sha256: string }[];
  auditRows: number;
  auditHash: string | null;
  /** the file as it arrived, gzip-compressed for keeping (a file already compressed is kept byte for byte) */
  gzip: Uint8Array;
  /** distributors that rows name and no statement of the package is for (the loader refuses the package) */
  unknownDistributors: string[];
  /** each table's rows as one JSON array (text), as writePackage sends them */
  json: { distributors: string; statements: string; kaFigures: string; storeFigures: string; productFigures: string; accrualFigures: string; claims: string };
}

export type PreparedOutcome = PreparedPackage | { ok: false; file: string; problems: Message[] };

/** The registered public keys by key id, as the load started (a key registered during a load waits for the next). */
export type KeyRing = ReadonlyMap<string, string>;

/** Every row a package brings, by table; each names its distributor by code (resolved in the statement that writes them). */
export function packageRows(body: PackageBody) {
  const stores = storeFigures(body);
  const products = productFigures(body, stores);
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
    accrualFigures: accrualFigures(body),
    claims: body.claims,
  };
}

/**
 * Reads, verifies and derives one file. A file that cannot be read, does not verify or is signed by a key not in
 * the ring comes back refused with its problems; anything else thrown is a bug and is thrown.
 */
export function preparePackage(file: string, keys: KeyRing): PreparedOutcome {
  let read: ReturnType<typeof readPackageBytes>;
  try {
    read = readPackageBytes(file);
  } catch (e) {
    if (e instanceof UserError) return { ok: false, file, problems: [e.toMessage()] };
    throw e;
  }
  const verdict = verifyPackage(read.value, (id) => keys.get(id), read.signedBody);
  if (!verdict.ok) return { ok: false, file, problems: verdict.problems };
  const { envelope } = verdict;
  const body = envelope.body;
  const codes = new Set(body.statements.map((s) => s.distributor.code));
  const unknown = new Set<string>();
  for (const rows of [body.openItems, body.sales, body.claims, body.deductions, body.accruals]) for (const r of rows) if (!codes.has(r.distributor)) unknown.add(r.distributor);
  const rows = packageRows(body);
  return {
    ok: true, file, keyId: envelope.signature.keyId, period: body.period, edition: body.edition, bodySha256: envelope.bodySha256,
    statements: body.statements.map((s) => ({ code: s.distributor.code, version: s.version, sha256: s.sha256 })),
    auditRows: body.auditHead.rows, auditHash: body.auditHead.hash,
    gzip: read.gzipped ? read.bytes : gzipSync(read.bytes, { level: constants.Z_BEST_SPEED }),
    unknownDistributors: [...unknown],
    json: { distributors: JSON.stringify(rows.distributors), statements: JSON.stringify(rows.statements), kaFigures: JSON.stringify(rows.kaFigures),
      storeFigures: JSON.stringify(rows.storeFigures), productFigures: JSON.stringify(rows.productFigures), accrualFigures: JSON.stringify(rows.accrualFigures),
      claims: JSON.stringify(rows.claims) },
  };
}
