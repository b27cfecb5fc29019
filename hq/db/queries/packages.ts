import type { HqSql } from '../connection.js';

/** Loading a package: the rows it adds, the edition it replaces. Rows arrive as one JSON array per table. */

export async function lockSenderMonth(tx: HqSql, keyId: string, period: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`${keyId}|${period}`]);
}

export async function packageBySha(tx: HqSql, sha256: string): Promise<{ id: number; edition: number; period: string; current: boolean } | undefined> {
  return (await tx.query<{ id: number; edition: number; period: string; current: boolean }>('SELECT id, edition, period, current FROM packages WHERE body_sha256 = $1', [sha256]))[0];
}

export async function currentPackage(tx: HqSql, senderId: number, period: string): Promise<{ id: number; edition: number } | undefined> {
  return (await tx.query<{ id: number; edition: number }>('SELECT id, edition FROM packages WHERE sender_id = $1 AND period = $2 AND current', [senderId, period]))[0];
}

export async function statementHashes(tx: HqSql, packageId: number): Promise<{ code: string; version: number; sha256: string }[]> {
  return tx.query(`SELECT d.code, s.version, s.sha256 FROM statements s JOIN distributors d ON d.id = s.distributor_id WHERE s.package_id = $1 ORDER BY d.code`, [packageId]);
}

export async function insertPackage(tx: HqSql, r: { sender_id: number; period: string; edition: number; body_sha256: string; file_gzip: Buffer; audit_rows: number; audit_hash: string | null; loaded_by: string }): Promise<number> {
  return (await tx.query<{ id: number }>(`INSERT INTO packages (sender_id, period, edition, body_sha256, file_gzip, audit_rows, audit_hash, loaded_by)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`, [r.sender_id, r.period, r.edition, r.body_sha256, r.file_gzip, r.audit_rows, r.audit_hash, r.loaded_by]))[0]!.id;
}

/** Takes an edition's figures out (its package stays, marked as superseded): the newer edition's replace them. */
export async function retirePackage(tx: HqSql, oldId: number): Promise<void> {
  await tx.query(`UPDATE product_months pm SET qty_milli = pm.qty_milli - x.qty, sales_fen = pm.sales_fen - x.sales, returns_fen = pm.returns_fen - x.returns,
      fees_fen = pm.fees_fen - x.fees, store_months = pm.store_months - x.stores, distributors = pm.distributors - x.distributors
    FROM (SELECT period, ka, sku, sum(qty_milli) AS qty, sum(sales_fen) AS sales, sum(returns_fen) AS returns, sum(fees_fen) AS fees,
        sum(stores)::int AS stores, count(DISTINCT distributor_id)::int AS distributors
      FROM product_figures WHERE package_id = $1 GROUP BY period, ka, sku) x
    WHERE pm.period = x.period AND pm.ka = x.ka AND pm.sku = x.sku`, [oldId]);
  for (const table of ['product_figures', 'store_figures', 'ka_figures', 'accrual_figures', 'statements']) {
    await tx.query(`DELETE FROM ${table} WHERE package_id = $1`, [oldId]);
  }
  await tx.query('UPDATE packages SET current = false WHERE id = $1', [oldId]);
}

export async function markSuperseded(tx: HqSql, oldId: number, newId: number): Promise<void> {
  await tx.query('UPDATE packages SET superseded_by = $2 WHERE id = $1', [oldId, newId]);
}

export async function insertStatements(tx: HqSql, packageId: number, period: string, rows: unknown[]): Promise<void> {
  await tx.query(`INSERT INTO statements (package_id, distributor_id, period, version, sha256, summary, net_sales_fen, closing_fen, net_due_fen, prepared_by, reviewed_by, approved_by, approved_at)
    SELECT $1, x.distributor_id, $2, x.version, x.sha256, x.summary, x.net_sales, x.closing, x.net_due, x.prepared_by, x.reviewed_by, x.approved_by, x.approved_at
    FROM jsonb_to_recordset($3::jsonb) AS x(distributor_id int, version int, sha256 text, summary jsonb, net_sales bigint, closing bigint, net_due bigint,
      prepared_by text, reviewed_by text, approved_by text, approved_at text)`, [packageId, period, JSON.stringify(rows)]);
}

export async function insertKaFigures(tx: HqSql, packageId: number, period: string, rows: unknown[]): Promise<void> {
  await tx.query(`INSERT INTO ka_figures (package_id, distributor_id, period, ka, ka_name, accepted_fen, returns_fen, net_sales_fen, closing_fen, open_fen, not_due_fen,
      overdue_1_30_fen, overdue_31_60_fen, overdue_61_90_fen, overdue_91_180_fen, overdue_over_180_fen, unapplied_fen, longest_overdue_days, claims_open_fen,
      collected_open_fen, deductions_fen, disputed_fen, manufacturer_fees_fen, rebates_fen)
    SELECT $1, x."distributorId", $2, x.ka, x."kaName", x.accepted, x.returns, x."netSales", x.closing, x.open, x."notDue", x."overdue1to30", x."overdue31to60",
      x."overdue61to90", x."overdue91to180", x."overdueOver180", x.unapplied, x."longestOverdueDays", x."claimsOpen", x."collectedOpen", x.deductions, x.disputed,
      x."manufacturerFees", x.rebates
    FROM jsonb_to_recordset($3::jsonb) AS x("distributorId" int, ka text, "kaName" text, accepted bigint, returns bigint, "netSales" bigint, closing bigint, open bigint,
      "notDue" bigint, "overdue1to30" bigint, "overdue31to60" bigint, "overdue61to90" bigint, "overdue91to180" bigint, "overdueOver180" bigint, unapplied bigint,
      "longestOverdueDays" int, "claimsOpen" bigint, "collectedOpen" bigint, deductions bigint, disputed bigint, "manufacturerFees" bigint, rebates bigint)`,
  [packageId, period, JSON.stringify(rows)]);
}

