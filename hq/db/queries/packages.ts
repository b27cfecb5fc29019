import type { HqSql } from '../connection.js';
import type { HqAuditRow } from './people.js';

/** Loading a package: what is already there, the rows it adds, the edition it replaces. Rows arrive as JSON arrays. */

export interface MonthState { same: { id: number; current: boolean; edition: number } | null; current: { id: number; edition: number } | null }

/** Locks the sender's month to the end of the transaction, then says what is already loaded (one round trip). */
export async function lockSenderMonth(tx: HqSql, keyId: string, senderId: number, period: string, sha256: string): Promise<MonthState> {
  const [r] = await tx.query<{ same_id: number | null; same_current: boolean | null; same_edition: number | null; current_id: number | null; current_edition: number | null }>(
    'SELECT * FROM hq_lock_month($1, $2, $3, $4)', [keyId, senderId, period, sha256]);
  return {
    same: r?.same_id ? { id: r.same_id, current: r.same_current!, edition: r.same_edition! } : null,
    current: r?.current_id ? { id: r.current_id, edition: r.current_edition! } : null,
  };
}

export async function statementHashes(tx: HqSql, packageId: number): Promise<{ code: string; version: number; sha256: string }[]> {
  return tx.query(`SELECT d.code, s.version, s.sha256 FROM statements s JOIN distributors d ON d.id = s.distributor_id WHERE s.package_id = $1 ORDER BY d.code`, [packageId]);
}

/** Takes an edition's figures out (its package stays, marked as superseded by the newer one). */
export async function retirePackage(tx: HqSql, oldId: number, period: string): Promise<void> {
  await tx.query(`WITH ids AS (SELECT array_agg(distributor_id) AS d FROM statements WHERE package_id = $1),
    p AS (DELETE FROM product_figures f USING ids WHERE f.period = $2 AND f.distributor_id = ANY(ids.d) AND f.package_id = $1 RETURNING 1),
    a AS (DELETE FROM store_figures f USING ids WHERE f.period = $2 AND f.distributor_id = ANY(ids.d) AND f.package_id = $1 RETURNING 1),
    b AS (DELETE FROM ka_figures f USING ids WHERE f.period = $2 AND f.distributor_id = ANY(ids.d) AND f.package_id = $1 RETURNING 1),
    c AS (DELETE FROM accrual_figures f USING ids WHERE f.period = $2 AND f.distributor_id = ANY(ids.d) AND f.package_id = $1 RETURNING 1)
    SELECT (SELECT count(*) FROM p) + (SELECT count(*) FROM a) + (SELECT count(*) FROM b) + (SELECT count(*) FROM c) AS n`, [oldId, period]);
  await tx.query('DELETE FROM statements WHERE package_id = $1', [oldId]);
  await tx.query('UPDATE packages SET current = false WHERE id = $1', [oldId]);
}

export interface PackageRows {
  sender_id: number; period: string; edition: number; body_sha256: string; file_gzip: Buffer; audit_rows: number; audit_hash: string | null; loaded_by: string;
  /**
   * Each table's rows as one JSON array (text, written where the package was verified): the distributors the
   * package's statements are for (added, or renamed) — every other row names one of them by code — its statements,
   * KA, store, product and accrual figures and claims.
   */
  json: { distributors: string; statements: string; kaFigures: string; storeFigures: string; productFigures: string; accrualFigures: string; claims: string };
  supersedes: number | null;
}

/**
 * Writes a package and every row it brings in one statement (a round trip per package, not a dozen): its
 * distributors, the package, its statements and figures, and its claims — new ones into
 * the queue (or settled, when the book already settled them), known ones taking the newer figures and book status
 * and keeping the decision. Rows arrive as one JSON array per table, read with json_to_recordset (text parsed once,
 * never built into jsonb first); each row names its distributor by code, resolved against the distributors upserted
 * by the same statement. Prepared once per connection on a server (a named statement), so it is planned once.
 */
export async function writePackage(tx: HqSql, r: PackageRows): Promise<number> {
  const j = r.json;
  const [row] = await tx.query<{ id: number }>({ name: 'hq_write_package', text: WRITE_PACKAGE },
    [r.sender_id, r.period, r.edition, r.body_sha256, r.file_gzip, r.audit_rows, r.audit_hash, r.loaded_by, j.distributors, j.statements,
      j.kaFigures, j.storeFigures, j.productFigures, j.accrualFigures, j.claims, r.supersedes]);
  return row!.id;
}

