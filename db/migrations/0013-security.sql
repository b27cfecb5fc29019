-- Who may write and who signed: user provenance for four eyes, session tokens of `ka-settle login`, the throttle
-- of failed sign-ins, the sign-offs with the audit chain's head they saw, and the rule that months close in order.

-- Who created a user, who last enabled it and who last set its password: a signer of a month may not be any of
-- these for another signer of the same month (four eyes). NULL for users made before this migration.
ALTER TABLE users ADD COLUMN created_by TEXT;
ALTER TABLE users ADD COLUMN enabled_by TEXT;
ALTER TABLE users ADD COLUMN password_set_by TEXT;
ALTER TABLE users ADD COLUMN password_set_at TEXT;

-- A session of `ka-settle login`: only the SHA-256 of its token is kept, never the token itself.
CREATE TABLE user_sessions (
  id            INTEGER PRIMARY KEY,
  token_sha256  TEXT NOT NULL UNIQUE,
  username      TEXT NOT NULL REFERENCES users(username),
  created_at    TEXT NOT NULL,
  expires_at    TEXT NOT NULL,
  revoked_at    TEXT,
  revoked_by    TEXT
) STRICT;
CREATE INDEX user_sessions_by_user ON user_sessions(username);

-- Failed sign-ins in a row per name (or per hash of a name the book does not know) and the lock they earned.
CREATE TABLE sign_in_failures (
  name          TEXT PRIMARY KEY,
  failures      INTEGER NOT NULL,
  last_at       TEXT NOT NULL,
  locked_until  TEXT
) STRICT;

-- Each sign-off of a month (编制, 复核, 审批) with the audit chain's head as the signer saw it (its row count and the
-- last row's hash) and the statements signed. A reopened month starts a new round; rows are never changed.
CREATE TABLE sign_offs (
  id               INTEGER PRIMARY KEY,
  period           TEXT NOT NULL REFERENCES periods(period),
  round            INTEGER NOT NULL,
  step             TEXT NOT NULL CHECK (step IN ('prepare', 'review', 'approve')),
  username         TEXT NOT NULL,
  signed_at        TEXT NOT NULL,
  chain_rows       INTEGER NOT NULL,
  chain_hash       TEXT NOT NULL,
  statements_json  TEXT NOT NULL CHECK (json_valid(statements_json)),
  UNIQUE (period, round, step)
) STRICT;

CREATE TRIGGER sign_offs_no_update BEFORE UPDATE ON sign_offs
BEGIN SELECT RAISE(ABORT, 'immutable:sign_offs'); END;

CREATE TRIGGER sign_offs_no_delete BEFORE DELETE ON sign_offs
BEGIN SELECT RAISE(ABORT, 'immutable:sign_offs'); END;

-- Months close in order: once a later month is closed, nothing may be dated in an earlier one either, or it would
-- change the closed month's opening balances. (A constant message: older SQLite cannot build one with ||.)
CREATE TRIGGER documents_before_closed_month BEFORE INSERT ON documents
WHEN EXISTS (SELECT 1 FROM periods WHERE period > NEW.period AND status = 'closed')
BEGIN SELECT RAISE(ABORT, 'period-closed-later'); END;

CREATE TRIGGER clearings_before_closed_month BEFORE INSERT ON clearings
WHEN EXISTS (SELECT 1 FROM periods WHERE period > NEW.period AND status = 'closed')
BEGIN SELECT RAISE(ABORT, 'period-closed-later'); END;
