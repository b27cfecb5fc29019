import type { HqSql } from '../connection.js';

/** The head office's views over the current editions. Money in fen (bigint sums cast back to bigint). */

export async function latestPeriod(db: HqSql): Promise<string | null> {
  return (await db.query<{ p: string | null }>('SELECT max(period) AS p FROM packages WHERE current'))[0]?.p ?? null;
}

/**
 * Per KA chain at a month: each distributor's latest current month up to it (a distributor late with its package
 * still counts with the month it sent), summed over distributors; sales over the three months to it.
 */
export async function chainExposure(db: HqSql, period: string, from3: string) {
  return db.query<{ ka: string; ka_name: string; distributors: number; open_fen: number; not_due_fen: number; overdue_fen: number; overdue_over_90_fen: number;
    unapplied_fen: number; longest_overdue_days: number; claims_open_fen: number; collected_open_fen: number; sales_3m_fen: number; deductions_3m_fen: number; disputed_3m_fen: number; stale: number }>(`
    WITH latest AS (
      SELECT DISTINCT ON (distributor_id) distributor_id, period FROM statements WHERE period <= $1 ORDER BY distributor_id, period DESC
    ), at_month AS (
      SELECT k.* FROM ka_figures k JOIN latest l ON l.distributor_id = k.distributor_id AND l.period = k.period
    ), recent AS (
      SELECT ka, sum(net_sales_fen)::bigint AS sales, sum(deductions_fen)::bigint AS deductions, sum(disputed_fen)::bigint AS disputed
      FROM ka_figures WHERE period BETWEEN $2 AND $1 GROUP BY ka
    )
    SELECT a.ka, max(a.ka_name) AS ka_name, count(DISTINCT a.distributor_id)::int AS distributors, sum(a.open_fen)::bigint AS open_fen,
      sum(a.not_due_fen)::bigint AS not_due_fen,
      sum(a.overdue_1_30_fen + a.overdue_31_60_fen + a.overdue_61_90_fen + a.overdue_91_180_fen + a.overdue_over_180_fen)::bigint AS overdue_fen,
      sum(a.overdue_91_180_fen + a.overdue_over_180_fen)::bigint AS overdue_over_90_fen, sum(a.unapplied_fen)::bigint AS unapplied_fen,
      max(a.longest_overdue_days)::int AS longest_overdue_days, sum(a.claims_open_fen)::bigint AS claims_open_fen, sum(a.collected_open_fen)::bigint AS collected_open_fen,
      coalesce(max(r.sales), 0)::bigint AS sales_3m_fen, coalesce(max(r.deductions), 0)::bigint AS deductions_3m_fen, coalesce(max(r.disputed), 0)::bigint AS disputed_3m_fen,
      count(DISTINCT a.distributor_id) FILTER (WHERE a.period < $1)::int AS stale
    FROM at_month a LEFT JOIN recent r ON r.ka = a.ka
    GROUP BY a.ka ORDER BY open_fen DESC, a.ka`, [period, from3]);
}

export async function chainLimits(db: HqSql) {
  return db.query<{ ka: string; limit_fen: number; reason: string; set_by: string; set_at: string }>(`SELECT DISTINCT ON (ka) ka, limit_fen, reason, set_by, set_at::text
    FROM chain_limits ORDER BY ka, id DESC`);
}

export async function insertChainLimit(tx: HqSql, r: { ka: string; limit_fen: number; reason: string; set_by: string }): Promise<void> {
  await tx.query('INSERT INTO chain_limits (ka, limit_fen, reason, set_by) VALUES ($1, $2, $3, $4)', [r.ka, r.limit_fen, r.reason, r.set_by]);
}

export async function chainLimitHistory(db: HqSql, ka: string) {
  return db.query<{ limit_fen: number; reason: string; set_by: string; set_at: string }>('SELECT limit_fen, reason, set_by, set_at::text FROM chain_limits WHERE ka = $1 ORDER BY id DESC', [ka]);
}

/** Each distributor's net sales to a chain over a range of months (the base of a national contract). */
export async function chainBaseByDistributor(db: HqSql, ka: string, from: string, to: string) {
  return db.query<{ distributor_id: number; distributor: string; distributor_name: string; book: string; base_fen: number; months: number }>(`SELECT k.distributor_id,
      d.code AS distributor, d.name AS distributor_name, s.book, sum(k.net_sales_fen)::bigint AS base_fen, count(DISTINCT k.period)::int AS months
    FROM ka_figures k JOIN distributors d ON d.id = k.distributor_id JOIN senders s ON s.id = d.sender_id
    WHERE k.ka = $1 AND k.period BETWEEN $2 AND $3 GROUP BY k.distributor_id, d.code, d.name, s.book ORDER BY s.book, d.code`, [ka, from, to]);
}

