-- Equality on customer_id and status first, then the range on placed_at: the index holds exactly the
-- report's rows side by side. INCLUDE total_cents lets it answer without the table's pages.
CREATE INDEX orders_by_customer_status_placed ON orders (customer_id, status, placed_at) INCLUDE (total_cents);
