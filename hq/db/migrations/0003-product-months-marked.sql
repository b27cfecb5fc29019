-- The monthly product totals (product_months) are no longer added to by each package's load row by row: the loads
-- of one month from hundreds of distributors each updated the same few hundred rows under lock, which cost more
-- than the package's own figures. A load marks its month here instead, in its own transaction, and the month's
-- totals are summed again from its figures once, when the load is done (or by the first view that finds the mark,
-- should a load have stopped before). The mark is written with a row lock held to the load's commit, so a refresh
-- that takes the mark away first waits for every load that marked it, then sums what they wrote.
CREATE TABLE product_months_marked (
  period  text PRIMARY KEY,
  loads   bigint NOT NULL
);
