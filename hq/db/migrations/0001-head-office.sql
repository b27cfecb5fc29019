-- The manufacturer's head office (总部): the settlement packages distributor books send, and what only many books
-- together show. PostgreSQL 15 or later (PGlite runs the same SQL). Money is bigint fen, prices bigint 1/10,000
-- yuan, quantities bigint thousandths, rates integer ppm. Packages are kept whole and never changed; the figures
-- tables hold the current edition of each distributor's month only (an older edition's figures are replaced when a
-- newer one is loaded; the older package itself stays).

CREATE TABLE hq_users (
  username      text PRIMARY KEY,
  display_name  text NOT NULL,
  role          text NOT NULL CHECK (role IN ('admin', 'credit_controller', 'ka_manager')),
  password_hash text NOT NULL,
  disabled      boolean NOT NULL DEFAULT false,
  created_at    timestamptz NOT NULL DEFAULT now()
);

-- The audit log, hash-chained as in the book: seq runs 1, 2, 3 … without gaps (taken under a lock, not a sequence,
-- so a rolled-back transaction leaves no hole), each row's hash covering its fields and the previous hash.
CREATE TABLE hq_audit (
  seq          bigint PRIMARY KEY,
  at           text NOT NULL,
  actor        text NOT NULL,
  action       text NOT NULL,
  entity       text NOT NULL,
  entity_key   text NOT NULL,
  before_json  text,
  after_json   text,
  prev_hash    text NOT NULL,
  hash         text NOT NULL
);
CREATE FUNCTION hq_audit_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'immutable:hq_audit'; END $$;
CREATE TRIGGER hq_audit_no_change BEFORE UPDATE OR DELETE ON hq_audit FOR EACH ROW EXECUTE FUNCTION hq_audit_immutable();

-- The chain's head, taken under its lock (held to the end of the transaction): one round trip, in order.
CREATE FUNCTION hq_audit_head() RETURNS TABLE (seq bigint, hash text) LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(7210022);
  RETURN QUERY SELECT a.seq, a.hash FROM hq_audit a ORDER BY a.seq DESC LIMIT 1;
END $$;

-- A distributor book that may send packages: its registered Ed25519 public key.
CREATE TABLE senders (
  id                 serial PRIMARY KEY,
  key_id             text NOT NULL UNIQUE,
  public_pem         text NOT NULL,
  book               text NOT NULL,
  manufacturer_code  text,
  registered_by      text NOT NULL,
  registered_at      timestamptz NOT NULL DEFAULT now()
);

-- A distributor as the head office knows it: a code within the book that sends for it.
CREATE TABLE distributors (
  id         serial PRIMARY KEY,
  sender_id  integer NOT NULL REFERENCES senders(id),
  code       text NOT NULL,
  name       text NOT NULL,
  region     text,
  UNIQUE (sender_id, code)
);

CREATE TABLE packages (
  id              bigserial PRIMARY KEY,
  sender_id       integer NOT NULL REFERENCES senders(id),
  period          text NOT NULL CHECK (period ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  edition         integer NOT NULL CHECK (edition > 0),
  body_sha256     text NOT NULL UNIQUE,
  -- the file as it arrived (gzip): signature and hashes can be checked again at any time
  file_gzip       bytea NOT NULL,
  audit_rows      bigint,
  audit_hash      text,
  current         boolean NOT NULL DEFAULT true,
  superseded_by   bigint REFERENCES packages(id),
  loaded_by       text NOT NULL,
  loaded_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (sender_id, period, edition)
);
CREATE UNIQUE INDEX packages_one_current ON packages (sender_id, period) WHERE current;

-- Before a package is loaded: the sender's month locked to the end of the transaction, then what is already there.
CREATE FUNCTION hq_lock_month(p_key text, p_sender integer, p_period text, p_sha text)
RETURNS TABLE (same_id bigint, same_current boolean, same_edition integer, current_id bigint, current_edition integer) LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended(p_key || '|' || p_period, 0));
  RETURN QUERY SELECT s.id, s.current, s.edition, c.id, c.edition
    FROM (SELECT 1) one
    LEFT JOIN packages s ON s.body_sha256 = p_sha
    LEFT JOIN packages c ON c.sender_id = p_sender AND c.period = p_period AND c.current;
