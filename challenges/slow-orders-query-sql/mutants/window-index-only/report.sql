-- Top spenders of a region: the customers with paid orders created from :from (inclusive) to :to
-- (exclusive), by revenue, highest first, ties by customer id; at most :limit rows.
-- Parameters: :region ('north', …), :from and :to (dates, 'YYYY-MM-DD'), :limit (a positive integer).
SELECT c.id AS customer_id,
       c.email AS email,
       (SELECT COUNT(*) FROM orders o
         WHERE o.customer_id = c.id AND o.status = 'paid'
           AND o.created_at >= :from AND o.created_at < :to) AS paid_orders,
       (SELECT SUM(o.total_cents) FROM orders o
         WHERE o.customer_id = c.id AND o.status = 'paid'
           AND o.created_at >= :from AND o.created_at < :to) AS revenue_cents
FROM customers c
WHERE c.region = :region
  AND EXISTS (SELECT 1 FROM orders o
               WHERE o.customer_id = c.id AND o.status = 'paid'
                 AND o.created_at >= :from AND o.created_at < :to)
ORDER BY revenue_cents DESC, c.id
LIMIT :limit;
