-- The two views that read a month's or a year's rows at 500 distributors × 12 months (issue 21 point 6), made to
-- answer in well under a second by covering indexes, so they are read from the index alone in the order they group:
--
-- 窜货 price gaps: a month's product rows per chain and product, with the prices, region, distributor and quantity
-- the grouping needs (only rows with prices: the others are never compared); the flagged groups' rows are then
-- found through the same index.
CREATE INDEX product_figures_prices ON product_figures (period, ka, sku) INCLUDE (min_price_e4, max_price_e4, region, distributor_id, qty_milli)
  WHERE min_price_e4 IS NOT NULL;

-- KA营销审计 per store: a store's months together, with the figures summed over them; the names of the page's
-- stores are then read for those stores alone.
CREATE INDEX store_figures_by_store ON store_figures (distributor_id, ka, store, period) INCLUDE (sales_fen, returns_fen, fees_fen, manufacturer_fees_fen, products);
