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
const reasonSql = (code: string, params: Record<string, string> = {}) => Object.keys(params).length === 0
  // A reason without figures is the same text on every line: written as that text, not built line by line.
  ? `'${JSON.stringify({ code, params: {} })}'`
  : `json_object('code', '${code}', 'params', json_object(${Object.entries(params).map(([k, v]) => `'${k}', ${v}`).join(', ')}))`;

const DELIVERY_RESULT_COLUMNS = ['line_id', 'period', 'ka_account_id', 'store_id', 'product_id', 'order_no', 'delivery_date', 'status',
  'matched_by', 'delivered_qty', 'received_qty', 'delivered_fen', 'received_fen', 'line_delivered_fen', 'line_received_fen',
  'delivered_price_e4', 'received_price_e4', 'list_price_e4', 'off_list', 'receipt_doc_nos', 'days_outstanding', 'reason'];
const RECEIPT_RESULT_COLUMNS = ['line_id', 'period', 'ka_account_id', 'status', 'matched_by', 'reason'];

/**
 * Writes the results of the run (the CTE `source`, columned as the table) where a line has none or its result
 * differs, compared column by column (IS NOT: NULLs compare). The comparison is made while reading, against the stored
 * row found by line id, so a line whose result stands is passed over before anything is written for it (SQLite
 * collects the rows to write first, as the statement reads the table it writes); the upsert's own test, on the values
 * as the table would store them, stays the final word on what is rewritten. A re-run of a settled month then costs
 * the reads and the comparisons, not an attempted insert per line.
 */
function writeChanged(table: string, columns: string[], source: string, fresh: boolean): string {
  if (fresh) return writeFresh(table, columns, source);
  const rest = columns.filter((c) => c !== 'line_id');
  return `INSERT INTO ${table} (${columns.join(', ')}) SELECT ${columns.map((c) => `s.${c}`).join(', ')}
    FROM ${source} s LEFT JOIN ${table} o ON o.line_id = s.line_id
    WHERE o.line_id IS NULL OR ${rest.map((c) => `o.${c} IS NOT s.${c}`).join(' OR ')}
    ON CONFLICT(line_id) DO UPDATE SET ${rest.map((c) => `${c} = excluded.${c}`).join(', ')}
    WHERE ${rest.map((c) => `${table}.${c} IS NOT excluded.${c}`).join(' OR ')}`;
}

/**
 * The first run of periods that hold no result yet (every month of a book being caught up, and each new month): a
 * plain INSERT, with no stored row to compare with and nothing to upsert, so SQLite neither collects the rows first
 * nor tries a conflict per line. A result's period is its document's, which never changes, so no line of the run can
 * have a result when none is stored for the periods; were one there, the INSERT would fail on the primary key and
 * the run roll back, never write a second result.
 */
function writeFresh(table: string, columns: string[], source: string): string {
  return `INSERT INTO ${table} (${columns.join(', ')}) SELECT ${columns.join(', ')} FROM ${source}`;
}

/** Whether the table holds no result of the run's periods, of any KA (read on its index by period). */
export function periodsHaveNoResults(book: Book, table: 'recon_delivery_lines' | 'recon_receipt_lines', p: MatchParams): boolean {
  return book.db.prepare(`SELECT 1 FROM ${table} WHERE period BETWEEN ? AND ? LIMIT 1`).get(p.fromPeriod, p.toPeriod) === undefined;
}

const TEMP_TABLES = ['rc_far', 'rc_d', 'rc_r', 'rc_dg', 'rc_rg', 'rc_p2d', 'rc_p2r', 'rc_pairs', 'rc_p2m', 'rc_promo', 'rc_lp', 'rc_gs'];

const live = `d.reverses_id IS NULL AND NOT EXISTS (SELECT 1 FROM documents x WHERE x.reverses_id = d.id)`;
const kaFilter = '(@ka IS NULL OR d.ka_account_id = @ka)';
const lineCols = `l.id AS line_id, d.id AS doc_id, d.doc_no, d.doc_date AS date, d.period, d.ka_account_id AS ka,
    coalesce(l.store_id, d.store_id) AS store, coalesce(l.order_no, d.order_no) AS po, l.product_id AS product,
    l.qty_milli AS qty, l.price_e4 AS price, l.amount_fen AS amount, l.order_no AS lpo`;
/**
 * The documents of the periods, found through documents_by_period. The unary + on kind keeps the planner from
 * choosing documents_by_kind_date for the equality on kind, which walks every delivery and receipt of the book.
 */
