-- ka-settle: rebuilds-tables
-- VAT invoices (发票, DESIGN.md §6): issued (销项) and received (进项) invoices are documents of the book, with the
-- invoicing entities of the KA accounts they are made out to, their item lines, their status, their links to the
-- receipts, returns and deductions they cover, and due dates that start where the contract says.
--
-- The documents table is rebuilt only to widen its list of kinds (SQLite cannot change a CHECK in place); the
-- migration runner turns foreign keys off around this file and checks them before it commits, as SQLite's own
-- procedure for changing a table asks. Columns, keys, indexes and triggers are those of 0011 as 0012 and 0013 left them.
PRAGMA legacy_alter_table = ON;

DROP TRIGGER documents_lock_insert;
DROP TRIGGER documents_lock_update;
DROP TRIGGER documents_immutable;
DROP TRIGGER documents_no_delete;
DROP INDEX documents_by_period;
DROP INDEX documents_by_ka;
DROP INDEX documents_by_distributor;
DROP INDEX documents_by_batch;
DROP INDEX documents_one_reversal;
DROP TRIGGER documents_version_after_reversal;
DROP TRIGGER documents_reversal_mirrors;
DROP INDEX documents_by_kind_date;

CREATE TABLE documents_v2 (
  id               INTEGER PRIMARY KEY,
  kind             TEXT NOT NULL CHECK (kind IN (
                     'delivery', 'receipt', 'return', 'statement', 'deduction', 'remittance', 'fee_claim',
                     'manufacturer_credit', 'rebate_accrual', 'delivery_cost_claim', 'price_protection_claim',
                     'adjustment',
                     'invoice_issued',        -- 销项发票 (posts nothing)
                     'invoice_received')),    -- 进项发票 (posts nothing)
  -- the KA's (or ka-settle's) identity of the document; a reversal carries the original's key + '|reversal'
  natural_key      TEXT NOT NULL,
  -- 1 as first posted; n + 1 when version n was reversed and the document posted anew
  version          INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
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
  -- 红字: the document this one reverses (its entries are the original's, negated)
  reverses_id      INTEGER REFERENCES documents(id),
  batch_id         INTEGER REFERENCES batches(id),
  source_file      TEXT,
  source_row       INTEGER,
  memo             TEXT,
  created_by       TEXT NOT NULL,
  created_at       TEXT NOT NULL,
  CHECK (period = substr(doc_date, 1, 7)),
  UNIQUE (kind, natural_key, version)
) STRICT;

INSERT INTO documents_v2 (id, kind, natural_key, version, doc_no, doc_date, period, manufacturer_id, distributor_id,
    ka_account_id, store_id, order_no, reference, method, due_date, total_fen, status, content_hash, reverses_id,
    batch_id, source_file, source_row, memo, created_by, created_at)
  SELECT id, kind, natural_key, version, doc_no, doc_date, period, manufacturer_id, distributor_id, ka_account_id, store_id,
    order_no, reference, method, due_date, total_fen, status, content_hash, reverses_id, batch_id, source_file,
    source_row, memo, created_by, created_at
  FROM documents;

DROP TABLE documents;
ALTER TABLE documents_v2 RENAME TO documents;
PRAGMA legacy_alter_table = OFF;

CREATE INDEX documents_by_period ON documents(period, kind);
CREATE INDEX documents_by_ka ON documents(ka_account_id, kind, doc_date);
CREATE INDEX documents_by_distributor ON documents(distributor_id, kind, doc_date);
CREATE INDEX documents_by_kind_date ON documents(kind, doc_date);
CREATE INDEX documents_by_batch ON documents(batch_id);
-- A document is reversed at most once.
CREATE UNIQUE INDEX documents_one_reversal ON documents(reverses_id) WHERE reverses_id IS NOT NULL;

-- The period lock and immutability, as in 0011; the lock's message is a constant (SQLite 3.40 takes no expression
-- in RAISE), so the layers above name the period themselves.
CREATE TRIGGER documents_lock_insert BEFORE INSERT ON documents
WHEN (SELECT status FROM periods WHERE period = NEW.period) = 'closed'
BEGIN SELECT RAISE(ABORT, 'period-closed'); END;

CREATE TRIGGER documents_lock_update BEFORE UPDATE ON documents
WHEN (SELECT status FROM periods WHERE period = OLD.period) = 'closed'
BEGIN SELECT RAISE(ABORT, 'period-closed'); END;

CREATE TRIGGER documents_immutable BEFORE UPDATE OF kind, natural_key, version, doc_no, doc_date, period,
  manufacturer_id, distributor_id, ka_account_id, store_id, total_fen, content_hash, reverses_id ON documents
BEGIN SELECT RAISE(ABORT, 'immutable:documents'); END;

