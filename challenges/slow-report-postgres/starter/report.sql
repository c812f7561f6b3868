-- A customer's paid orders per month, from :from (inclusive) to :to (exclusive).
-- Parameters: :customer (a customer's id), :from and :to (dates, 'YYYY-MM-DD').
SELECT to_char(placed_at, 'YYYY-MM') AS month,
       count(*) AS paid_orders,
       sum(total_cents) AS revenue_cents
FROM orders
WHERE customer_id = :customer
  AND status = 'paid'
  AND placed_at::date BETWEEN :from::date AND :to::date - 1
GROUP BY 1
ORDER BY 1;
