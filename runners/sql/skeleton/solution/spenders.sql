-- Each customer's name and total spent, biggest spender first.
SELECT c.name, SUM(o.total_cents) AS spent_cents
FROM customers c JOIN orders o ON o.customer_id = c.id
GROUP BY c.id
ORDER BY spent_cents DESC, c.name;
