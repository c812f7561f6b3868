SELECT c.id AS customer_id,
       c.email AS email,
       COUNT(*) AS paid_orders,
       SUM(p.total_cents) AS revenue_cents
FROM customers AS c
JOIN paid_orders AS p ON p.customer_id = c.id
WHERE c.region = :region
  AND p.created_at >= :from AND p.created_at < :to
GROUP BY c.id
ORDER BY revenue_cents DESC, c.id
LIMIT :limit;
