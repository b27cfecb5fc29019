-- 凭证导出: the book's accounts mapped to the company's chart of accounts (科目代码, 核算项目), the company's own
-- chart as its general ledger exported it, and every voucher handed to that ledger with the documents it carries,
-- so that a second export of a month exports only what is new and never doubles.

-- The company's chart of accounts (科目表) as imported from its GL. A new import replaces it whole.
CREATE TABLE gl_chart (
  gl_code    TEXT PRIMARY KEY CHECK (length(gl_code) BETWEEN 1 AND 40),
  gl_name    TEXT NOT NULL CHECK (length(gl_name) > 0),
  full_name  TEXT,
  -- the 核算项目 (金蝶) or 辅助核算 (用友) the GL keeps on the account, as its export says them
  aux_text   TEXT,
  -- 末级科目: only a leaf account can take postings in 金蝶 and 用友
  is_leaf    INTEGER NOT NULL CHECK (is_leaf IN (0, 1))
) STRICT;

-- 科目对照: a ka-settle account → the company's 科目代码 and name, and the 核算项目 its GL keeps on that account.
-- Only what a person confirmed is stored: the defaults are proposals until someone accepts them.
CREATE TABLE gl_accounts (
  account         TEXT PRIMARY KEY REFERENCES accounts(code),
  gl_code         TEXT NOT NULL CHECK (length(trim(gl_code)) BETWEEN 1 AND 40),
  gl_name         TEXT NOT NULL CHECK (length(trim(gl_name)) > 0),
  aux_customer    TEXT NOT NULL DEFAULT 'none' CHECK (aux_customer IN ('none', 'ka', 'store')),
  aux_supplier    INTEGER NOT NULL DEFAULT 0 CHECK (aux_supplier IN (0, 1)),
  aux_department  INTEGER NOT NULL DEFAULT 0 CHECK (aux_department IN (0, 1)),
  changed_by      TEXT NOT NULL,
  changed_at      TEXT NOT NULL
) STRICT;

-- 核算项目对照: a party's code and name in the GL, where it is not the book's own (customer = KA or store,
-- supplier = manufacturer, department = distributor).
CREATE TABLE gl_aux_items (
  party       TEXT NOT NULL CHECK (party IN ('ka', 'store', 'manufacturer', 'distributor')),
  party_id    INTEGER NOT NULL,
  gl_code     TEXT NOT NULL CHECK (length(trim(gl_code)) BETWEEN 1 AND 40),
  gl_name     TEXT NOT NULL CHECK (length(trim(gl_name)) > 0),
  changed_by  TEXT NOT NULL,
  changed_at  TEXT NOT NULL,
  PRIMARY KEY (party, party_id)
) STRICT;

-- One export of a month's new postings: which layout, grouped how, the file's hash, who and when.
CREATE TABLE voucher_exports (
  id           INTEGER PRIMARY KEY,
  period       TEXT NOT NULL REFERENCES periods(period),
  grouping     TEXT NOT NULL CHECK (grouping IN ('document', 'day_kind')),
  layout       TEXT NOT NULL,
  file_name    TEXT NOT NULL,
  file_sha256  TEXT NOT NULL,
  created_by   TEXT NOT NULL,
  created_at   TEXT NOT NULL
) STRICT;

-- 凭证: numbered per month and 凭证字 (记), remembered exactly as exported. A later change of the mapping does not
-- change a voucher the GL already has; writing it again gives the same file.
CREATE TABLE vouchers (
  id            INTEGER PRIMARY KEY,
  export_id     INTEGER NOT NULL REFERENCES voucher_exports(id),
  period        TEXT NOT NULL REFERENCES periods(period),
  word          TEXT NOT NULL CHECK (length(word) BETWEEN 1 AND 4),
  number        INTEGER NOT NULL CHECK (number > 0),
  voucher_date  TEXT NOT NULL,
  summary       TEXT NOT NULL,
  preparer      TEXT NOT NULL,
  attachments   INTEGER NOT NULL CHECK (attachments >= 0),
  CHECK (period = substr(voucher_date, 1, 7)),
  UNIQUE (period, word, number)
) STRICT;
CREATE INDEX vouchers_by_export ON vouchers(export_id);

-- A voucher's lines (分录): the amount stands on its side; a negative amount is 红字 (a red-letter reversal).
CREATE TABLE voucher_lines (
  voucher_id       INTEGER NOT NULL REFERENCES vouchers(id),
  line_no          INTEGER NOT NULL CHECK (line_no > 0),
  account          TEXT NOT NULL REFERENCES accounts(code),
  gl_code          TEXT NOT NULL,
  gl_name          TEXT NOT NULL,
  summary          TEXT NOT NULL,
  side             TEXT NOT NULL CHECK (side IN ('debit', 'credit')),
  amount_fen       INTEGER NOT NULL,
  customer_code    TEXT,
  customer_name    TEXT,
  supplier_code    TEXT,
  supplier_name    TEXT,
  department_code  TEXT,
  department_name  TEXT,
  PRIMARY KEY (voucher_id, line_no)
) STRICT;

-- The documents a voucher carries. A document is carried by one voucher at most (UNIQUE): that is what makes a
-- second export of the month take only what is new.
CREATE TABLE voucher_documents (
  voucher_id   INTEGER NOT NULL REFERENCES vouchers(id),
  document_id  INTEGER NOT NULL UNIQUE REFERENCES documents(id),
  PRIMARY KEY (voucher_id, document_id)
) STRICT;

-- What was handed to the GL is history: never changed, never removed.
CREATE TRIGGER voucher_exports_no_update BEFORE UPDATE ON voucher_exports
BEGIN SELECT RAISE(ABORT, 'immutable:voucher_exports'); END;
CREATE TRIGGER voucher_exports_no_delete BEFORE DELETE ON voucher_exports
BEGIN SELECT RAISE(ABORT, 'immutable:voucher_exports'); END;
CREATE TRIGGER vouchers_no_update BEFORE UPDATE ON vouchers
BEGIN SELECT RAISE(ABORT, 'immutable:vouchers'); END;
CREATE TRIGGER vouchers_no_delete BEFORE DELETE ON vouchers
BEGIN SELECT RAISE(ABORT, 'immutable:vouchers'); END;
CREATE TRIGGER voucher_lines_no_update BEFORE UPDATE ON voucher_lines
BEGIN SELECT RAISE(ABORT, 'immutable:voucher_lines'); END;
CREATE TRIGGER voucher_lines_no_delete BEFORE DELETE ON voucher_lines
BEGIN SELECT RAISE(ABORT, 'immutable:voucher_lines'); END;
CREATE TRIGGER voucher_documents_no_update BEFORE UPDATE ON voucher_documents
BEGIN SELECT RAISE(ABORT, 'immutable:voucher_documents'); END;
CREATE TRIGGER voucher_documents_no_delete BEFORE DELETE ON voucher_documents
BEGIN SELECT RAISE(ABORT, 'immutable:voucher_documents'); END;
