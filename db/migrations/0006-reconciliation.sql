-- Reconciliation (对账): what matching found for each delivery and receipt line, the user's decisions on it,
-- the fee classification of deductions, and fee-transfer claims.

-- One row per delivery line, replaced whenever its period is reconciled again.
CREATE TABLE recon_delivery_lines (
  line_id            INTEGER PRIMARY KEY REFERENCES document_lines(id),
  period             TEXT NOT NULL,
  ka_account_id      INTEGER REFERENCES ka_accounts(id),
  store_id           INTEGER REFERENCES stores(id),
  product_id         INTEGER REFERENCES products(id),
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
CREATE INDEX recon_delivery_by_period ON recon_delivery_lines(period, status);
CREATE INDEX recon_delivery_by_ka ON recon_delivery_lines(ka_account_id, period);

-- One row per receipt line dated in a reconciled period.
CREATE TABLE recon_receipt_lines (
  line_id        INTEGER PRIMARY KEY REFERENCES document_lines(id),
  period         TEXT NOT NULL,
  ka_account_id  INTEGER REFERENCES ka_accounts(id),
  status         TEXT NOT NULL CHECK (status IN ('matched', 'unexpected')),
  matched_by     TEXT CHECK (matched_by IN ('order', 'nearest')),
  reason         TEXT NOT NULL
) STRICT;
CREATE INDEX recon_receipt_by_period ON recon_receipt_lines(period, status);

-- What a user said about a result: confirmed as found, overridden to another status, or annotated. Kept across
-- re-runs; `status_seen` is the status the user saw, so a decision on a result that has since changed shows up.
CREATE TABLE recon_decisions (
  line_id      INTEGER PRIMARY KEY REFERENCES document_lines(id),
  decision     TEXT NOT NULL CHECK (decision IN ('confirmed', 'overridden', 'annotated')),
  status_seen  TEXT NOT NULL,
  override_to  TEXT CHECK (override_to IN ('matched', 'short', 'over', 'price_diff', 'receipt_missing', 'unexpected')),
  note         TEXT,
  decided_by   TEXT NOT NULL,
  decided_at   TEXT NOT NULL
) STRICT;

CREATE TABLE recon_runs (
  id            INTEGER PRIMARY KEY,
  period        TEXT NOT NULL,
  ka_code       TEXT,
  as_of         TEXT NOT NULL,
  settings_json TEXT NOT NULL,
  summary_json  TEXT NOT NULL,
  run_by        TEXT NOT NULL,
  run_at        TEXT NOT NULL
) STRICT;

-- Saved wording → fee type rules per KA ('' for every KA), learnt when a user reclassifies a deduction.
CREATE TABLE fee_rules (
  ka_code   TEXT NOT NULL DEFAULT '',
  wording   TEXT NOT NULL,
  fee_type  TEXT NOT NULL REFERENCES fee_types(code),
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (ka_code, wording)
) STRICT;

-- The classification of each deduction line: fee type, contract check, who bears it.
CREATE TABLE deduction_checks (
  line_id              INTEGER PRIMARY KEY REFERENCES document_lines(id),
  period               TEXT NOT NULL,
  ka_account_id        INTEGER REFERENCES ka_accounts(id),
  fee_type             TEXT REFERENCES fee_types(code),
  classified_by        TEXT NOT NULL CHECK (classified_by IN ('synonym', 'rule', 'user', 'none')),
  contract_id          INTEGER REFERENCES contracts(id),
  -- ok, unknown (no fee type), not_allowed (the contract does not allow it), over_contract (above its limit),
  -- no_contract (no contract in force)
  verdict              TEXT NOT NULL CHECK (verdict IN ('ok', 'unknown', 'not_allowed', 'over_contract', 'no_contract')),
  manufacturer_fen     INTEGER NOT NULL,
  distributor_fen      INTEGER NOT NULL,
  disputed             INTEGER NOT NULL CHECK (disputed IN (0, 1)),
  reason               TEXT NOT NULL
) STRICT;
CREATE INDEX deduction_checks_by_period ON deduction_checks(period, ka_account_id);

-- 费用转移申请: the manufacturer's share of deductions, claimed back. The claim is a fee_claim document (which
-- posts it); this table carries its workflow and evidence.
CREATE TABLE fee_claims (
  document_id   INTEGER PRIMARY KEY REFERENCES documents(id),
  status        TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'approved', 'written_off', 'rejected')),
  period        TEXT NOT NULL,
  ka_account_id INTEGER REFERENCES ka_accounts(id),
  distributor_id INTEGER REFERENCES distributors(id),
  evidence_json TEXT NOT NULL CHECK (json_valid(evidence_json)),
  changed_by    TEXT NOT NULL,
  changed_at    TEXT NOT NULL
) STRICT;
CREATE INDEX fee_claims_by_status ON fee_claims(status);

-- How each undisputed deduction line was booked out of 'deductions awaiting classification': the manufacturer's
-- share into a fee claim, the distributor's share as its own expense. A line is booked once, never twice.
CREATE TABLE deduction_postings (
  deduction_line_id       INTEGER PRIMARY KEY REFERENCES document_lines(id),
  claim_document_id       INTEGER REFERENCES documents(id),
  adjustment_document_id  INTEGER REFERENCES documents(id),
  manufacturer_fen        INTEGER NOT NULL,
  distributor_fen         INTEGER NOT NULL
) STRICT;
CREATE INDEX deduction_postings_by_claim ON deduction_postings(claim_document_id);

-- Book settings used by reconciliation, with their defaults.
INSERT INTO settings (key, value_json, changed_by, changed_at) VALUES
  ('reconcile.amount_tolerance_fen', '1', 'system', '2026-01-01T00:00:00Z'),
  ('reconcile.window_days', '7', 'system', '2026-01-01T00:00:00Z');

-- Matching joins lines by order number and product, and skips documents that were reversed.
CREATE INDEX document_lines_by_order ON document_lines(order_no, product_id) WHERE order_no IS NOT NULL;
CREATE INDEX documents_by_reversal ON documents(reverses_id) WHERE reverses_id IS NOT NULL;
CREATE INDEX documents_by_kind_date ON documents(kind, doc_date);
