-- The ledger: documents with their lines, the balanced entries they post, open items and clearings (核销),
-- and the months (periods) that lock them. Balances are always sums of entries, never stored totals.

-- 会计期间: one row per month. 'closed' locks every row dated in it (see the triggers below).
CREATE TABLE periods (
  period     TEXT PRIMARY KEY CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
  status     TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'prepared', 'reviewed', 'closed')),
  changed_at TEXT,
  changed_by TEXT
) STRICT;

-- The chart of accounts the postings use. Debits are positive amounts, credits negative.
CREATE TABLE accounts (
  code     TEXT PRIMARY KEY,
  name_zh  TEXT NOT NULL,
  name_en  TEXT NOT NULL,
  kind     TEXT NOT NULL CHECK (kind IN ('asset', 'liability', 'income', 'expense'))
) STRICT;
INSERT INTO accounts (code, name_zh, name_en, kind) VALUES
  ('ar_ka',             '应收账款-KA',        'receivable from KA accounts',                  'asset'),
  ('ar_manufacturer',   '应收账款-厂家代收货款', 'receivable from manufacturer (central settlement)', 'asset'),
  ('bank',              '银行存款',           'bank',                                         'asset'),
  ('goods_credit',      '库存商品-厂家货补',    'goods received as manufacturer credit',         'asset'),
  ('ap_manufacturer',   '应付账款-厂家',       'payable to manufacturer',                       'liability'),
  ('deductions_pending','待分摊KA扣费',        'KA deductions awaiting classification',         'asset'),
  ('claims_manufacturer','其他应收款-厂家费用', 'fee claims and subsidies due from manufacturer', 'asset'),
  ('rebate_payable_ka', '应付返利-KA',         'rebate payable to KA accounts',                 'liability'),
  ('sales',             '主营业务收入-KA',      'sales to KA accounts',                          'income'),
  ('sales_returns',     '销售退回-KA',         'returns from KA accounts',                      'income'),
  ('manufacturer_income','厂家补贴收入',        'rebates and subsidies from manufacturer',       'income'),
  ('fee_expense',       '销售费用-KA费用',      'KA fees borne by the distributor',              'expense'),
  ('rebate_expense',    '销售费用-返利',        'rebates granted to KA accounts',                'expense'),
  ('adjustment',        '调整',               'adjustments',                                   'expense');

-- A batch is one write of many documents: an imported file, a demo build, an accrual run.
CREATE TABLE batches (
  id           INTEGER PRIMARY KEY,
  kind         TEXT NOT NULL,
  description  TEXT NOT NULL,
  file_name    TEXT,
  file_sha256  TEXT,
  created_by   TEXT NOT NULL,
  created_at   TEXT NOT NULL
) STRICT;

-- Every document has a stable natural key (e.g. 'RTM|YS0903A021' for a receiving record), unique per kind,
-- so a re-import is recognised and never doubled; content_hash tells a changed re-import from the same one.
CREATE TABLE documents (
  id               INTEGER PRIMARY KEY,
  kind             TEXT NOT NULL CHECK (kind IN (
                     'delivery',              -- 送货单
                     'receipt',               -- 验收单
                     'return',                -- 退货单
                     'statement',             -- KA 对账单
                     'deduction',             -- 扣款单 (账扣 / 票扣)
                     'remittance',            -- 付款单/结算单
                     'fee_claim',             -- 费用转移申请
                     'manufacturer_credit',   -- 厂家核销 (cash / 货补 / 票折)
                     'rebate_accrual',        -- 返利计提
                     'delivery_cost_claim',   -- 配送费补贴申请
                     'price_protection_claim',-- 补差申请
                     'adjustment')),          -- 调整
  natural_key      TEXT NOT NULL,
  doc_no           TEXT NOT NULL,
  doc_date         TEXT NOT NULL,
  period           TEXT NOT NULL REFERENCES periods(period),
  manufacturer_id  INTEGER REFERENCES manufacturers(id),
  distributor_id   INTEGER REFERENCES distributors(id),
  ka_account_id    INTEGER REFERENCES ka_accounts(id),
  store_id         INTEGER REFERENCES stores(id),
  order_no         TEXT,
  reference        TEXT,
  method           TEXT,
  due_date         TEXT,
  total_fen        INTEGER NOT NULL,
  status           TEXT NOT NULL DEFAULT 'posted',
  content_hash     TEXT NOT NULL,
  reverses_id      INTEGER REFERENCES documents(id),
  batch_id         INTEGER REFERENCES batches(id),
  source_file      TEXT,
  source_row       INTEGER,
  memo             TEXT,
  created_by       TEXT NOT NULL,
  created_at       TEXT NOT NULL,
  CHECK (period = substr(doc_date, 1, 7)),
  UNIQUE (kind, natural_key)
) STRICT;
CREATE INDEX documents_by_period ON documents(period, kind);
CREATE INDEX documents_by_ka ON documents(ka_account_id, kind, doc_date);
CREATE INDEX documents_by_distributor ON documents(distributor_id, kind, doc_date);

