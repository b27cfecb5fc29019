-- Month-end close: the settlement statement (结算单) per distributor × manufacturer × month in versions, its
-- sign-offs and the counterparty's confirmation (回签), and the exceptions a preparer accepted with a reason.

CREATE TABLE settlement_statements (
  id               INTEGER PRIMARY KEY,
  period           TEXT NOT NULL REFERENCES periods(period),
  distributor_id   INTEGER NOT NULL REFERENCES distributors(id),
  manufacturer_id  INTEGER NOT NULL REFERENCES manufacturers(id),
  version          INTEGER NOT NULL,
  -- prepared → reviewed → approved; superseded when the period is reopened
  status           TEXT NOT NULL CHECK (status IN ('prepared', 'reviewed', 'approved', 'superseded')),
  content_json     TEXT NOT NULL CHECK (json_valid(content_json)),
  -- SHA-256 of the canonical JSON of the content: what each sign-off signed
  sha256           TEXT NOT NULL,
  prepared_by      TEXT NOT NULL,
  prepared_at      TEXT NOT NULL,
  reviewed_by      TEXT,
  reviewed_at      TEXT,
  approved_by      TEXT,
  approved_at      TEXT,
  UNIQUE (period, distributor_id, manufacturer_id, version)
) STRICT;

-- 回签: the manufacturer's or a KA's answer to a statement version.
CREATE TABLE statement_confirmations (
  id             INTEGER PRIMARY KEY,
  statement_id   INTEGER NOT NULL REFERENCES settlement_statements(id),
  party          TEXT NOT NULL CHECK (party IN ('manufacturer', 'ka')),
  ka_account_id  INTEGER REFERENCES ka_accounts(id),
  result         TEXT NOT NULL CHECK (result IN ('confirmed', 'disputed')),
  reasons        TEXT,
  sha256         TEXT NOT NULL,
  recorded_by    TEXT NOT NULL,
  recorded_at    TEXT NOT NULL
) STRICT;

-- Exceptions that would block preparing a period, accepted one by one with a reason.
CREATE TABLE close_acceptances (
  period         TEXT NOT NULL,
  exception_key  TEXT NOT NULL,
  reason         TEXT NOT NULL,
  accepted_by    TEXT NOT NULL,
  accepted_at    TEXT NOT NULL,
  PRIMARY KEY (period, exception_key)
) STRICT;

-- Approved statements never change; reopening supersedes them (the only update allowed on an approved row).
CREATE TRIGGER settlement_statements_frozen BEFORE UPDATE ON settlement_statements
WHEN OLD.status = 'approved' AND NOT (NEW.status = 'superseded' AND NEW.content_json = OLD.content_json AND NEW.sha256 = OLD.sha256)
BEGIN SELECT RAISE(ABORT, 'immutable:settlement_statements'); END;

CREATE TRIGGER settlement_statements_no_delete BEFORE DELETE ON settlement_statements
BEGIN SELECT RAISE(ABORT, 'immutable:settlement_statements'); END;

INSERT INTO settings (key, value_json, changed_by, changed_at) VALUES
  ('credit.ageing_buckets_days', '[0, 30, 60, 90, 180]', 'system', '2026-01-01T00:00:00Z');
