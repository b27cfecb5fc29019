import type { Book } from '../connection.js';

export interface MatchParams {
  /** the first and last period matched: one month, or a year in one pass */
  fromPeriod: string;
  toPeriod: string;
  /** null for every KA */
  kaAccountId: number | null;
  windowDays: number;
  toleranceFen: number;
  asOf: string;
}

/**
 * Delivery ↔ receipt matching for a range of periods, as set-based SQL over temporary tables:
 *  1. by KA, store, order number and product — every delivery and receipt line sharing that key forms one group,
 *     so partial deliveries and split receipts are matched as a whole;
 *  2. for what is left (receipts without an order number, or with one the delivery did not carry): a receipt
 *     document is paired with the delivery document of the same store that shares most products, received on or
 *     after delivery and within the window, nearest first; its lines then match by product.
 * The results replace those of earlier runs for the same delivery and receipt lines.
 */
/**
 * Each result's reason is stored as a message (its code and the figures behind it, as JSON): the words are made
 * when it is read, in the reader's language (locale/ `match.…`).
 */
const reasonSql = (code: string, params: Record<string, string> = {}) =>
  `json_object('code', '${code}', 'params', json_object(${Object.entries(params).map(([k, v]) => `'${k}', ${v}`).join(', ')}))`;

const TEMP_TABLES = ['rc_keys', 'rc_d', 'rc_r', 'rc_dg', 'rc_rg', 'rc_p2d', 'rc_p2r', 'rc_pairs', 'rc_p2m', 'rc_promo', 'rc_dres'];