export async function nationalContracts(db: HqSql) {
  return db.query<{ code: string; ka: string; name: string; year_from: string; months: number; mode: 'whole' | 'progressive'; tiers: { threshold: number; rate: number }[] }>(`SELECT code,
      ka, name, year_from, months, mode, tiers FROM national_contracts ORDER BY code`);
}

export async function upsertNationalContract(tx: HqSql, r: { code: string; ka: string; name: string; year_from: string; months: number; mode: string; tiers: unknown; created_by: string }): Promise<void> {
  await tx.query(`INSERT INTO national_contracts (code, ka, name, year_from, months, mode, tiers, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
    ON CONFLICT (code) DO UPDATE SET ka = excluded.ka, name = excluded.name, year_from = excluded.year_from, months = excluded.months, mode = excluded.mode, tiers = excluded.tiers`,
  [r.code, r.ka, r.name, r.year_from, r.months, r.mode, JSON.stringify(r.tiers), r.created_by]);
}

/**
 * 窜货: one chain and product supplied at different prices in different regions in a month. Groups are found with
 * min/max only (no DISTINCT counts over the month's rows), read from the index product_figures_prices alone; regions
 * are told apart byte for byte (COLLATE "C": any order tells two regions apart, and it is the cheap one). Names,
 * where the lowest and highest prices were supplied and the counts are taken for the flagged groups alone.
 */
export async function priceGaps(db: HqSql, period: string, minGapPpm: number, limit: number) {
  return db.query<{ ka: string; sku: string; product_name: string; low_e4: number; low_region: string; low_distributor: string; high_e4: number; high_region: string;
    high_distributor: string; regions: number; distributors: number; qty_milli: number; gap_ppm: number }>(`
    WITH g AS (
      SELECT ka, sku, min(min_price_e4) AS low_e4, max(max_price_e4) AS high_e4, sum(qty_milli)::bigint AS qty_milli
      FROM product_figures WHERE period = $1 AND min_price_e4 IS NOT NULL GROUP BY ka, sku
      HAVING min(region COLLATE "C") <> max(region COLLATE "C") AND (max(max_price_e4) - min(min_price_e4)) * 1000000 >= $2::bigint * max(max_price_e4)
      ORDER BY (max(max_price_e4) - min(min_price_e4)) * 1000000 / max(max_price_e4) DESC, ka, sku LIMIT $3
    ), p AS (
      SELECT f.ka, f.sku, f.region, f.distributor_id, f.min_price_e4, f.max_price_e4, f.product_name FROM g JOIN product_figures f ON f.period = $1 AND f.ka = g.ka AND f.sku = g.sku
      WHERE f.min_price_e4 IS NOT NULL
    ), lo AS (
      SELECT DISTINCT ON (ka, sku) ka, sku, region, distributor_id FROM p ORDER BY ka, sku, min_price_e4, region, distributor_id
    ), hi AS (
      SELECT DISTINCT ON (ka, sku) ka, sku, region, distributor_id FROM p ORDER BY ka, sku, max_price_e4 DESC, region, distributor_id
    ), n AS (
      SELECT ka, sku, max(product_name) AS product_name, count(DISTINCT region)::int AS regions, count(DISTINCT distributor_id)::int AS distributors FROM p GROUP BY ka, sku
    )
    SELECT g.ka, g.sku, n.product_name, g.low_e4, lo.region AS low_region, dl.code || ' ' || dl.name AS low_distributor, g.high_e4, hi.region AS high_region,
      dh.code || ' ' || dh.name AS high_distributor, n.regions, n.distributors, g.qty_milli, ((g.high_e4 - g.low_e4) * 1000000 / g.high_e4)::int AS gap_ppm
    FROM g JOIN lo ON lo.ka = g.ka AND lo.sku = g.sku JOIN hi ON hi.ka = g.ka AND hi.sku = g.sku JOIN n ON n.ka = g.ka AND n.sku = g.sku
      JOIN distributors dl ON dl.id = lo.distributor_id JOIN distributors dh ON dh.id = hi.distributor_id
    ORDER BY gap_ppm DESC, g.ka, g.sku`, [period, minGapPpm, limit]);
}