const inPeriods = `d.period BETWEEN @fromPeriod AND @toPeriod AND +d.kind IN ('delivery', 'receipt')`;
/** The dates a line can pair by: the periods, widened by the window on both sides. */
const nearFrom = `date(@from, '-' || @window || ' days')`;
const nearTo = `date(@to, '+1 month', '-1 day', '+' || @window || ' days')`;
const near = `d.doc_date BETWEEN ${nearFrom} AND ${nearTo}`;

/**
 * One side's lines dated in the periods or near enough to them to pair by date, from the date range of
 * documents_by_kind_date (never every document of the kind, which made a month's run grow with the book's age).
 * Each side is read once: the order keys are then taken from these lines, and only the lines under those keys
 * dated further away are read afterwards (farLinesSql). The documents are taken in id order (their ids sorted, a
 * few thousand; LIMIT keeps SQLite from dropping that ORDER BY), so their lines come in line order, as a document's
 * lines are stored with it: rc_d and rc_r, keyed by line id, are then written at their end rather than all over
 * their B-tree (in date order the writes cost about twice the read itself).
 */
export function nearLinesSql(kind: 'delivery' | 'receipt'): string {
  return `SELECT ${lineCols} FROM (SELECT d.id FROM documents d WHERE d.kind = '${kind}' AND ${kaFilter} AND ${near} ORDER BY d.id LIMIT -1) dd
      CROSS JOIN documents d ON d.id = dd.id CROSS JOIN document_lines l ON l.document_id = d.id
      WHERE ${live}`;
}

/**
 * The order keys of the periods' deliveries and receipts: those of the lines read above that are dated in the
 * periods (the line's own order number, as the far lines are looked up by it; where it is there, it is the line's po).
 * A key with a NULL part joins no line (the reads compare every part with =), so it is left out. Each side's keys are
 * read from its index (rc_d_k, rc_r_k) in key order and the two merged (UNION with the ORDER BY of both indexes), so
 * they come out distinct with nothing written or sorted.
 */
export const periodKeysSql = `${['rc_d', 'rc_r'].map((t) => `SELECT po, product, ka, store FROM ${t}
    WHERE period BETWEEN @fromPeriod AND @toPeriod AND lpo IS NOT NULL AND ka IS NOT NULL AND store IS NOT NULL AND product IS NOT NULL`).join(' UNION ')}
    ORDER BY po, product, ka, store`;

/**
 * The lines of both kinds under one of those keys dated away from the periods (a delivery of an earlier month
 * received in this one, …), in one pass over the keys. CROSS JOIN fixes the order: the keys, then
 * document_lines_by_order, then the document by id. A line already read (near) is passed over on the index entry
 * alone, before its row is read; the date test then keeps exactly the far ones.
 */
export const farLinesSql = `SELECT ${lineCols}, d.kind FROM (${periodKeysSql}) k CROSS JOIN document_lines l ON l.order_no = k.po AND l.product_id = k.product
      CROSS JOIN documents d ON d.id = l.document_id
    WHERE l.id NOT IN (SELECT line_id FROM rc_d) AND l.id NOT IN (SELECT line_id FROM rc_r)
      AND d.kind IN ('delivery', 'receipt') AND d.ka_account_id = k.ka AND coalesce(l.store_id, d.store_id) = k.store AND ${live} AND NOT (${near})`;

/**
 * The same far lines found from the other end, for a run whose periods cover (nearly) the whole book, as a year's
 * catch-up does: every delivery and receipt line with its own order number dated away from the periods (the documents
 * of both kinds read on documents_by_kind_date, few of them away), kept where one of the periods' lines (near, in the
 * periods, with its own order number) has its key — probed on rc_d_k / rc_r_k (the unary + takes the book columns' affinity off the
 * values, as the temporary tables' columns have none, so the probe can use the whole key; the values are the same).
 * A line is under exactly one key, so either end finds each far line once.
 */
export const farLinesFromOutsideSql = `SELECT ${lineCols}, d.kind FROM documents d CROSS JOIN document_lines l ON l.document_id = d.id
    WHERE d.kind IN ('delivery', 'receipt') AND ${kaFilter} AND NOT (${near}) AND ${live} AND l.order_no IS NOT NULL
      AND (${['rc_d', 'rc_r'].map((t) => `EXISTS (SELECT 1 FROM ${t} x WHERE x.po = +l.order_no AND x.product = +l.product_id AND x.ka = +d.ka_account_id
        AND x.store = +coalesce(l.store_id, d.store_id) AND x.period BETWEEN @fromPeriod AND @toPeriod AND x.lpo IS NOT NULL)`).join(' OR ')})`;

