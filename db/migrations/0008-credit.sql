-- Credit control (信用管理): limits with their history, grades with their reasons, follow-ups of overdue
-- accounts, and overrides of delivery holds.

-- Every change of a limit is a new row: the latest is in force, the rest is its history.
CREATE TABLE credit_limits (
  id          INTEGER PRIMARY KEY,
  entity      TEXT NOT NULL CHECK (entity IN ('ka', 'distributor')),
  entity_id   INTEGER NOT NULL,
  limit_fen   INTEGER NOT NULL CHECK (limit_fen >= 0),
  reason      TEXT NOT NULL,
  set_by      TEXT NOT NULL,
  set_at      TEXT NOT NULL
) STRICT;
CREATE INDEX credit_limits_by_entity ON credit_limits(entity, entity_id, id);

-- 诚信档案: each computed grade with the figures and reasons behind it.
CREATE TABLE credit_grades (
  id            INTEGER PRIMARY KEY,
  entity        TEXT NOT NULL CHECK (entity IN ('ka', 'distributor')),
  entity_id     INTEGER NOT NULL,
  as_of         TEXT NOT NULL,
  grade         TEXT NOT NULL CHECK (grade IN ('A', 'B', 'C', 'D')),
  score         INTEGER NOT NULL,
  reasons_json  TEXT NOT NULL CHECK (json_valid(reasons_json)),
  computed_by   TEXT NOT NULL,
  computed_at   TEXT NOT NULL,
  UNIQUE (entity, entity_id, as_of)
) STRICT;

CREATE TABLE credit_followups (
  id             INTEGER PRIMARY KEY,
  ka_account_id  INTEGER NOT NULL REFERENCES ka_accounts(id),
  note           TEXT NOT NULL,
  by_user        TEXT NOT NULL,
  at             TEXT NOT NULL
) STRICT;

-- A credit controller's permission to deliver despite a hold, for one KA until a date.
CREATE TABLE credit_overrides (
  id             INTEGER PRIMARY KEY,
  ka_account_id  INTEGER NOT NULL REFERENCES ka_accounts(id),
  until_date     TEXT NOT NULL,
  reason         TEXT NOT NULL,
  by_user        TEXT NOT NULL,
  at             TEXT NOT NULL
) STRICT;

INSERT INTO settings (key, value_json, changed_by, changed_at) VALUES
  ('credit.hold_mode', '"warn"', 'system', '2026-01-01T00:00:00Z'),
  ('credit.grading', '{"weights":{"dso":25,"overdueShare":25,"longestOverdue":20,"disputedShare":15,"shortPaidShare":15},"thresholds":{"dso":[45,75,120],"overdueShare":[0.1,0.25,0.5],"longestOverdue":[30,60,120],"disputedShare":[0.05,0.15,0.3],"shortPaidShare":[0.01,0.03,0.08]},"grades":{"A":80,"B":60,"C":40}}', 'system', '2026-01-01T00:00:00Z');
