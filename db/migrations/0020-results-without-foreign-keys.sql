-- Speed (issue 18): reconciliation results are stored without foreign keys.
--
-- A result is written only by a reconcile run (db/queries/reconcile-deliveries.ts), from the lines it has just read:
-- its line, KA, store and product are copied from that line and its document, whose own foreign keys hold them, and
-- lines are never deleted. The results' four foreign keys could therefore never fail, yet each of a month's 160,000
-- results paid for four look-ups, the line's among the million-row document_lines: a month's first run took 3.37–3.78 s
-- of CPU with them and 3.07–3.22 s without (the large book, 2026-06, four rounds each, alternated). SQLite cannot drop a
-- foreign key in place, so the two tables are rebuilt with the same columns, checks, rows and indexes. Nothing refers
-- to them.
CREATE TABLE recon_delivery_lines_v2 (
  line_id            INTEGER PRIMARY KEY,
  period             TEXT NOT NULL,
  ka_account_id      INTEGER,
  store_id           INTEGER,
  product_id         INTEGER,
  order_no           TEXT,
  delivery_date      TEXT NOT NULL,
  status             TEXT NOT NULL CHECK (status IN ('matched', 'short', 'over', 'price_diff', 'receipt_missing')),
  -- 'order': by KA, store, order number and product; 'nearest': by store, product and nearest date in the window
  matched_by         TEXT CHECK (matched_by IN ('order', 'nearest')),
  -- the figures of the whole match group (a split or merged receipt makes one group of several lines)
  delivered_qty      INTEGER NOT NULL,
  received_qty       INTEGER NOT NULL,
  delivered_fen      INTEGER NOT NULL,
  received_fen       INTEGER NOT NULL,
  line_delivered_fen INTEGER NOT NULL,
  -- this line's share of what was received (its group's received amount apportioned by delivered amount)
  line_received_fen  INTEGER NOT NULL,
  delivered_price_e4 INTEGER,
  received_price_e4  INTEGER,
  -- the contract price list (or the promotion price the store took part in) valid on the delivery date
  list_price_e4      INTEGER,
  off_list           INTEGER NOT NULL DEFAULT 0 CHECK (off_list IN (0, 1)),
  receipt_doc_nos    TEXT,
  days_outstanding   INTEGER,
  reason             TEXT NOT NULL
) STRICT;
INSERT INTO recon_delivery_lines_v2 SELECT * FROM recon_delivery_lines;
DROP TABLE recon_delivery_lines;
ALTER TABLE recon_delivery_lines_v2 RENAME TO recon_delivery_lines;
CREATE INDEX recon_delivery_by_period ON recon_delivery_lines(period, status);
CREATE INDEX recon_delivery_by_ka ON recon_delivery_lines(ka_account_id, period);
CREATE INDEX recon_delivery_by_period_date ON recon_delivery_lines(period, delivery_date, line_id);
CREATE INDEX recon_delivery_unmatched ON recon_delivery_lines(period, delivery_date, line_id, line_delivered_fen, line_received_fen,
  status, ka_account_id, store_id, product_id)
  WHERE status <> 'matched';

CREATE TABLE recon_receipt_lines_v2 (
  line_id        INTEGER PRIMARY KEY,
  period         TEXT NOT NULL,
  ka_account_id  INTEGER,
  status         TEXT NOT NULL CHECK (status IN ('matched', 'unexpected')),
  matched_by     TEXT CHECK (matched_by IN ('order', 'nearest')),
  reason         TEXT NOT NULL
) STRICT;
INSERT INTO recon_receipt_lines_v2 SELECT * FROM recon_receipt_lines;
DROP TABLE recon_receipt_lines;
ALTER TABLE recon_receipt_lines_v2 RENAME TO recon_receipt_lines;
CREATE INDEX recon_receipt_by_period ON recon_receipt_lines(period, status);