/**
 * Stores whose month's sales are far above their own average over the three months before: a store buying for
 * others (窜货 risk). Three months, read by the month-first key, keep this to a quarter's rows at any scale.
 */
export async function storeSpikes(db: HqSql, period: string, factor: number, minMonths: number, limit: number) {
  return db.query<{ ka: string; store: string; store_name: string; region: string; distributor: string; sales_fen: number; usual_fen: number; months: number }>(`
    WITH h AS (
      SELECT distributor_id, ka, store, avg(sales_fen)::bigint AS usual, count(*)::int AS months FROM store_figures
      WHERE period >= to_char(to_date($1, 'YYYY-MM') - interval '3 months', 'YYYY-MM') AND period < $1 GROUP BY distributor_id, ka, store
    )
    SELECT s.ka, s.store, s.store_name, s.region, d.code || ' ' || d.name AS distributor, s.sales_fen, h.usual AS usual_fen, h.months
    FROM store_figures s JOIN h ON h.distributor_id = s.distributor_id AND h.ka = s.ka AND h.store = s.store JOIN distributors d ON d.id = s.distributor_id
    WHERE s.period = $1 AND h.months >= $3 AND h.usual > 0 AND s.sales_fen >= $2::bigint * h.usual
    ORDER BY s.sales_fen::numeric / h.usual DESC LIMIT $4`, [period, factor, minMonths, limit]);
}

/** KA营销审计 per chain over months: sales, returns, fees and rebates; stores and products carried. */
export async function auditByKa(db: HqSql, from: string, to: string) {
  return db.query<{ ka: string; ka_name: string; distributors: number; sales_fen: number; returns_fen: number; net_sales_fen: number; fees_fen: number; manufacturer_fees_fen: number; rebates_fen: number }>(`SELECT
      ka, max(ka_name) AS ka_name, count(DISTINCT distributor_id)::int AS distributors, sum(accepted_fen)::bigint AS sales_fen, sum(returns_fen)::bigint AS returns_fen,
      sum(net_sales_fen)::bigint AS net_sales_fen, sum(deductions_fen)::bigint AS fees_fen, sum(manufacturer_fees_fen)::bigint AS manufacturer_fees_fen, sum(rebates_fen)::bigint AS rebates_fen
    FROM ka_figures WHERE period BETWEEN $1 AND $2 AND ka <> '' GROUP BY ka ORDER BY net_sales_fen DESC, ka`, [from, to]);
}

export async function auditByStore(db: HqSql, from: string, to: string, ka: string | null, limit: number, offset: number) {
  // Sum the figures per store (numbers only: no text compared row by row), sort the groups, and take the names of
  // the page's stores alone, through store_figures_by_store; the count of groups comes with the page (one pass
  // over the range's rows, not two).
  const rows = await db.query<{ ka: string; store: string; store_name: string; region: string; city: string | null; distributor: string; months: number; sales_fen: number; returns_fen: number; fees_fen: number; manufacturer_fees_fen: number; products: number; total: number }>(`
    WITH g AS (
      SELECT distributor_id, ka, store, count(*)::int AS months, sum(sales_fen)::bigint AS sales_fen, sum(returns_fen)::bigint AS returns_fen, sum(fees_fen)::bigint AS fees_fen,
        sum(manufacturer_fees_fen)::bigint AS manufacturer_fees_fen, max(products)::int AS products
      FROM store_figures WHERE period BETWEEN $1 AND $2 AND ($3::text IS NULL OR ka = $3) GROUP BY distributor_id, ka, store
    ), page AS (
      SELECT g.*, count(*) OVER ()::int AS total FROM g ORDER BY g.sales_fen - g.returns_fen - g.fees_fen DESC, g.ka, g.store, g.distributor_id LIMIT $4 OFFSET $5
    )
    SELECT page.ka, page.store, n.store_name, n.region, n.city, d.code || ' ' || d.name AS distributor, page.months, page.sales_fen, page.returns_fen,
      page.fees_fen, page.manufacturer_fees_fen, page.products, page.total
    FROM page JOIN distributors d ON d.id = page.distributor_id
      CROSS JOIN LATERAL (SELECT max(s.store_name) AS store_name, max(s.region) AS region, max(s.city) AS city FROM store_figures s
        WHERE s.distributor_id = page.distributor_id AND s.ka = page.ka AND s.store = page.store AND s.period BETWEEN $1 AND $2) n
    ORDER BY page.sales_fen - page.returns_fen - page.fees_fen DESC, page.ka, page.store, page.distributor_id`,
  [from, to, ka, limit, offset]);
  const total = rows[0]?.total ?? 0;
  return { rows: rows.map(({ total: _t, ...r }) => r), total };
}

