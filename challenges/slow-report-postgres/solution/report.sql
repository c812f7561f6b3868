-- A customer's paid orders per month, from :from (inclusive) to :to (exclusive).
-- Parameters: :customer (a customer's id), :from and :to (dates, 'YYYY-MM-DD').
-- The period compares placed_at itself, not placed_at::date: a range on the indexed column is what
-- lets the index stop at the period's ends instead of reading all of the customer's paid orders.
SELECT to_char(placed_at, 'YYYY-MM') AS month,
       count(*) AS paid_orders,
       sum(total_cents) AS revenue_cents
FROM orders
WHERE customer_id = :customer
  AND status = 'paid'
  AND placed_at >= :from::date AND placed_at < :to::date
GROUP BY 1
ORDER BY 1;