export function matchDeliveries(book: Book, p: MatchParams): void {
  const db = book.db;
  const params = { fromPeriod: p.fromPeriod, toPeriod: p.toPeriod, ka: p.kaAccountId, window: p.windowDays, tol: p.toleranceFen, asOf: p.asOf,
    from: `${p.fromPeriod}-01`, to: `${p.toPeriod}-01` };
  const run = (sql: string) => db.prepare(sql).run(params);
  const live = `d.reverses_id IS NULL AND NOT EXISTS (SELECT 1 FROM documents x WHERE x.reverses_id = d.id)`;
  const kaFilter = '(@ka IS NULL OR d.ka_account_id = @ka)';
  const lineCols = `l.id AS line_id, d.id AS doc_id, d.doc_no, d.doc_date AS date, d.period, d.ka_account_id AS ka,
    coalesce(l.store_id, d.store_id) AS store, coalesce(l.order_no, d.order_no) AS po, l.product_id AS product,
    l.qty_milli AS qty, l.price_e4 AS price, l.amount_fen AS amount`;

  for (const t of TEMP_TABLES) db.exec(`DROP TABLE IF EXISTS temp.${t}`);

  // Lines of documents no longer in force (reversed, or reversals) have no result: a reversed receipt matches nothing.
  const gone = `line_id IN (SELECT l.id FROM documents d JOIN document_lines l ON l.document_id = d.id
    WHERE d.period BETWEEN @fromPeriod AND @toPeriod AND d.kind IN ('delivery', 'receipt') AND ${kaFilter} AND NOT (${live}))`;
  run(`DELETE FROM recon_delivery_lines WHERE ${gone}`);
  run(`DELETE FROM recon_receipt_lines WHERE ${gone}`);

  // The order keys touched by the period's deliveries and receipts.
  run(`CREATE TEMP TABLE rc_keys AS SELECT DISTINCT d.ka_account_id AS ka, coalesce(l.store_id, d.store_id) AS store, l.order_no AS po, l.product_id AS product
    FROM documents d JOIN document_lines l ON l.document_id = d.id
    WHERE d.period BETWEEN @fromPeriod AND @toPeriod AND d.kind IN ('delivery', 'receipt') AND ${kaFilter} AND l.order_no IS NOT NULL AND ${live}`);
  db.exec('CREATE INDEX temp.rc_keys_i ON rc_keys(po, product)');

  // Every delivery and receipt line of those keys (whatever its date), and every line dated in the period or
  // near enough to it to pair by date.
  const near = `d.doc_date BETWEEN date(@from, '-' || @window || ' days') AND date(@to, '+1 month', '-1 day', '+' || @window || ' days')`;
  for (const [table, kind] of [['rc_d', 'delivery'], ['rc_r', 'receipt']] as const) {
    run(`CREATE TEMP TABLE ${table} AS
      SELECT ${lineCols} FROM rc_keys k JOIN document_lines l ON l.order_no = k.po AND l.product_id = k.product
        JOIN documents d ON d.id = l.document_id
      WHERE d.kind = '${kind}' AND d.ka_account_id = k.ka AND coalesce(l.store_id, d.store_id) = k.store AND ${live}
      UNION
      SELECT ${lineCols} FROM documents d JOIN document_lines l ON l.document_id = d.id
      WHERE d.kind = '${kind}' AND ${kaFilter} AND ${near} AND ${live}`);
    db.exec(`CREATE INDEX temp.${table}_k ON ${table}(ka, store, po, product)`);
  }

  // Pass 1: groups by order key.
  run(`CREATE TEMP TABLE rc_dg AS SELECT ka, store, po, product, sum(qty) AS qty, sum(amount) AS amount, count(*) AS n
    FROM rc_d WHERE po IS NOT NULL GROUP BY ka, store, po, product`);
  run(`CREATE TEMP TABLE rc_rg AS SELECT ka, store, po, product, sum(qty) AS qty, sum(amount) AS amount, min(price) AS price,
      group_concat(DISTINCT doc_no) AS docs
    FROM rc_r WHERE po IS NOT NULL GROUP BY ka, store, po, product`);
  db.exec('CREATE UNIQUE INDEX temp.rc_dg_k ON rc_dg(ka, store, po, product); CREATE UNIQUE INDEX temp.rc_rg_k ON rc_rg(ka, store, po, product)');

  // Pass 2: what pass 1 left, paired document to document by store, products in common and nearest date.
  run(`CREATE TEMP TABLE rc_p2d AS SELECT d.* FROM rc_d d
    WHERE NOT EXISTS (SELECT 1 FROM rc_rg g WHERE g.ka = d.ka AND g.store = d.store AND g.po = d.po AND g.product = d.product)`);
  run(`CREATE TEMP TABLE rc_p2r AS SELECT r.* FROM rc_r r
    WHERE NOT EXISTS (SELECT 1 FROM rc_dg g WHERE g.ka = r.ka AND g.store = r.store AND g.po = r.po AND g.product = r.product)`);
  db.exec('CREATE INDEX temp.rc_p2d_s ON rc_p2d(store, product); CREATE INDEX temp.rc_p2r_s ON rc_p2r(store, product)');
  run(`CREATE TEMP TABLE rc_pairs AS
    WITH cand AS (
      SELECT r.doc_id AS rdoc, d.doc_id AS ddoc, count(*) AS common, min(julianday(r.date) - julianday(d.date)) AS gap
      FROM rc_p2r r JOIN rc_p2d d ON d.store = r.store AND d.product = r.product
        AND r.date >= d.date AND r.date <= date(d.date, '+' || @window || ' days')
      GROUP BY r.doc_id, d.doc_id),
    ranked AS (SELECT rdoc, ddoc,
        row_number() OVER (PARTITION BY rdoc ORDER BY common DESC, gap, ddoc) AS rr,
        row_number() OVER (PARTITION BY ddoc ORDER BY common DESC, gap, rdoc) AS dr
      FROM cand)
    SELECT rdoc, ddoc FROM ranked WHERE rr = 1 AND dr = 1`);
  run(`CREATE TEMP TABLE rc_p2m AS
    SELECT d.line_id AS dline, sum(r.qty) AS qty, sum(r.amount) AS amount, min(r.price) AS price, group_concat(DISTINCT r.doc_no) AS docs,
      group_concat(r.line_id) AS rlines
    FROM rc_pairs p JOIN rc_p2d d ON d.doc_id = p.ddoc JOIN rc_p2r r ON r.doc_id = p.rdoc AND r.product = d.product
    GROUP BY d.line_id`);

  // Promotion prices by KA, store and product (a promotion without a store list is every store's).
  run(`CREATE TEMP TABLE rc_promo AS SELECT pr.ka_account_id AS ka, ps.store_id AS store, pp.product_id AS product, pr.start_date, pr.end_date,
      pp.promo_price_e4 AS price
    FROM promotions pr JOIN promotion_products pp ON pp.promotion_id = pr.id LEFT JOIN promotion_stores ps ON ps.promotion_id = pr.id
    WHERE (@ka IS NULL OR pr.ka_account_id = @ka) AND pr.end_date >= date(@from, '-' || @window || ' days')`);
  db.exec('CREATE INDEX temp.rc_promo_k ON rc_promo(ka, product, price)');

  // The status of each delivery line of the period.
  run(`CREATE TEMP TABLE rc_dres AS
    WITH lines AS (
      SELECT d.*, 
        CASE WHEN rg.ka IS NOT NULL THEN 'order' WHEN m.dline IS NOT NULL THEN 'nearest' END AS matched_by,
        CASE WHEN rg.ka IS NOT NULL THEN dg.qty ELSE d.qty END AS g_dqty,
        CASE WHEN rg.ka IS NOT NULL THEN dg.amount ELSE d.amount END AS g_damount,
        coalesce(rg.qty, m.qty, 0) AS g_rqty, coalesce(rg.amount, m.amount, 0) AS g_ramount,
        coalesce(rg.price, m.price) AS r_price, coalesce(rg.docs, m.docs) AS docs,
        CASE WHEN rg.ka IS NOT NULL THEN dg.ka || '|' || dg.store || '|' || dg.po || '|' || dg.product ELSE 'L' || d.line_id END AS grp,
        (SELECT pm.price FROM rc_promo pm WHERE pm.ka = d.ka AND pm.product = d.product AND pm.price = d.price
           AND d.date BETWEEN pm.start_date AND pm.end_date AND (pm.store IS NULL OR pm.store = d.store) LIMIT 1) AS promo_price,
        (SELECT pl.price_e4 FROM prices pl JOIN stores s ON s.id = d.store
           WHERE pl.ka_account_id = d.ka AND pl.product_id = d.product AND pl.valid_from <= d.date AND pl.valid_to >= d.date
             AND pl.region IN ('', s.region) ORDER BY pl.region DESC, pl.valid_from DESC LIMIT 1) AS list_price
      FROM rc_d d
        LEFT JOIN rc_dg dg ON dg.ka = d.ka AND dg.store = d.store AND dg.po = d.po AND dg.product = d.product
        LEFT JOIN rc_rg rg ON rg.ka = d.ka AND rg.store = d.store AND rg.po = d.po AND rg.product = d.product
        LEFT JOIN rc_p2m m ON m.dline = d.line_id
      WHERE d.period BETWEEN @fromPeriod AND @toPeriod AND (@ka IS NULL OR d.ka = @ka)),
    shared AS (
      SELECT lines.*,
        CASE WHEN g_damount = 0 THEN 0 ELSE (g_ramount * amount * 2 + g_damount) / (2 * g_damount) END AS share,
        row_number() OVER (PARTITION BY grp ORDER BY line_id DESC) AS last_first
      FROM lines)
    SELECT shared.*,
      CASE WHEN last_first = 1 THEN g_ramount - (sum(share) OVER (PARTITION BY grp) - share) ELSE share END AS line_received,
      coalesce(promo_price, list_price) AS expected_price
    FROM shared`);

  db.prepare(`DELETE FROM recon_delivery_lines WHERE line_id IN (SELECT line_id FROM rc_dres)`).run();
  run(`INSERT INTO recon_delivery_lines (line_id, period, ka_account_id, store_id, product_id, order_no, delivery_date, status, matched_by,
      delivered_qty, received_qty, delivered_fen, received_fen, line_delivered_fen, line_received_fen, delivered_price_e4,
      received_price_e4, list_price_e4, off_list, receipt_doc_nos, days_outstanding, reason)
    SELECT line_id, period, ka, store, product, po, date,
      CASE WHEN matched_by IS NULL THEN 'receipt_missing'
           WHEN g_rqty < g_dqty THEN 'short'
           WHEN g_rqty > g_dqty THEN 'over'
           WHEN abs(g_damount - g_ramount) > @tol THEN 'price_diff'
           WHEN expected_price IS NOT NULL AND price <> expected_price THEN 'price_diff'
           ELSE 'matched' END,
      matched_by, g_dqty, g_rqty, g_damount, g_ramount, amount, CASE WHEN matched_by IS NULL THEN 0 ELSE line_received END, price, r_price,
      expected_price, CASE WHEN expected_price IS NOT NULL AND price <> expected_price THEN 1 ELSE 0 END, docs,
      CASE WHEN matched_by IS NULL THEN CAST(julianday(@asOf) - julianday(date) AS INTEGER) END,
      CASE WHEN matched_by IS NULL AND po IS NULL THEN ${reasonSql('match.no-receipt-no-order', { window: 'CAST(@window AS INTEGER)' })}
           WHEN matched_by IS NULL THEN ${reasonSql('match.no-receipt', { order: 'po', window: 'CAST(@window AS INTEGER)' })}
           WHEN g_rqty < g_dqty THEN ${reasonSql('match.short', { received: 'g_rqty', delivered: 'g_dqty' })}
           WHEN g_rqty > g_dqty THEN ${reasonSql('match.over', { received: 'g_rqty', delivered: 'g_dqty' })}
           WHEN abs(g_damount - g_ramount) > @tol THEN ${reasonSql('match.price-received', { received: 'r_price', delivered: 'price' })}
           WHEN expected_price IS NOT NULL AND price <> expected_price THEN ${reasonSql('match.price-contract', { delivered: 'price', contract: 'expected_price' })}
           WHEN matched_by = 'order' THEN ${reasonSql('match.by-order')}
           ELSE ${reasonSql('match.by-nearest')} END
    FROM rc_dres`);

  // Receipt lines of the period: matched, or unexpected (no delivery anywhere for them).
  run(`DELETE FROM recon_receipt_lines WHERE line_id IN (SELECT r.line_id FROM rc_r r WHERE r.period BETWEEN @fromPeriod AND @toPeriod AND (@ka IS NULL OR r.ka = @ka))`);
  run(`INSERT INTO recon_receipt_lines (line_id, period, ka_account_id, status, matched_by, reason)
    SELECT r.line_id, r.period, r.ka,
      CASE WHEN dg.ka IS NOT NULL OR m.hit IS NOT NULL THEN 'matched' ELSE 'unexpected' END,
      CASE WHEN dg.ka IS NOT NULL THEN 'order' WHEN m.hit IS NOT NULL THEN 'nearest' END,
      CASE WHEN dg.ka IS NOT NULL THEN ${reasonSql('match.receipt-by-order', { order: 'r.po' })}
           WHEN m.hit IS NOT NULL THEN ${reasonSql('match.by-nearest')}
           WHEN r.po IS NULL THEN ${reasonSql('match.unexpected-no-order', { window: 'CAST(@window AS INTEGER)' })}
           ELSE ${reasonSql('match.unexpected', { order: 'r.po', window: 'CAST(@window AS INTEGER)' })} END
    FROM rc_r r
      LEFT JOIN rc_dg dg ON dg.ka = r.ka AND dg.store = r.store AND dg.po = r.po AND dg.product = r.product
      LEFT JOIN (SELECT DISTINCT rr.line_id AS hit FROM rc_pairs p JOIN rc_p2r rr ON rr.doc_id = p.rdoc
                   JOIN rc_p2d dd ON dd.doc_id = p.ddoc AND dd.product = rr.product) m ON m.hit = r.line_id
    WHERE r.period BETWEEN @fromPeriod AND @toPeriod AND (@ka IS NULL OR r.ka = @ka)`);

  for (const t of TEMP_TABLES) db.exec(`DROP TABLE IF EXISTS temp.${t}`);
}