END $$;
CREATE INDEX packages_by_period ON packages (period) WHERE current;

-- One row per approved statement in a current package, with the headline figures (content without its details).
CREATE TABLE statements (
  id                bigserial PRIMARY KEY,
  package_id        bigint NOT NULL REFERENCES packages(id),
  distributor_id    integer NOT NULL REFERENCES distributors(id),
  period            text NOT NULL,
  version           integer NOT NULL,
  sha256            text NOT NULL,
  summary           jsonb NOT NULL,
  net_sales_fen     bigint NOT NULL,
  closing_fen       bigint NOT NULL,
  net_due_fen       bigint NOT NULL,
  prepared_by       text NOT NULL,
  reviewed_by       text,
  approved_by       text,
  approved_at       text,
  UNIQUE (distributor_id, period)
);
CREATE INDEX statements_by_package ON statements (package_id);

-- Per distributor, month and KA chain: sales from the statement, and what is open at month end by age.
CREATE TABLE ka_figures (
  package_id          bigint NOT NULL REFERENCES packages(id),
  distributor_id      integer NOT NULL REFERENCES distributors(id),
  period              text NOT NULL,
  ka                  text NOT NULL,
  ka_name             text NOT NULL,
  accepted_fen        bigint NOT NULL,
  returns_fen         bigint NOT NULL,
  net_sales_fen       bigint NOT NULL,
  closing_fen         bigint NOT NULL,
  open_fen            bigint NOT NULL,
  not_due_fen         bigint NOT NULL,
  overdue_1_30_fen    bigint NOT NULL,
  overdue_31_60_fen   bigint NOT NULL,
  overdue_61_90_fen   bigint NOT NULL,
  overdue_91_180_fen  bigint NOT NULL,
  overdue_over_180_fen bigint NOT NULL,
  unapplied_fen       bigint NOT NULL,
  longest_overdue_days integer NOT NULL,
  claims_open_fen     bigint NOT NULL,
  collected_open_fen  bigint NOT NULL,
  deductions_fen      bigint NOT NULL,
  disputed_fen        bigint NOT NULL,
  manufacturer_fees_fen bigint NOT NULL,
  rebates_fen         bigint NOT NULL,
  PRIMARY KEY (period, distributor_id, ka)
);
CREATE INDEX ka_figures_by_ka ON ka_figures (ka, period);

-- Per distributor, month, KA and store: sales and fees (the marketing audit per store).
CREATE TABLE store_figures (
  package_id      bigint NOT NULL REFERENCES packages(id),
  distributor_id  integer NOT NULL REFERENCES distributors(id),
  period          text NOT NULL,
  ka              text NOT NULL,
  store           text NOT NULL,
  store_name      text NOT NULL,
  region          text NOT NULL,
  city            text,
  sales_fen       bigint NOT NULL,
  returns_fen     bigint NOT NULL,
  fees_fen        bigint NOT NULL,
  manufacturer_fees_fen bigint NOT NULL,
  products        integer NOT NULL,
  PRIMARY KEY (period, distributor_id, ka, store)
);

-- Per distributor, month, KA and product: quantity, sales, fees allocated from the stores, the price range and
-- the regions supplied (the channel-conflict watch and the marketing audit per product).
-- The most numerous rows (hundreds per package): no foreign keys to check row by row; they are written only by the
-- loader, from a package and its distributors, in the transaction that adds both.
CREATE TABLE product_figures (
  package_id      bigint NOT NULL,
  distributor_id  integer NOT NULL,
  period          text NOT NULL,
  ka              text NOT NULL,
  sku             text NOT NULL,
  product_name    text NOT NULL,
  region          text NOT NULL,
  qty_milli       bigint NOT NULL,
  sales_fen       bigint NOT NULL,
  returns_fen     bigint NOT NULL,
  fees_fen        bigint NOT NULL,
  stores          integer NOT NULL,
  min_price_e4    bigint,
  max_price_e4    bigint,
  -- month first: the channel watch reads one month, and an edition's rows go by month and distributor
  PRIMARY KEY (period, distributor_id, ka, sku, region)
);

