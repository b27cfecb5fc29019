-- The reconciliation workbench pages through results in delivery-date order over a range of months (a year of
-- a large book is a million lines): this index gives that order without sorting.
CREATE INDEX recon_delivery_by_period_date ON recon_delivery_lines(period, delivery_date, line_id);