CREATE TRIGGER documents_no_delete BEFORE DELETE ON documents
BEGIN SELECT RAISE(ABORT, 'immutable:documents'); END;

-- One version of a key in force: version n + 1 may only be posted once version n has been reversed.
CREATE TRIGGER documents_version_after_reversal BEFORE INSERT ON documents
WHEN NEW.version > 1 AND NEW.reverses_id IS NULL AND NOT EXISTS (
  SELECT 1 FROM documents p JOIN documents r ON r.reverses_id = p.id
  WHERE p.kind = NEW.kind AND p.natural_key = NEW.natural_key AND p.version = NEW.version - 1)
BEGIN SELECT RAISE(ABORT, 'correction:version-in-force'); END;

-- A reversal is of the same kind, for exactly the opposite total, and is never itself reversed.
CREATE TRIGGER documents_reversal_mirrors BEFORE INSERT ON documents
WHEN NEW.reverses_id IS NOT NULL AND NOT EXISTS (
  SELECT 1 FROM documents o WHERE o.id = NEW.reverses_id AND o.reverses_id IS NULL AND o.kind = NEW.kind
    AND o.total_fen = -NEW.total_fen)
BEGIN SELECT RAISE(ABORT, 'correction:not-a-mirror'); END;

-- Months close in order (0013): nothing dated in a month before a closed one.
CREATE TRIGGER documents_before_closed_month BEFORE INSERT ON documents
WHEN EXISTS (SELECT 1 FROM periods WHERE period > NEW.period AND status = 'closed')
BEGIN SELECT RAISE(ABORT, 'period-closed-later'); END;

-- An invoice's remark names what it covers by the KA's numbers (验收单号, 退货单号, 对账单号): found by KA and number.
CREATE INDEX documents_by_ka_doc_no ON documents(ka_account_id, doc_no);

-- Tax ids (纳税人识别号, 统一社会信用代码) of the book's own companies: an invoice's seller or buyer is found by them.
ALTER TABLE distributors ADD COLUMN tax_id TEXT;
CREATE UNIQUE INDEX distributors_by_tax_id ON distributors(tax_id) WHERE tax_id IS NOT NULL;
ALTER TABLE manufacturers ADD COLUMN tax_id TEXT;
CREATE UNIQUE INDEX manufacturers_by_tax_id ON manufacturers(tax_id) WHERE tax_id IS NOT NULL;

-- 税收分类编码 (19 digits) and its short name (the 糕点 in *糕点*好丽友派), where known.
ALTER TABLE products ADD COLUMN tax_code TEXT;
ALTER TABLE products ADD COLUMN tax_category TEXT;

-- 开票信息: the legal entities a KA's invoices are made out to (购方名称, 纳税人识别号), one per region or one for all
-- ('' region). A store's invoices go to its region's entity, else to the KA's entity for every region.
CREATE TABLE ka_invoicing_entities (
  id              INTEGER PRIMARY KEY,
  ka_account_id   INTEGER NOT NULL REFERENCES ka_accounts(id),
  tax_id          TEXT NOT NULL UNIQUE,
  name            TEXT NOT NULL,
  region          TEXT NOT NULL DEFAULT '',
  address_phone   TEXT,
  bank_account    TEXT,
  created_at      TEXT NOT NULL,
  UNIQUE (ka_account_id, region)
) STRICT;

-- 账期起算: where a contract's payment terms start. 'receipt' is what every book did before.
ALTER TABLE contracts ADD COLUMN payment_terms_start TEXT NOT NULL DEFAULT 'receipt'
  CHECK (payment_terms_start IN ('receipt', 'invoice', 'month_end'));

