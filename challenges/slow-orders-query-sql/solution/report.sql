-- Top spenders of a region: the customers with paid orders created from :from (inclusive) to :to
-- (exclusive), by revenue, highest first, ties by customer id; at most :limit rows.
-- One join and one pass over each customer's orders, instead of three correlated subqueries per
-- customer. The inner join leaves out customers without a paid order in the window, as EXISTS did.
SELECT c.id AS customer_id,
       c.email AS email,
       COUNT(*) AS paid_orders,
       SUM(o.total_cents) AS revenue_cents
FROM customers AS c
JOIN orders AS o ON o.customer_id = c.id
WHERE c.region = :region
  AND o.status = 'paid'
  AND o.created_at >= :from AND o.created_at < :to
GROUP BY c.id
ORDER BY revenue_cents DESC, c.id
LIMIT :limit;
