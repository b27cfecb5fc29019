-- Trade terms (贸易条款) and promotions.

-- Fee types a KA deducts (扣费项目). Codes are English; the Chinese name is what statements print.
CREATE TABLE fee_types (
  code     TEXT PRIMARY KEY,
  name_zh  TEXT NOT NULL,
  name_en  TEXT NOT NULL
) STRICT;
INSERT INTO fee_types (code, name_zh, name_en) VALUES
  ('entry',          '进场费',     'store entry fee'),
  ('barcode',        '条码费/新品费', 'listing (barcode) fee'),
  ('display',        '堆头费',     'floor display fee'),
  ('end_cap',        '端架费',     'end-cap fee'),
  ('dm',             'DM/海报费',  'DM / poster fee'),
  ('anniversary',    '店庆费',     'store anniversary fee'),
  ('festival',       '节庆费',     'festival fee'),
  ('promo_service',  '促销服务费',  'promotion service fee'),
  ('info_service',   '信息服务费',  'information service fee'),
  ('shrinkage',      '损耗',       'shrinkage'),
  ('rebate',         '返利',       'rebate'),
  ('other',          '其他',       'other');

-- A contract binds a manufacturer and a KA account (and, for the distributor's own terms, a distributor).
-- Rates are parts per million; amounts are fen.
CREATE TABLE contracts (
  id                   INTEGER PRIMARY KEY,
  code                 TEXT NOT NULL UNIQUE,
  manufacturer_id      INTEGER NOT NULL REFERENCES manufacturers(id),
  ka_account_id        INTEGER NOT NULL REFERENCES ka_accounts(id),
  distributor_id       INTEGER REFERENCES distributors(id),
  valid_from           TEXT NOT NULL,
  valid_to             TEXT NOT NULL,
  -- 合同费用点数: the total fee points agreed with the KA, e.g. 7 % = 70000
  fee_points_ppm       INTEGER NOT NULL DEFAULT 0 CHECK (fee_points_ppm BETWEEN 0 AND 1000000),
  payment_terms_days   INTEGER NOT NULL CHECK (payment_terms_days BETWEEN 0 AND 366),
  -- 直营结算 direct: the KA pays the distributor; 总部结算 central: the KA pays the manufacturer
  settlement_mode      TEXT NOT NULL CHECK (settlement_mode IN ('direct', 'central')),
  -- 返利: 全额累进 whole (the reached rate on the whole base) or 超额累进 progressive (each slice at its rate)
  rebate_tier_mode     TEXT NOT NULL DEFAULT 'whole' CHECK (rebate_tier_mode IN ('whole', 'progressive')),
  rebate_basis         TEXT NOT NULL DEFAULT 'annual' CHECK (rebate_basis IN ('annual', 'quarterly')),
  -- who pays the rebate to whom: to the KA, or the manufacturer to the distributor on KA sales
  rebate_direction     TEXT NOT NULL DEFAULT 'to_ka' CHECK (rebate_direction IN ('to_ka', 'to_distributor')),
  -- 特价活动产生的销售额不计入返利: promotion-price sales are left out of the rebate base
  rebate_excludes_promotions INTEGER NOT NULL DEFAULT 1 CHECK (rebate_excludes_promotions IN (0, 1)),
  created_at           TEXT NOT NULL,
  CHECK (valid_from <= valid_to)
) STRICT;

-- Per fee type: is it allowed, who bears it (manufacturer share, the rest is the distributor's), and a limit
-- as points of sales or a fixed amount.
CREATE TABLE contract_fee_terms (
  contract_id             INTEGER NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,
  fee_type                TEXT NOT NULL REFERENCES fee_types(code),
  allowed                 INTEGER NOT NULL DEFAULT 1 CHECK (allowed IN (0, 1)),
  manufacturer_share_ppm  INTEGER NOT NULL CHECK (manufacturer_share_ppm BETWEEN 0 AND 1000000),
  max_points_ppm          INTEGER CHECK (max_points_ppm BETWEEN 0 AND 1000000),
  max_amount_fen          INTEGER CHECK (max_amount_fen >= 0),
  PRIMARY KEY (contract_id, fee_type)
) STRICT;

CREATE TABLE contract_rebate_tiers (
  contract_id    INTEGER NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,
  threshold_fen  INTEGER NOT NULL CHECK (threshold_fen >= 0),
  rate_ppm       INTEGER NOT NULL CHECK (rate_ppm BETWEEN 0 AND 1000000),
  PRIMARY KEY (contract_id, threshold_fen)
) STRICT;

-- Products or stores left out of the rebate base.
CREATE TABLE contract_rebate_exclusions (
  id           INTEGER PRIMARY KEY,
  contract_id  INTEGER NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,
  product_id   INTEGER REFERENCES products(id),
  store_id     INTEGER REFERENCES stores(id),
  CHECK ((product_id IS NULL) <> (store_id IS NULL)),
  UNIQUE (contract_id, product_id, store_id)
) STRICT;

-- 配送费补贴: percent of accepted value, an amount per case, or per drop (delivery note), with a monthly
-- floor and cap per distributor. A row with an empty region is the default; a region row overrides it.
CREATE TABLE contract_delivery_cost (
  contract_id          INTEGER NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,
  region               TEXT NOT NULL DEFAULT '',
  method               TEXT NOT NULL CHECK (method IN ('percent', 'per_case', 'per_drop')),
  rate_ppm             INTEGER CHECK (rate_ppm BETWEEN 0 AND 1000000),
  amount_fen           INTEGER CHECK (amount_fen >= 0),
  monthly_floor_fen    INTEGER CHECK (monthly_floor_fen >= 0),
  monthly_cap_fen      INTEGER CHECK (monthly_cap_fen >= 0),
  PRIMARY KEY (contract_id, region),
  CHECK ((method = 'percent' AND rate_ppm IS NOT NULL) OR (method <> 'percent' AND amount_fen IS NOT NULL))
) STRICT;

-- A KA promotion (特价/DM/档期): a window, the SKUs at a promotion supply price, the stores taking part
-- (no rows in promotion_stores = every store of the KA).
CREATE TABLE promotions (
  id               INTEGER PRIMARY KEY,
  code             TEXT NOT NULL UNIQUE,
  ka_account_id    INTEGER NOT NULL REFERENCES ka_accounts(id),
  manufacturer_id  INTEGER NOT NULL REFERENCES manufacturers(id),
  name             TEXT NOT NULL,
  kind             TEXT NOT NULL DEFAULT 'special' CHECK (kind IN ('special', 'dm', 'national')),
  start_date       TEXT NOT NULL,
  end_date         TEXT NOT NULL,
  created_at       TEXT NOT NULL,
  CHECK (start_date <= end_date)
) STRICT;

CREATE TABLE promotion_products (
  promotion_id     INTEGER NOT NULL REFERENCES promotions(id) ON DELETE CASCADE,
  product_id       INTEGER NOT NULL REFERENCES products(id),
  normal_price_e4  INTEGER NOT NULL CHECK (normal_price_e4 >= 0),
  promo_price_e4   INTEGER NOT NULL CHECK (promo_price_e4 >= 0),
  PRIMARY KEY (promotion_id, product_id)
) STRICT;

CREATE TABLE promotion_stores (
  promotion_id  INTEGER NOT NULL REFERENCES promotions(id) ON DELETE CASCADE,
  store_id      INTEGER NOT NULL REFERENCES stores(id),
  PRIMARY KEY (promotion_id, store_id)
) STRICT;