-- The document a fee leaves behind (the contract's fee table); NULL means the fee type's usual one.
ALTER TABLE contract_fee_terms ADD COLUMN expected_document TEXT
  CHECK (expected_document IN ('service_invoice', 'red_invoice', 'discount_line', 'none'));

-- An invoice document's own figures. Its document (kind invoice_issued / invoice_received) carries the number as
-- natural key, the 价税合计 as total and one line of that amount; it is booked on its invoice date, or in the first
-- open month after a closed one (invoice_date keeps the date the invoice bears).
CREATE TABLE invoices (
  document_id           INTEGER PRIMARY KEY REFERENCES documents(id),
  direction             TEXT NOT NULL CHECK (direction IN ('issued', 'received')),
  invoice_type          TEXT NOT NULL CHECK (invoice_type IN ('digital_special', 'digital_normal', 'special', 'normal')),
  colour                TEXT NOT NULL CHECK (colour IN ('blue', 'red')),
  invoice_code          TEXT,
  invoice_number        TEXT NOT NULL,
  invoice_date          TEXT NOT NULL,
  seller_tax_id         TEXT NOT NULL,
  seller_name           TEXT NOT NULL,
  buyer_tax_id          TEXT NOT NULL,
  buyer_name            TEXT NOT NULL,
  net_fen               INTEGER NOT NULL,
  tax_fen               INTEGER NOT NULL,
  gross_fen             INTEGER NOT NULL,
  -- 红字: the number of the blue invoice it reverses, as written on it, and that invoice once it is in the book
  original_number       TEXT,
  original_document_id  INTEGER REFERENCES documents(id),
  red_confirmation_no   TEXT,
  remark                TEXT,
  drawer                TEXT,
  source                TEXT NOT NULL CHECK (source IN ('etax_list', 'xml', 'manual')),
  CHECK (net_fen + tax_fen = gross_fen),
  CHECK ((colour = 'blue' AND gross_fen >= 0) OR (colour = 'red' AND gross_fen <= 0)),
  CHECK (colour = 'blue' OR original_number IS NOT NULL)
) STRICT;
CREATE INDEX invoices_by_buyer ON invoices(buyer_tax_id, invoice_date);
CREATE INDEX invoices_by_seller ON invoices(seller_tax_id, invoice_date);
CREATE INDEX invoices_by_original ON invoices(original_document_id) WHERE original_document_id IS NOT NULL;

-- Only the blue invoice a red one names may be filled in later (when the blue one arrives after it).
CREATE TRIGGER invoices_immutable BEFORE UPDATE OF document_id, direction, invoice_type, colour, invoice_code,
  invoice_number, invoice_date, seller_tax_id, seller_name, buyer_tax_id, buyer_name, net_fen, tax_fen, gross_fen,
  original_number, red_confirmation_no, remark, drawer, source ON invoices
BEGIN SELECT RAISE(ABORT, 'immutable:invoices'); END;
CREATE TRIGGER invoices_original_once BEFORE UPDATE OF original_document_id ON invoices
WHEN OLD.original_document_id IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'immutable:invoices'); END;
CREATE TRIGGER invoices_no_delete BEFORE DELETE ON invoices
BEGIN SELECT RAISE(ABORT, 'immutable:invoices'); END;

-- 发票明细: the item lines, as the invoice has them (a list export has none; a later XML of the same invoice adds
-- them once). Amounts are fen: 金额 without tax and 税额; a discount line (折扣行) is negative.
CREATE TABLE invoice_items (
  id             INTEGER PRIMARY KEY,
  document_id    INTEGER NOT NULL REFERENCES invoices(document_id),
  line_no        INTEGER NOT NULL,
  item_name      TEXT NOT NULL,
  tax_code       TEXT,
  spec           TEXT,
  unit           TEXT,
  qty_milli      INTEGER,
  unit_price     TEXT,
  net_fen        INTEGER NOT NULL,
  tax_rate_ppm   INTEGER NOT NULL CHECK (tax_rate_ppm BETWEEN 0 AND 1000000),
  tax_fen        INTEGER NOT NULL,
  is_discount    INTEGER NOT NULL DEFAULT 0 CHECK (is_discount IN (0, 1)),
  product_id     INTEGER REFERENCES products(id),
  UNIQUE (document_id, line_no)
) STRICT;
CREATE TRIGGER invoice_items_no_update BEFORE UPDATE ON invoice_items
BEGIN SELECT RAISE(ABORT, 'immutable:invoice_items'); END;
CREATE TRIGGER invoice_items_no_delete BEFORE DELETE ON invoice_items
BEGIN SELECT RAISE(ABORT, 'immutable:invoice_items'); END;

-- 作废 and back: every change of an invoice's status, dated, so what was valid on any date can be told. No row
-- means valid since its invoice date.
CREATE TABLE invoice_status_changes (
  id            INTEGER PRIMARY KEY,
  document_id   INTEGER NOT NULL REFERENCES invoices(document_id),
  status        TEXT NOT NULL CHECK (status IN ('valid', 'void')),
  effective_date TEXT NOT NULL,
  period        TEXT NOT NULL REFERENCES periods(period),
  reason        TEXT NOT NULL,
  changed_by    TEXT NOT NULL,
  changed_at    TEXT NOT NULL,
  CHECK (period = substr(effective_date, 1, 7))
) STRICT;
CREATE INDEX invoice_status_by_document ON invoice_status_changes(document_id, effective_date, id);

