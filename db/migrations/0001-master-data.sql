-- Master data: the parties, the stores and the products. Codes are the natural keys an import matches on.

CREATE TABLE manufacturers (
  id          INTEGER PRIMARY KEY,
  code        TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL,
  created_at  TEXT NOT NULL
) STRICT;

CREATE TABLE distributors (
  id               INTEGER PRIMARY KEY,
  code             TEXT NOT NULL UNIQUE,
  name             TEXT NOT NULL,
  manufacturer_id  INTEGER NOT NULL REFERENCES manufacturers(id),
  region           TEXT,
  contact          TEXT,
  phone            TEXT,
  created_at       TEXT NOT NULL
) STRICT;

-- A KA account (系统) is a retailer head office such as 大润发 or 麦德龙.
CREATE TABLE ka_accounts (
  id                  INTEGER PRIMARY KEY,
  code                TEXT NOT NULL UNIQUE,
  name                TEXT NOT NULL,
  payment_terms_days  INTEGER NOT NULL DEFAULT 60 CHECK (payment_terms_days BETWEEN 0 AND 366),
  contact             TEXT,
  phone               TEXT,
  created_at          TEXT NOT NULL
) STRICT;

-- A store is known by the KA's own store code, unique within that KA.
CREATE TABLE stores (
  id              INTEGER PRIMARY KEY,
  ka_account_id   INTEGER NOT NULL REFERENCES ka_accounts(id),
  store_code      TEXT NOT NULL,
  name            TEXT NOT NULL,
  region          TEXT NOT NULL,
  city            TEXT,
  distributor_id  INTEGER REFERENCES distributors(id),
  opened_on       TEXT,
  created_at      TEXT NOT NULL,
  UNIQUE (ka_account_id, store_code)
) STRICT;
CREATE INDEX stores_by_distributor ON stores(distributor_id);

-- Products: SKU, the 69- barcode (EAN-13), case pack and VAT rate in parts per million (13 % = 130000).
CREATE TABLE products (
  id               INTEGER PRIMARY KEY,
  sku              TEXT NOT NULL UNIQUE,
  barcode          TEXT UNIQUE,
  name             TEXT NOT NULL,
  spec             TEXT,
  case_pack        INTEGER NOT NULL DEFAULT 1 CHECK (case_pack > 0),
  vat_rate_ppm     INTEGER NOT NULL DEFAULT 130000 CHECK (vat_rate_ppm BETWEEN 0 AND 1000000),
  manufacturer_id  INTEGER REFERENCES manufacturers(id),
  created_at       TEXT NOT NULL
) STRICT;

-- A KA's own item code (e.g. Metro's article number), remembered once seen so later files match by it.
CREATE TABLE product_aliases (
  ka_account_id  INTEGER NOT NULL REFERENCES ka_accounts(id),
  ka_item_code   TEXT NOT NULL,
  product_id     INTEGER NOT NULL REFERENCES products(id),
  PRIMARY KEY (ka_account_id, ka_item_code)
) STRICT;

-- Supply prices (供价) per KA and product, valid for a date range, optionally for one region only.
-- Prices are integers in 1/10,000 yuan. An empty region ('') means every region.
CREATE TABLE prices (
  id             INTEGER PRIMARY KEY,
  ka_account_id  INTEGER NOT NULL REFERENCES ka_accounts(id),
  product_id     INTEGER NOT NULL REFERENCES products(id),
  region         TEXT NOT NULL DEFAULT '',
  price_e4       INTEGER NOT NULL CHECK (price_e4 >= 0),
  valid_from     TEXT NOT NULL,
  valid_to       TEXT NOT NULL,
  created_at     TEXT NOT NULL,
  CHECK (valid_from <= valid_to),
  UNIQUE (ka_account_id, product_id, region, valid_from)
) STRICT;
CREATE INDEX prices_lookup ON prices(ka_account_id, product_id, valid_from);