-- Lines of every kind share one table: product lines carry quantity (thousandths) and price (1/10,000
-- yuan); fee lines carry the fee type and the KA's own wording; reference lines name what they pay.
CREATE TABLE document_lines (
  id           INTEGER PRIMARY KEY,
  document_id  INTEGER NOT NULL REFERENCES documents(id),
  line_no      INTEGER NOT NULL,
  store_id     INTEGER REFERENCES stores(id),
  product_id   INTEGER REFERENCES products(id),
  order_no     TEXT,
  qty_milli    INTEGER,
  price_e4     INTEGER,
  amount_fen   INTEGER NOT NULL,
  fee_type     TEXT REFERENCES fee_types(code),
  fee_text     TEXT,
  reference    TEXT,
  memo         TEXT,
  UNIQUE (document_id, line_no)
) STRICT;
CREATE INDEX document_lines_by_product ON document_lines(product_id);

-- Journal entries: each document's entries sum to zero (checked on posting and by `ka-settle check`).
CREATE TABLE entries (
  id               INTEGER PRIMARY KEY,
  document_id      INTEGER NOT NULL REFERENCES documents(id),
  line_no          INTEGER NOT NULL,
  period           TEXT NOT NULL REFERENCES periods(period),
  entry_date       TEXT NOT NULL,
  account          TEXT NOT NULL REFERENCES accounts(code),
  manufacturer_id  INTEGER REFERENCES manufacturers(id),
  distributor_id   INTEGER REFERENCES distributors(id),
  ka_account_id    INTEGER REFERENCES ka_accounts(id),
  store_id         INTEGER REFERENCES stores(id),
  amount_fen       INTEGER NOT NULL,
  UNIQUE (document_id, line_no)
) STRICT;
CREATE INDEX entries_by_account ON entries(account, period);
CREATE INDEX entries_by_ka ON entries(ka_account_id, account);

-- Open items: receivables, deductions, claims and cash waiting to be cleared. Amount is signed like the
-- entry it mirrors; what is still open is the amount plus the clearing parts that touched it.
CREATE TABLE open_items (
  id               INTEGER PRIMARY KEY,
  document_id      INTEGER NOT NULL REFERENCES documents(id),
  account          TEXT NOT NULL REFERENCES accounts(code),
  manufacturer_id  INTEGER REFERENCES manufacturers(id),
  distributor_id   INTEGER REFERENCES distributors(id),
  ka_account_id    INTEGER REFERENCES ka_accounts(id),
  store_id         INTEGER REFERENCES stores(id),
  doc_date         TEXT NOT NULL,
  due_date         TEXT,
  amount_fen       INTEGER NOT NULL,
  UNIQUE (document_id, account)
) STRICT;
CREATE INDEX open_items_by_party ON open_items(account, ka_account_id, due_date);

-- 核销: a clearing links amounts of open items that settle each other; its parts sum to exactly zero.
-- A clearing is never edited: it is reversed by a clearing with the opposite parts.
CREATE TABLE clearings (
  id             INTEGER PRIMARY KEY,
  clearing_date  TEXT NOT NULL,
  period         TEXT NOT NULL REFERENCES periods(period),
  document_id    INTEGER REFERENCES documents(id),
  reverses_id    INTEGER UNIQUE REFERENCES clearings(id),
  memo           TEXT,
  created_by     TEXT NOT NULL,
  created_at     TEXT NOT NULL,
  CHECK (period = substr(clearing_date, 1, 7))
) STRICT;

CREATE TABLE clearing_parts (
  id            INTEGER PRIMARY KEY,
  clearing_id   INTEGER NOT NULL REFERENCES clearings(id),
  open_item_id  INTEGER NOT NULL REFERENCES open_items(id),
  amount_fen    INTEGER NOT NULL,
  UNIQUE (clearing_id, open_item_id)
) STRICT;
CREATE INDEX clearing_parts_by_item ON clearing_parts(open_item_id);

