-- ka-settle: rebuilds-tables
-- Corrections (红字冲销, replacement on re-import, undo of an import). A KA document keeps its natural key for
-- ever, but the book may hold several versions of it: version 1 as first posted, version 2 after it was reversed
-- and posted anew (a corrected re-import), and so on. Each reversed version and its red reversal stay in the book;
-- only one version of a key is in force at a time. The documents table is rebuilt for that (SQLite cannot drop
-- the old UNIQUE (kind, natural_key)); the migration runner turns foreign keys off around this file and checks
-- them before it commits, as SQLite's own procedure for changing a table asks.
PRAGMA legacy_alter_table = ON;

DROP TRIGGER documents_lock_insert;
DROP TRIGGER documents_lock_update;
DROP TRIGGER documents_immutable;
DROP TRIGGER documents_no_delete;
DROP INDEX documents_by_period;
DROP INDEX documents_by_ka;
DROP INDEX documents_by_distributor;
DROP INDEX documents_by_reversal;
DROP INDEX documents_by_kind_date;

CREATE TABLE documents_v2 (
  id               INTEGER PRIMARY KEY,
  kind             TEXT NOT NULL CHECK (kind IN (
                     'delivery', 'receipt', 'return', 'statement', 'deduction', 'remittance', 'fee_claim',
                     'manufacturer_credit', 'rebate_accrual', 'delivery_cost_claim', 'price_protection_claim',
                     'adjustment')),
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
  SELECT id, kind, natural_key, 1, doc_no, doc_date, period, manufacturer_id, distributor_id, ka_account_id, store_id,
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

-- The period lock and immutability, as in 0003 (now covering the version too).
CREATE TRIGGER documents_lock_insert BEFORE INSERT ON documents
WHEN (SELECT status FROM periods WHERE period = NEW.period) = 'closed'
BEGIN SELECT RAISE(ABORT, 'period-closed:' || NEW.period); END;

CREATE TRIGGER documents_lock_update BEFORE UPDATE ON documents
WHEN (SELECT status FROM periods WHERE period = OLD.period) = 'closed'
BEGIN SELECT RAISE(ABORT, 'period-closed:' || OLD.period); END;

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

-- Who corrected what, and why: a batch that undoes another (撤销导入) names it and the reason.
ALTER TABLE batches ADD COLUMN undoes_batch_id INTEGER REFERENCES batches(id);
ALTER TABLE batches ADD COLUMN reason TEXT;
CREATE UNIQUE INDEX batches_one_undo ON batches(undoes_batch_id) WHERE undoes_batch_id IS NOT NULL;
