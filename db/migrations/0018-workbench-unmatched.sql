-- The workbench's unmatched filter (issue 18): the results that did not match, in the grid's order.
--
-- A year of the large book holds a million results of which some 44,000 did not match. Filtering by status read
-- every one of the million with the user's override beside it. This index holds only the rows whose found status
-- is not 'matched' (a few per cent, so reconciling writes little more), in (month, delivery date, line) order, with
-- the amounts the 合计 row adds up and the columns the filter narrows by: the count and sums read the index alone,
-- and the first page stops after 200 rows. Lines a user overrode from 'matched' to another status are few and read
-- through recon_decisions.
CREATE INDEX recon_delivery_unmatched ON recon_delivery_lines(period, delivery_date, line_id, line_delivered_fen, line_received_fen,
  status, ka_account_id, store_id, product_id)
  WHERE status <> 'matched';