/**
 * Which end the far lines are read from: from the keys (a probe of document_lines_by_order per key, about as many as
 * the near lines) unless fewer documents are dated away from the periods than near them — a year's run in a book of a
 * year. Counted on documents_by_kind_date's ranges alone (every KA: an estimate, not a filter).
 */
export function farLinesFromOutside(book: Book, params: ReturnType<typeof matchSqlParams>): boolean {
  const count = (where: string) => (book.db.prepare(`SELECT count(*) AS n FROM documents d WHERE d.kind IN ('delivery', 'receipt') AND ${where}`)
    .get(params) as { n: number }).n;
  return count(`d.doc_date < ${nearFrom}`) + count(`d.doc_date > ${nearTo}`) < count(near);
}

/**
 * The columns of rc_d and rc_r (lpo: the line's own order number, which the keys are taken from). line_id is the
 * rowid, so the tables are read in line order whatever order their parts were written in (group_concat lists
 * receipt numbers in that order), and the parts need no de-duplicating: the near lines are those dated near the
 * periods, the far ones are those that are not.
 */
const SIDE_COLUMNS = 'line_id INTEGER PRIMARY KEY, doc_id, doc_no, date, period, ka, store, po, product, qty, price, amount, lpo';

/**
 * What the groups of each side read besides the key: the side indexes carry them, so building the groups (and the
 * delivery groups' shares) reads the index alone, never the table row by row. line_id comes first so a key's lines
 * stay in line order in the index (group_concat lists receipt numbers in that order).
 */
const DELIVERY_GROUP_COLUMNS = 'line_id, period, qty, amount, lpo';
const RECEIPT_GROUP_COLUMNS = 'line_id, qty, amount, price, doc_no, period, lpo';

/**
 * The side indexes: the key, then what the groups read, then what the keys of the far lines are chosen by. The key is
 * ordered as document_lines_by_order is (order number, product, then KA and store), as are the group tables: the keys
 * then look the far lines up in that index's order, and every table built from these indexes is written at its end.
 */
export const SIDE_INDEXES_SQL = `CREATE INDEX temp.rc_d_k ON rc_d(po, product, ka, store, ${DELIVERY_GROUP_COLUMNS});
  CREATE INDEX temp.rc_r_k ON rc_r(po, product, ka, store, ${RECEIPT_GROUP_COLUMNS})`;

/** The named parameters of every statement of a match run. */
export function matchSqlParams(p: MatchParams) {
  return { fromPeriod: p.fromPeriod, toPeriod: p.toPeriod, ka: p.kaAccountId, window: p.windowDays, tol: p.toleranceFen, asOf: p.asOf,
    from: `${p.fromPeriod}-01`, to: `${p.toPeriod}-01` };
}

