-- Files as users bring them (issue 13).

-- The distributor's own ERP (用友, 金蝶, 管家婆, 速达 …) names a store by its own customer code (客户编码), not by the
-- KA's store number. A store may carry that code (主数据, the stores import); one code belongs to one store.
ALTER TABLE stores ADD COLUMN erp_customer_code TEXT;
CREATE UNIQUE INDEX stores_by_erp_customer_code ON stores(erp_customer_code) WHERE erp_customer_code IS NOT NULL;

-- Customer codes a user confirmed once for a store (the wizard proposes the store by name; --learn-customers or a
-- customers file on the command line), remembered for the book so the next ERP export matches by itself.
CREATE TABLE erp_customer_links (
  customer_code  TEXT PRIMARY KEY,
  customer_name  TEXT,
  store_id       INTEGER NOT NULL REFERENCES stores(id),
  confirmed_by   TEXT NOT NULL,
  confirmed_at   TEXT NOT NULL
) STRICT;
CREATE INDEX erp_customer_links_by_store ON erp_customer_links(store_id);

-- A saved mapping is found again by the file's header signature (its headings, normalised, in order) for the same
-- kind and KA, and applied without being asked for. A mapping may also fix how an undecidable date column is read
-- (dmy or mdy).
ALTER TABLE import_mappings ADD COLUMN header_signature TEXT;
ALTER TABLE import_mappings ADD COLUMN date_order TEXT CHECK (date_order IS NULL OR date_order IN ('dmy', 'mdy'));
CREATE INDEX import_mappings_by_signature ON import_mappings(header_signature, kind, ka_code);

-- 罚款: a fine the KA imposes (促销员违规罚款) is a fee type of its own, not a promotion service fee.
INSERT INTO fee_types (code, name_zh, name_en) VALUES ('penalty', '罚款', 'penalty / fine');
