-- Who works in the book, what they did, and the book's settings.

CREATE TABLE book_info (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL
) STRICT;

-- Roles: accountant prepares, credit_controller reviews, manager approves, admin administers.
-- password_hash holds scrypt parameters, salt and hash; NULL until a password is set.
CREATE TABLE users (
  id             INTEGER PRIMARY KEY,
  username       TEXT NOT NULL UNIQUE,
  display_name   TEXT NOT NULL,
  role           TEXT NOT NULL CHECK (role IN ('accountant', 'credit_controller', 'manager', 'admin')),
  password_hash  TEXT,
  disabled       INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  created_at     TEXT NOT NULL
) STRICT;

-- Settings are JSON values under a dotted key, e.g. 'reconcile.amount_tolerance_fen'.
CREATE TABLE settings (
  key         TEXT PRIMARY KEY,
  value_json  TEXT NOT NULL CHECK (json_valid(value_json)),
  changed_by  TEXT NOT NULL,
  changed_at  TEXT NOT NULL
) STRICT;

-- The audit log is append-only and hash-chained: each row's hash covers its content and the previous
-- row's hash, so changing or removing any row breaks the chain from there on (`ka-settle check` finds it).
CREATE TABLE audit_log (
  id           INTEGER PRIMARY KEY,
  at           TEXT NOT NULL,
  actor        TEXT NOT NULL,
  action       TEXT NOT NULL,
  entity       TEXT NOT NULL,
  entity_key   TEXT NOT NULL,
  before_json  TEXT,
  after_json   TEXT,
  prev_hash    TEXT NOT NULL,
  hash         TEXT NOT NULL UNIQUE
) STRICT;
CREATE INDEX audit_by_entity ON audit_log(entity, entity_key);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'immutable:audit_log'); END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'immutable:audit_log'); END;

-- What the demo generator injected on purpose (short receipts, price differences, missing receipts …), so
-- reconciliation and credit checks can be compared with the truth. Empty in a real book.
CREATE TABLE demo_injections (
  id           INTEGER PRIMARY KEY,
  kind         TEXT NOT NULL,
  natural_key  TEXT NOT NULL,
  line_no      INTEGER,
  detail_json  TEXT NOT NULL CHECK (json_valid(detail_json))
) STRICT;
CREATE INDEX demo_injections_by_kind ON demo_injections(kind);