const WRITE_PACKAGE = `WITH d AS (
    INSERT INTO distributors (sender_id, code, name, region)
    SELECT $1, x.code, x.name, x.region FROM json_to_recordset($9::json) AS x(code text, name text, region text)
    ON CONFLICT (sender_id, code) DO UPDATE SET name = excluded.name, region = coalesce(excluded.region, distributors.region)
    RETURNING id, code
  ), pkg AS (
    INSERT INTO packages (sender_id, period, edition, body_sha256, file_gzip, audit_rows, audit_hash, loaded_by)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id
  ), st AS (
    INSERT INTO statements (package_id, distributor_id, period, version, sha256, summary, net_sales_fen, closing_fen, net_due_fen, prepared_by, reviewed_by, approved_by, approved_at)
    SELECT pkg.id, d.id, $2, x.version, x.sha256, x.summary, x.net_sales, x.closing, x.net_due, x.prepared_by, x.reviewed_by, x.approved_by, x.approved_at
    FROM pkg, json_to_recordset($10::json) AS x(distributor text, version int, sha256 text, summary jsonb, net_sales bigint, closing bigint, net_due bigint,
      prepared_by text, reviewed_by text, approved_by text, approved_at text) JOIN d ON d.code = x.distributor RETURNING 1
  ), ka AS (
    INSERT INTO ka_figures (package_id, distributor_id, period, ka, ka_name, accepted_fen, returns_fen, net_sales_fen, closing_fen, open_fen, not_due_fen,
      overdue_1_30_fen, overdue_31_60_fen, overdue_61_90_fen, overdue_91_180_fen, overdue_over_180_fen, unapplied_fen, longest_overdue_days, claims_open_fen,
      collected_open_fen, deductions_fen, disputed_fen, manufacturer_fees_fen, rebates_fen)
    SELECT pkg.id, d.id, $2, x.ka, x."kaName", x.accepted, x.returns, x."netSales", x.closing, x.open, x."notDue", x."overdue1to30", x."overdue31to60",
      x."overdue61to90", x."overdue91to180", x."overdueOver180", x.unapplied, x."longestOverdueDays", x."claimsOpen", x."collectedOpen", x.deductions, x.disputed,
      x."manufacturerFees", x.rebates
    FROM pkg, json_to_recordset($11::json) AS x(distributor text, ka text, "kaName" text, accepted bigint, returns bigint, "netSales" bigint, closing bigint, open bigint,
      "notDue" bigint, "overdue1to30" bigint, "overdue31to60" bigint, "overdue61to90" bigint, "overdue91to180" bigint, "overdueOver180" bigint, unapplied bigint,
      "longestOverdueDays" int, "claimsOpen" bigint, "collectedOpen" bigint, deductions bigint, disputed bigint, "manufacturerFees" bigint, rebates bigint)
      JOIN d ON d.code = x.distributor RETURNING 1
  ), sf AS (
    INSERT INTO store_figures (package_id, distributor_id, period, ka, store, store_name, region, city, sales_fen, returns_fen, fees_fen, manufacturer_fees_fen, products)
    SELECT pkg.id, d.id, $2, x.ka, x.store, x."storeName", x.region, x.city, x.sales, x.returns, x.fees, x."manufacturerFees", x.products
    FROM pkg, json_to_recordset($12::json) AS x(distributor text, ka text, store text, "storeName" text, region text, city text, sales bigint, returns bigint,
      fees bigint, "manufacturerFees" bigint, products int) JOIN d ON d.code = x.distributor RETURNING 1
  ), pf AS (
    INSERT INTO product_figures (package_id, distributor_id, period, ka, sku, product_name, region, qty_milli, sales_fen, returns_fen, fees_fen, stores, min_price_e4, max_price_e4)
    SELECT pkg.id, d.id, $2, x.ka, x.sku, x."productName", x.region, x."qtyMilli", x.sales, x.returns, x.fees, x.stores, x."minPriceE4", x."maxPriceE4"
    FROM pkg, json_to_recordset($13::json) AS x(distributor text, ka text, sku text, "productName" text, region text, "qtyMilli" bigint, sales bigint, returns bigint,
      fees bigint, stores int, "minPriceE4" bigint, "maxPriceE4" bigint) JOIN d ON d.code = x.distributor RETURNING 1
  ), af AS (
    INSERT INTO accrual_figures (package_id, distributor_id, period, kind, ka, amount_fen, documents)
    SELECT pkg.id, d.id, $2, x.kind, x.ka, x.amount, x.documents
    FROM pkg, json_to_recordset($14::json) AS x(distributor text, kind text, ka text, amount bigint, documents int) JOIN d ON d.code = x.distributor RETURNING 1
  ), cl AS (
    INSERT INTO claims (distributor_id, doc_no, period, ka, book_status, amount_fen, open_fen, lines, evidence, package_id, state)
    SELECT d.id, x."docNo", x.period, x.ka, x.status, x."amountFen", x."openFen", x.lines, x.evidence, pkg.id,
      CASE WHEN x."withdrawnBy" IS NOT NULL THEN 'withdrawn' WHEN x.status IN ('written_off', 'rejected') THEN 'settled'
        WHEN x.status = 'approved' THEN 'approved' ELSE 'pending' END
    FROM pkg, json_to_recordset($15::json) AS x(distributor text, "docNo" text, period text, ka text, status text, "amountFen" bigint, "openFen" bigint, lines int,
      evidence jsonb, "withdrawnBy" json) JOIN d ON d.code = x.distributor
    ON CONFLICT (distributor_id, doc_no) DO UPDATE SET book_status = excluded.book_status, amount_fen = excluded.amount_fen, open_fen = excluded.open_fen,
      lines = excluded.lines, evidence = excluded.evidence, package_id = excluded.package_id,
      -- A claim the book reversed (冲销) leaves the queue, even approved, unless its credit was already written.
      state = CASE WHEN excluded.state = 'withdrawn' AND claims.state IN ('pending', 'proposed', 'approved') THEN 'withdrawn'
        WHEN claims.state IN ('pending', 'withdrawn') AND excluded.book_status IN ('written_off', 'rejected') THEN 'settled'
        WHEN claims.state = 'withdrawn' AND excluded.state <> 'withdrawn' THEN 'pending' ELSE claims.state END RETURNING 1
  ), old AS (
    UPDATE packages SET superseded_by = pkg.id FROM pkg WHERE packages.id = $16 RETURNING 1
  )
  SELECT pkg.id, (SELECT count(*) FROM st) + (SELECT count(*) FROM ka) + (SELECT count(*) FROM sf) + (SELECT count(*) FROM pf)
    + (SELECT count(*) FROM af) + (SELECT count(*) FROM cl) + (SELECT count(*) FROM old) AS written FROM pkg`;