export async function insertStoreFigures(tx: HqSql, packageId: number, period: string, rows: unknown[]): Promise<void> {
  await tx.query(`INSERT INTO store_figures (package_id, distributor_id, period, ka, store, store_name, region, city, sales_fen, returns_fen, fees_fen, manufacturer_fees_fen, products)
    SELECT $1, x."distributorId", $2, x.ka, x.store, x."storeName", x.region, x.city, x.sales, x.returns, x.fees, x."manufacturerFees", x.products
    FROM jsonb_to_recordset($3::jsonb) AS x("distributorId" int, ka text, store text, "storeName" text, region text, city text, sales bigint, returns bigint,
      fees bigint, "manufacturerFees" bigint, products int)`, [packageId, period, JSON.stringify(rows)]);
}

/** The product rows, and their sums added to the month's totals per KA and product. */
export async function insertProductFigures(tx: HqSql, packageId: number, period: string, rows: unknown[]): Promise<void> {
  await tx.query(`INSERT INTO product_figures (package_id, distributor_id, period, ka, sku, product_name, region, qty_milli, sales_fen, returns_fen, fees_fen, stores, min_price_e4, max_price_e4)
    SELECT $1, x."distributorId", $2, x.ka, x.sku, x."productName", x.region, x."qtyMilli", x.sales, x.returns, x.fees, x.stores, x."minPriceE4", x."maxPriceE4"
    FROM jsonb_to_recordset($3::jsonb) AS x("distributorId" int, ka text, sku text, "productName" text, region text, "qtyMilli" bigint, sales bigint, returns bigint,
      fees bigint, stores int, "minPriceE4" bigint, "maxPriceE4" bigint)`, [packageId, period, JSON.stringify(rows)]);
  await tx.query(`INSERT INTO product_months (period, ka, sku, product_name, qty_milli, sales_fen, returns_fen, fees_fen, store_months, distributors)
    SELECT period, ka, sku, max(product_name), sum(qty_milli), sum(sales_fen), sum(returns_fen), sum(fees_fen), sum(stores)::int, count(DISTINCT distributor_id)::int
    FROM product_figures WHERE package_id = $1 GROUP BY period, ka, sku
    ON CONFLICT (period, ka, sku) DO UPDATE SET qty_milli = product_months.qty_milli + excluded.qty_milli, sales_fen = product_months.sales_fen + excluded.sales_fen,
      returns_fen = product_months.returns_fen + excluded.returns_fen, fees_fen = product_months.fees_fen + excluded.fees_fen,
      store_months = product_months.store_months + excluded.store_months, distributors = product_months.distributors + excluded.distributors`, [packageId]);
}

export async function insertAccrualFigures(tx: HqSql, packageId: number, period: string, rows: unknown[]): Promise<void> {
  await tx.query(`INSERT INTO accrual_figures (package_id, distributor_id, period, kind, ka, amount_fen, documents)
    SELECT $1, x."distributorId", $2, x.kind, x.ka, x.amount, x.documents
    FROM jsonb_to_recordset($3::jsonb) AS x("distributorId" int, kind text, ka text, amount bigint, documents int)`, [packageId, period, JSON.stringify(rows)]);
}

/**
 * Claims as the package reports them: new ones join the queue (or arrive settled, when the book already settled
 * them); known ones take the newer figures and book status and keep the head office's decision.
 */
export async function upsertClaims(tx: HqSql, packageId: number, rows: unknown[]): Promise<void> {
  await tx.query(`INSERT INTO claims (distributor_id, doc_no, period, ka, book_status, amount_fen, open_fen, lines, evidence, package_id, state)
    SELECT x."distributorId", x."docNo", x.period, x.ka, x.status, x."amountFen", x."openFen", x.lines, x.evidence, $1,
      CASE WHEN x.status IN ('written_off', 'rejected') THEN 'settled' WHEN x.status = 'approved' THEN 'approved' ELSE 'pending' END
    FROM jsonb_to_recordset($2::jsonb) AS x("distributorId" int, "docNo" text, period text, ka text, status text, "amountFen" bigint, "openFen" bigint, lines int, evidence jsonb)
    ON CONFLICT (distributor_id, doc_no) DO UPDATE SET book_status = excluded.book_status, amount_fen = excluded.amount_fen, open_fen = excluded.open_fen,
      lines = excluded.lines, evidence = excluded.evidence, package_id = excluded.package_id,
      state = CASE WHEN claims.state IN ('pending', 'withdrawn') AND excluded.book_status IN ('written_off', 'rejected') THEN 'settled'
        WHEN claims.state = 'withdrawn' THEN 'pending' ELSE claims.state END`, [packageId, JSON.stringify(rows)]);
}

/** Claims the replaced edition had and the newer one no longer has leave the queue as withdrawn. */
export async function withdrawMissingClaims(tx: HqSql, oldPackageId: number): Promise<number> {
  return (await tx.query(`UPDATE claims SET state = 'withdrawn' WHERE package_id = $1 AND state IN ('pending', 'proposed') RETURNING id`, [oldPackageId])).length;
}
