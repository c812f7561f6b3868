-- One index serves the whole report: equality on customer_id and status, then the created_at range,
-- with total_cents so the rows of orders are never read (a covering index).
CREATE INDEX orders_by_customer_status_created ON orders (customer_id, status, created_at, total_cents);

-- The report starts from one region's customers instead of all of them.
CREATE INDEX customers_by_region ON customers (region);