-- The period lock. These triggers refuse every write dated in a closed period, whatever path it comes by
-- (command line, window, import), so the lock cannot be forgotten by a new feature.
CREATE TRIGGER documents_lock_insert BEFORE INSERT ON documents
WHEN (SELECT status FROM periods WHERE period = NEW.period) = 'closed'
BEGIN SELECT RAISE(ABORT, 'period-closed:' || NEW.period); END;

CREATE TRIGGER documents_lock_update BEFORE UPDATE ON documents
WHEN (SELECT status FROM periods WHERE period = OLD.period) = 'closed'
BEGIN SELECT RAISE(ABORT, 'period-closed:' || OLD.period); END;

-- What a document says about money never changes once posted: corrections are reversing documents.
CREATE TRIGGER documents_immutable BEFORE UPDATE OF kind, natural_key, doc_no, doc_date, period,
  manufacturer_id, distributor_id, ka_account_id, store_id, total_fen, content_hash ON documents
BEGIN SELECT RAISE(ABORT, 'immutable:documents'); END;

CREATE TRIGGER documents_no_delete BEFORE DELETE ON documents
BEGIN SELECT RAISE(ABORT, 'immutable:documents'); END;

CREATE TRIGGER document_lines_lock_insert BEFORE INSERT ON document_lines
WHEN (SELECT p.status FROM documents d JOIN periods p ON p.period = d.period WHERE d.id = NEW.document_id) = 'closed'
BEGIN SELECT RAISE(ABORT, 'period-closed:' || (SELECT period FROM documents WHERE id = NEW.document_id)); END;

CREATE TRIGGER document_lines_no_update BEFORE UPDATE ON document_lines
BEGIN SELECT RAISE(ABORT, 'immutable:document_lines'); END;

CREATE TRIGGER document_lines_no_delete BEFORE DELETE ON document_lines
BEGIN SELECT RAISE(ABORT, 'immutable:document_lines'); END;

CREATE TRIGGER entries_lock_insert BEFORE INSERT ON entries
WHEN (SELECT status FROM periods WHERE period = NEW.period) = 'closed'
BEGIN SELECT RAISE(ABORT, 'period-closed:' || NEW.period); END;

CREATE TRIGGER entries_no_update BEFORE UPDATE ON entries
BEGIN SELECT RAISE(ABORT, 'immutable:entries'); END;

CREATE TRIGGER entries_no_delete BEFORE DELETE ON entries
BEGIN SELECT RAISE(ABORT, 'immutable:entries'); END;

CREATE TRIGGER open_items_lock_insert BEFORE INSERT ON open_items
WHEN (SELECT p.status FROM documents d JOIN periods p ON p.period = d.period WHERE d.id = NEW.document_id) = 'closed'
BEGIN SELECT RAISE(ABORT, 'period-closed:' || (SELECT period FROM documents WHERE id = NEW.document_id)); END;

CREATE TRIGGER open_items_no_update BEFORE UPDATE ON open_items
BEGIN SELECT RAISE(ABORT, 'immutable:open_items'); END;

CREATE TRIGGER open_items_no_delete BEFORE DELETE ON open_items
BEGIN SELECT RAISE(ABORT, 'immutable:open_items'); END;

CREATE TRIGGER clearings_lock_insert BEFORE INSERT ON clearings
WHEN (SELECT status FROM periods WHERE period = NEW.period) = 'closed'
BEGIN SELECT RAISE(ABORT, 'period-closed:' || NEW.period); END;

CREATE TRIGGER clearings_no_update BEFORE UPDATE ON clearings
BEGIN SELECT RAISE(ABORT, 'immutable:clearings'); END;

CREATE TRIGGER clearings_no_delete BEFORE DELETE ON clearings
BEGIN SELECT RAISE(ABORT, 'immutable:clearings'); END;

CREATE TRIGGER clearing_parts_lock_insert BEFORE INSERT ON clearing_parts
WHEN (SELECT p.status FROM clearings c JOIN periods p ON p.period = c.period WHERE c.id = NEW.clearing_id) = 'closed'
BEGIN SELECT RAISE(ABORT, 'period-closed:' || (SELECT period FROM clearings WHERE id = NEW.clearing_id)); END;

CREATE TRIGGER clearing_parts_no_update BEFORE UPDATE ON clearing_parts
BEGIN SELECT RAISE(ABORT, 'immutable:clearing_parts'); END;

CREATE TRIGGER clearing_parts_no_delete BEFORE DELETE ON clearing_parts
BEGIN SELECT RAISE(ABORT, 'immutable:clearing_parts'); END;