-- The same per month, KA and product over every distributor, kept by the loader (added and taken away with the
-- editions), so a year of the marketing audit per product reads thousands of rows, not millions.
CREATE TABLE product_months (
  period        text NOT NULL,
  ka            text NOT NULL,
  sku           text NOT NULL,
  product_name  text NOT NULL,
  qty_milli     bigint NOT NULL,
  sales_fen     bigint NOT NULL,
  returns_fen   bigint NOT NULL,
  fees_fen      bigint NOT NULL,
  store_months  integer NOT NULL,
  distributors  integer NOT NULL,
  PRIMARY KEY (period, ka, sku)
);

-- 费用申请: every fee claim distributors sent, with the head office's decision (maker-checker: proposed by one
-- controller, decided by another) and the credits file that paid it.
CREATE TABLE claims (
  id              bigserial PRIMARY KEY,
  distributor_id  integer NOT NULL REFERENCES distributors(id),
  doc_no          text NOT NULL,
  period          text NOT NULL,
  ka              text,
  book_status     text NOT NULL,
  amount_fen      bigint NOT NULL,
  open_fen        bigint NOT NULL,
  lines           integer NOT NULL,
  evidence        jsonb NOT NULL,
  package_id      bigint NOT NULL REFERENCES packages(id),
  state           text NOT NULL CHECK (state IN ('pending', 'proposed', 'approved', 'rejected', 'credited', 'withdrawn', 'settled')),
  proposal        text CHECK (proposal IN ('approve', 'reject')),
  reason          text,
  proposed_by     text,
  proposed_at     timestamptz,
  decided_by      text,
  decided_at      timestamptz,
  credits_file_id bigint,
  credit_no       text,
  UNIQUE (distributor_id, doc_no),
  CHECK (decided_by IS NULL OR decided_by <> proposed_by)
);
CREATE INDEX claims_by_state ON claims (state, distributor_id);

-- A manufacturer-credits file written for one distributor: the approved claims it pays.
CREATE TABLE credits_files (
  id              bigserial PRIMARY KEY,
  distributor_id  integer NOT NULL REFERENCES distributors(id),
  file_no         text NOT NULL UNIQUE,
  credit_date     text NOT NULL,
  method          text NOT NULL,
  claims          integer NOT NULL,
  amount_fen      bigint NOT NULL,
  written_by      text NOT NULL,
  written_at      timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE claims ADD FOREIGN KEY (credits_file_id) REFERENCES credits_files(id);

-- Accruals sent with the packages (rebates, delivery cost, price protection), per distributor, month and KA.
CREATE TABLE accrual_figures (
  package_id      bigint NOT NULL REFERENCES packages(id),
  distributor_id  integer NOT NULL REFERENCES distributors(id),
  period          text NOT NULL,
  kind            text NOT NULL,
  ka              text NOT NULL,
  amount_fen      bigint NOT NULL,
  documents       integer NOT NULL,
  PRIMARY KEY (period, distributor_id, kind, ka)
);

-- Credit limits per KA chain, with their history (the newest is in force).
CREATE TABLE chain_limits (
  id         bigserial PRIMARY KEY,
  ka         text NOT NULL,
  limit_fen  bigint NOT NULL CHECK (limit_fen >= 0),
  reason     text NOT NULL,
  set_by     text NOT NULL,
  set_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX chain_limits_by_ka ON chain_limits (ka, id);

-- 全国联采: a national contract with a KA chain, its rebate tiers on the chain's whole base across distributors.
CREATE TABLE national_contracts (
  code         text PRIMARY KEY,
  ka           text NOT NULL,
  name         text NOT NULL,
  year_from    text NOT NULL CHECK (year_from ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  months       integer NOT NULL CHECK (months BETWEEN 1 AND 24),
  mode         text NOT NULL CHECK (mode IN ('whole', 'progressive')),
  tiers        jsonb NOT NULL,
  created_by   text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now()
);