export function matchDeliveries(book: Book, p: MatchParams): void {
  const db = book.db;
  const params = matchSqlParams(p);
  const run = (sql: string) => db.prepare(sql).run(params);

  for (const t of TEMP_TABLES) db.exec(`DROP TABLE IF EXISTS temp.${t}`);

  // Lines of documents no longer in force (reversed, or reversals) have no result: a reversed receipt matches nothing.
  const gone = `line_id IN (SELECT l.id FROM documents d CROSS JOIN document_lines l ON l.document_id = d.id
    WHERE ${inPeriods} AND ${kaFilter} AND NOT (${live}))`;
  run(`DELETE FROM recon_delivery_lines WHERE ${gone}`);
  run(`DELETE FROM recon_receipt_lines WHERE ${gone}`);
  const freshDeliveries = periodsHaveNoResults(book, 'recon_delivery_lines', p);
  const freshReceipts = periodsHaveNoResults(book, 'recon_receipt_lines', p);

  // Each side's lines near the periods, indexed; then the far lines under the periods' order keys (few: written to
  // the tables and their indexes as they stand).
  db.exec(`CREATE TEMP TABLE rc_d (${SIDE_COLUMNS}); CREATE TEMP TABLE rc_r (${SIDE_COLUMNS})`);
  run(`INSERT INTO rc_d ${nearLinesSql('delivery')}`);
  run(`INSERT INTO rc_r ${nearLinesSql('receipt')}`);
  db.exec(SIDE_INDEXES_SQL);
  run(`CREATE TEMP TABLE rc_far AS ${farLinesFromOutside(book, params) ? farLinesFromOutsideSql : farLinesSql}`);
  const sideCols = SIDE_COLUMNS.replace(' INTEGER PRIMARY KEY', '');
  for (const [table, kind] of [['rc_d', 'delivery'], ['rc_r', 'receipt']] as const) run(`INSERT INTO ${table} SELECT ${sideCols} FROM rc_far WHERE kind = '${kind}'`);

  // Pass 1: groups by order key.
  // Each group table is keyed by the order key and filled in that order (the GROUP BY reads rc_d_k / rc_r_k), so it is
  // written as it is sorted, with no index built afterwards. A group with a NULL part is found by no join (all compare
  // with =) and is left out.
  // A delivery group also names its last line of the periods and how many of its lines are in them (rounding is left
  // to that last line; see rc_gs).
  const inRun = 'period BETWEEN @fromPeriod AND @toPeriod AND (@ka IS NULL OR ka = @ka)';
  const dPeriods = 'd.period BETWEEN @fromPeriod AND @toPeriod AND (@ka IS NULL OR d.ka = @ka)';
  db.exec(`CREATE TEMP TABLE rc_dg (ka, store, po, product, qty, amount, n, last, PRIMARY KEY (po, product, ka, store)) WITHOUT ROWID;
    CREATE TEMP TABLE rc_rg (ka, store, po, product, qty, amount, price, docs, PRIMARY KEY (po, product, ka, store)) WITHOUT ROWID`);
  const known = 'po IS NOT NULL AND ka IS NOT NULL AND store IS NOT NULL AND product IS NOT NULL';
  run(`INSERT INTO rc_dg SELECT ka, store, po, product, sum(qty), sum(amount), count(CASE WHEN ${inRun} THEN 1 END),
      max(CASE WHEN ${inRun} THEN line_id END)
    FROM rc_d WHERE ${known} GROUP BY po, product, ka, store`);
  run(`INSERT INTO rc_rg SELECT ka, store, po, product, sum(qty), sum(amount), min(price), group_concat(DISTINCT doc_no)
    FROM rc_r WHERE ${known} GROUP BY po, product, ka, store`);

  // Pass 2: what pass 1 left, paired document to document by store, products in common and nearest date.
  // A side's leftovers are its lines in no group of the other side: the lines of its groups whose key the other side
  // lacks (the two group tables compared in key order, EXCEPT merging them, then the lines found through the side
  // index), and its lines with a part of the key unknown. Taken by line id, in line order, as if each line were probed.
  const leftovers = (side: 'rc_d' | 'rc_r', own: 'rc_dg' | 'rc_rg', other: 'rc_dg' | 'rc_rg') => `SELECT s.* FROM ${side} s WHERE s.line_id IN (
      SELECT x.line_id FROM (SELECT po, product, ka, store FROM ${own} EXCEPT SELECT po, product, ka, store FROM ${other}) g
        CROSS JOIN ${side} x ON x.ka = g.ka AND x.store = g.store AND x.po = g.po AND x.product = g.product
      UNION ALL SELECT line_id FROM ${side} WHERE NOT (${known}))`;
  run(`CREATE TEMP TABLE rc_p2d AS ${leftovers('rc_d', 'rc_dg', 'rc_rg')}`);
  run(`CREATE TEMP TABLE rc_p2r AS ${leftovers('rc_r', 'rc_rg', 'rc_dg')}`);
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

  // The prices of each delivery line of the periods, one row a line: its contract price — the list of its store's
  // region before the national one, the latest start first, valid on the delivery date (prices' unique index of KA,
  // product, region and start read backwards from the date, stopping at the first list that covers it; a KA's lists of
  // one product and region never overlap); none where the store is unknown — and whether it was delivered at a
  // promotion price of its KA, product (and store) on its date.
  const listPrice = (region: string) => `(SELECT pl.price_e4 FROM prices pl WHERE pl.ka_account_id = d.ka AND pl.product_id = d.product
      AND pl.valid_from <= d.date AND pl.valid_to >= d.date AND pl.region = ${region} ORDER BY pl.valid_from DESC LIMIT 1)`;
  db.exec('CREATE TEMP TABLE rc_lp (line_id INTEGER PRIMARY KEY, price, promo)');
  run(`INSERT INTO rc_lp SELECT d.line_id, CASE WHEN s.id IS NOT NULL THEN coalesce(${listPrice('s.region')}, ${listPrice("''")}) END,
      EXISTS (SELECT 1 FROM rc_promo pm WHERE pm.ka = d.ka AND pm.product = d.product AND pm.price = d.price
        AND d.date BETWEEN pm.start_date AND pm.end_date AND (pm.store IS NULL OR pm.store = d.store))
    FROM rc_d d LEFT JOIN stores s ON s.id = d.store WHERE ${dPeriods}`);

  // What rounding leaves to a group's last line: the sum of its lines' shares of the periods (the group's received
  // amount apportioned by delivered amount, half up), needed only where a group has more than one line in the periods
  // (a group's only line takes what was received whole, as does a line without an order group).
  db.exec('CREATE TEMP TABLE rc_gs (ka, store, po, product, shares, PRIMARY KEY (po, product, ka, store)) WITHOUT ROWID');
  run(`INSERT INTO rc_gs SELECT dg.ka, dg.store, dg.po, dg.product,
      sum(CASE WHEN dg.amount = 0 THEN 0 ELSE (rg.amount * d.amount * 2 + dg.amount) / (2 * dg.amount) END)
    FROM rc_dg dg CROSS JOIN rc_rg rg ON rg.ka = dg.ka AND rg.store = dg.store AND rg.po = dg.po AND rg.product = dg.product
      CROSS JOIN rc_d d ON d.ka = dg.ka AND d.store = dg.store AND d.po = dg.po AND d.product = dg.product
    WHERE dg.n > 1 AND ${dPeriods} GROUP BY dg.po, dg.product, dg.ka, dg.store`);

  // The status of each delivery line of the periods, read in line order (so the results' upsert walks its primary
  // key in order).
  const dres = `WITH lines AS (
      SELECT d.*,
        CASE WHEN rg.ka IS NOT NULL THEN 'order' WHEN m.dline IS NOT NULL THEN 'nearest' END AS matched_by,
        CASE WHEN rg.ka IS NOT NULL THEN dg.qty ELSE d.qty END AS g_dqty,
        CASE WHEN rg.ka IS NOT NULL THEN dg.amount ELSE d.amount END AS g_damount,
        coalesce(rg.qty, m.qty, 0) AS g_rqty, coalesce(rg.amount, m.amount, 0) AS g_ramount,
        coalesce(rg.price, m.price) AS r_price, coalesce(rg.docs, m.docs) AS docs,
        dg.last AS g_last, gs.shares AS g_shares,
        CASE WHEN lp.promo THEN d.price END AS promo_price,
        lp.price AS list_price
      FROM rc_d d
        LEFT JOIN rc_dg dg ON dg.ka = d.ka AND dg.store = d.store AND dg.po = d.po AND dg.product = d.product
        LEFT JOIN rc_rg rg ON rg.ka = d.ka AND rg.store = d.store AND rg.po = d.po AND rg.product = d.product
        -- each looked up only where it can hold the line: shares for a group of several lines with receipts, the nearest
        -- pair for a line without an order match
        LEFT JOIN rc_gs gs ON dg.n > 1 AND rg.ka IS NOT NULL AND gs.ka = d.ka AND gs.store = d.store AND gs.po = d.po AND gs.product = d.product
        LEFT JOIN rc_p2m m ON rg.ka IS NULL AND m.dline = d.line_id
        LEFT JOIN rc_lp lp ON lp.line_id = d.line_id
      WHERE ${dPeriods}),
    dres AS (
      SELECT lines.*,
        CASE WHEN matched_by IS NOT 'order' THEN g_ramount
          WHEN line_id = g_last THEN g_ramount - (coalesce(g_shares, share) - share)
          ELSE share END AS line_received,
        coalesce(promo_price, list_price) AS expected_price
      FROM (SELECT lines.*, CASE WHEN g_damount = 0 THEN 0 ELSE (g_ramount * amount * 2 + g_damount) / (2 * g_damount) END AS share
        FROM lines) lines)`;

  // Results are written only where they changed: a re-run of a settled month rewrites nothing (no index or foreign
  // key work for the lines whose result stands), and the end state is that of replacing every result.
  run(`${dres}
, res (${DELIVERY_RESULT_COLUMNS.join(', ')}) AS (
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
    FROM dres)
    ${writeChanged('recon_delivery_lines', DELIVERY_RESULT_COLUMNS, 'res', freshDeliveries)}`);

  // Receipt lines of the period: matched, or unexpected (no delivery anywhere for them).
  run(`WITH res (${RECEIPT_RESULT_COLUMNS.join(', ')}) AS (
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
                   JOIN rc_p2d dd ON dd.doc_id = p.ddoc AND dd.product = rr.product) m ON dg.ka IS NULL AND m.hit = r.line_id
    WHERE r.period BETWEEN @fromPeriod AND @toPeriod AND (@ka IS NULL OR r.ka = @ka)
    )
    ${writeChanged('recon_receipt_lines', RECEIPT_RESULT_COLUMNS, 'res', freshReceipts)}`);

  for (const t of TEMP_TABLES) db.exec(`DROP TABLE IF EXISTS temp.${t}`);
}
