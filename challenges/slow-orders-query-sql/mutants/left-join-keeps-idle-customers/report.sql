-- Rewritten with a LEFT JOIN: customers without a paid order in the window now appear with 0.
SELECT c.id AS customer_id,
       c.email AS email,
       COUNT(o.id) AS paid_orders,
       COALESCE(SUM(o.total_cents), 0) AS revenue_cents
FROM customers AS c
LEFT JOIN orders AS o
       ON o.customer_id = c.id
      AND o.status = 'paid'
      AND o.created_at >= :from AND o.created_at < :to
WHERE c.region = :region
GROUP BY c.id
ORDER BY revenue_cents DESC, c.id
LIMIT :limit;