/** Per chain and product from the monthly totals the loader keeps; stores of the chain, for the distribution rate. */
export async function auditByProduct(db: HqSql, from: string, to: string, ka: string | null, limit: number, offset: number) {
  const rows = await db.query<{ ka: string; sku: string; product_name: string; qty_milli: number; sales_fen: number; returns_fen: number; fees_fen: number; store_months: number; months: number }>(`SELECT
      ka, sku, max(product_name) AS product_name, sum(qty_milli)::bigint AS qty_milli, sum(sales_fen)::bigint AS sales_fen, sum(returns_fen)::bigint AS returns_fen,
      sum(fees_fen)::bigint AS fees_fen, sum(store_months)::int AS store_months, count(*) FILTER (WHERE sales_fen <> 0)::int AS months
    FROM product_months WHERE period BETWEEN $1 AND $2 AND ($3::text IS NULL OR ka = $3) AND distributors > 0
    GROUP BY ka, sku ORDER BY sum(sales_fen - returns_fen - fees_fen) DESC, ka, sku LIMIT $4 OFFSET $5`, [from, to, ka, limit, offset]);
  const total = (await db.query<{ n: number }>(`SELECT count(DISTINCT (ka, sku))::int AS n FROM product_months WHERE period BETWEEN $1 AND $2 AND ($3::text IS NULL OR ka = $3) AND distributors > 0`,
    [from, to, ka]))[0]!.n;
  return { rows, total };
}

/** Store-months each chain had over the range: the denominator of a product's distribution rate (铺市率). */
export async function chainStoreMonths(db: HqSql, from: string, to: string) {
  return db.query<{ ka: string; store_months: number }>(`SELECT ka, count(*)::int AS store_months FROM store_figures WHERE period BETWEEN $1 AND $2 GROUP BY ka`, [from, to]);
}

/** Every distributor known, with the months it has a current package for in the range. */
export async function monthsSent(db: HqSql, from: string, to: string) {
  return db.query<{ distributor_id: number; distributor: string; distributor_name: string; region: string | null; book: string; periods: string[] | null; last_period: string | null }>(`SELECT
      d.id AS distributor_id, d.code AS distributor, d.name AS distributor_name, d.region, s.book,
      array_agg(st.period ORDER BY st.period) FILTER (WHERE st.period BETWEEN $1 AND $2) AS periods,
      (SELECT max(x.period) FROM statements x WHERE x.distributor_id = d.id) AS last_period
    FROM distributors d JOIN senders s ON s.id = d.sender_id LEFT JOIN statements st ON st.distributor_id = d.id
    GROUP BY d.id, d.code, d.name, d.region, s.book ORDER BY s.book, d.code`, [from, to]);
}

/** The figures of one distributor's month as the head office holds them (for the round trip and the window). */
export async function statementOf(db: HqSql, distributorId: number, period: string) {
  return (await db.query<{ version: number; sha256: string; summary: Record<string, unknown>; net_sales_fen: number; closing_fen: number; net_due_fen: number; edition: number }>(`SELECT
      s.version, s.sha256, s.summary, s.net_sales_fen, s.closing_fen, s.net_due_fen, p.edition
    FROM statements s JOIN packages p ON p.id = s.package_id WHERE s.distributor_id = $1 AND s.period = $2`, [distributorId, period]))[0];
}

export async function packagesList(db: HqSql, limit: number, offset: number) {
  return db.query<{ id: number; book: string; period: string; edition: number; current: boolean; body_sha256: string; loaded_by: string; loaded_at: string; audit_rows: number | null }>(`SELECT p.id,
      s.book, p.period, p.edition, p.current, p.body_sha256, p.loaded_by, p.loaded_at::text, p.audit_rows
    FROM packages p JOIN senders s ON s.id = p.sender_id ORDER BY p.id DESC LIMIT $1 OFFSET $2`, [limit, offset]);
}

/** The months that have current packages, oldest first. */
export async function latestPeriods(db: HqSql): Promise<string[]> {
  return (await db.query<{ period: string }>('SELECT DISTINCT period FROM packages WHERE current ORDER BY period')).map((r) => r.period);
}