-- What an invoice covers, like a clearing: each row is dated, never edited; an unlink is a row that reverses one.
-- amount_fen is how much of the document the invoice covers, in the document's own sign (positive).
CREATE TABLE invoice_links (
  id             INTEGER PRIMARY KEY,
  invoice_id     INTEGER NOT NULL REFERENCES invoices(document_id),
  document_id    INTEGER NOT NULL REFERENCES documents(id),
  role           TEXT NOT NULL CHECK (role IN ('goods', 'return', 'discount', 'rebate', 'fee')),
  amount_fen     INTEGER NOT NULL,
  link_date      TEXT NOT NULL,
  period         TEXT NOT NULL REFERENCES periods(period),
  method         TEXT NOT NULL CHECK (method IN ('reference', 'amount', 'manual')),
  reverses_id    INTEGER UNIQUE REFERENCES invoice_links(id),
  note           TEXT,
  created_by     TEXT NOT NULL,
  created_at     TEXT NOT NULL,
  CHECK (period = substr(link_date, 1, 7)),
  CHECK ((reverses_id IS NULL AND amount_fen > 0) OR (reverses_id IS NOT NULL AND amount_fen < 0))
) STRICT;
CREATE INDEX invoice_links_by_invoice ON invoice_links(invoice_id);
CREATE INDEX invoice_links_by_document ON invoice_links(document_id);

-- 到期日: the due date of a receivable as it stood from a date on. Written when a receipt's terms start at the
-- invoice (no due date until invoiced), when an invoice that starts them is linked or unlinked, and when a
-- contract's terms change (open items only). No row: the due date the item was posted with.
CREATE TABLE receivable_due_dates (
  id              INTEGER PRIMARY KEY,
  open_item_id    INTEGER NOT NULL REFERENCES open_items(id),
  effective_date  TEXT NOT NULL,
  period          TEXT NOT NULL REFERENCES periods(period),
  basis           TEXT NOT NULL CHECK (basis IN ('receipt', 'invoice', 'month_end')),
  terms_days      INTEGER NOT NULL CHECK (terms_days BETWEEN 0 AND 366),
  start_date      TEXT,
  due_date        TEXT,
  reason          TEXT NOT NULL,
  created_by      TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  CHECK (period = substr(effective_date, 1, 7)),
  CHECK ((start_date IS NULL) = (due_date IS NULL))
) STRICT;
CREATE INDEX receivable_due_dates_by_item ON receivable_due_dates(open_item_id, effective_date, id);

-- The lock and immutability of what is dated: nothing dated in a closed month is added, nothing is changed.
CREATE TRIGGER invoice_status_lock BEFORE INSERT ON invoice_status_changes
WHEN (SELECT status FROM periods WHERE period = NEW.period) = 'closed'
BEGIN SELECT RAISE(ABORT, 'period-closed'); END;
CREATE TRIGGER invoice_status_no_update BEFORE UPDATE ON invoice_status_changes
BEGIN SELECT RAISE(ABORT, 'immutable:invoice_status_changes'); END;
CREATE TRIGGER invoice_status_no_delete BEFORE DELETE ON invoice_status_changes
BEGIN SELECT RAISE(ABORT, 'immutable:invoice_status_changes'); END;

CREATE TRIGGER invoice_links_lock BEFORE INSERT ON invoice_links
WHEN (SELECT status FROM periods WHERE period = NEW.period) = 'closed'
BEGIN SELECT RAISE(ABORT, 'period-closed'); END;
CREATE TRIGGER invoice_links_no_update BEFORE UPDATE ON invoice_links
BEGIN SELECT RAISE(ABORT, 'immutable:invoice_links'); END;
CREATE TRIGGER invoice_links_no_delete BEFORE DELETE ON invoice_links
BEGIN SELECT RAISE(ABORT, 'immutable:invoice_links'); END;

CREATE TRIGGER receivable_due_dates_lock BEFORE INSERT ON receivable_due_dates
WHEN (SELECT status FROM periods WHERE period = NEW.period) = 'closed'
BEGIN SELECT RAISE(ABORT, 'period-closed'); END;
CREATE TRIGGER receivable_due_dates_no_update BEFORE UPDATE ON receivable_due_dates
BEGIN SELECT RAISE(ABORT, 'immutable:receivable_due_dates'); END;
CREATE TRIGGER receivable_due_dates_no_delete BEFORE DELETE ON receivable_due_dates
BEGIN SELECT RAISE(ABORT, 'immutable:receivable_due_dates'); END;

-- Months close in order here too: a link, a status change or a due date is not dated before a closed month.
CREATE TRIGGER invoice_status_before_closed_month BEFORE INSERT ON invoice_status_changes
WHEN EXISTS (SELECT 1 FROM periods WHERE period > NEW.period AND status = 'closed')
BEGIN SELECT RAISE(ABORT, 'period-closed-later'); END;
CREATE TRIGGER invoice_links_before_closed_month BEFORE INSERT ON invoice_links
WHEN EXISTS (SELECT 1 FROM periods WHERE period > NEW.period AND status = 'closed')
BEGIN SELECT RAISE(ABORT, 'period-closed-later'); END;
CREATE TRIGGER receivable_due_dates_before_closed_month BEFORE INSERT ON receivable_due_dates
WHEN EXISTS (SELECT 1 FROM periods WHERE period > NEW.period AND status = 'closed')
BEGIN SELECT RAISE(ABORT, 'period-closed-later'); END;