/**
 * Claims the replaced edition had and the newer one no longer has leave the queue as withdrawn. Run after
 * writePackage: a claim the newer edition still has points at it by then.
 */
export async function withdrawMissingClaims(tx: HqSql, oldPackageId: number): Promise<number> {
  return (await tx.query(`UPDATE claims SET state = 'withdrawn' WHERE package_id = $1 AND state IN ('pending', 'proposed') RETURNING id`, [oldPackageId])).length;
}

/**
 * The last write of a load: its month marked for its product totals to be summed again (migration 0003), and its
 * audit row, in one statement. Last, because the loads of one month at once on a server take the same mark and
 * hold it to their commit: taken here, it is held for a commit's time, not a whole load's (the audit chain's lock
 * is held as long anyway).
 */
export async function markMonthAndAudit(tx: HqSql, period: string, audit: HqAuditRow): Promise<void> {
  await tx.query({ name: 'hq_mark_month_and_audit', text: `WITH m AS (
    INSERT INTO product_months_marked (period, loads) VALUES ($1, 1)
    ON CONFLICT (period) DO UPDATE SET loads = product_months_marked.loads + 1 RETURNING 1
  ), a AS (
    INSERT INTO hq_audit (seq, at, actor, action, entity, entity_key, before_json, after_json, prev_hash, hash)
    VALUES ($2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING 1
  )
  SELECT (SELECT count(*) FROM m) + (SELECT count(*) FROM a) AS n` },
  [period, audit.seq, audit.at, audit.actor, audit.action, audit.entity, audit.entity_key, audit.before_json, audit.after_json, audit.prev_hash, audit.hash]);
}

/** The months marked, in a range (null: all). */
export async function markedMonths(db: HqSql, from: string | null = null, to: string | null = null): Promise<string[]> {
  return (await db.query<{ period: string }>('SELECT period FROM product_months_marked WHERE ($1::text IS NULL OR period >= $1) AND ($2::text IS NULL OR period <= $2) ORDER BY period',
    [from, to])).map((r) => r.period);
}

/**
 * One marked month's product totals summed again from the figures held, in the caller's transaction. The mark is
 * taken away first, which waits for every load still holding it and lets the sum see what they wrote; a load that
 * marks the month after that marks it again. False when another refresh took the mark first (nothing to do).
 */
export async function refreshProductMonth(tx: HqSql, period: string): Promise<boolean> {
  if (!(await tx.query('DELETE FROM product_months_marked WHERE period = $1 RETURNING period', [period])).length) return false;
  await tx.query('DELETE FROM product_months WHERE period = $1', [period]);
  await tx.query(`INSERT INTO product_months (period, ka, sku, product_name, qty_milli, sales_fen, returns_fen, fees_fen, store_months, distributors)
    SELECT period, ka, sku, min(product_name), sum(qty_milli), sum(sales_fen), sum(returns_fen), sum(fees_fen), sum(stores), count(DISTINCT distributor_id)
    FROM product_figures WHERE period = $1 GROUP BY period, ka, sku`, [period]);
  return true;
}

/** VACUUM and ANALYZE of what a load writes (never inside a transaction). */
export async function tidyAfterLoad(db: HqSql): Promise<void> {
  await db.exec('VACUUM (ANALYZE) packages, statements, ka_figures, store_figures, product_figures, product_months, accrual_figures, claims, distributors');
}
