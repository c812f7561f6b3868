-- 2,000 customers and 20,000 orders: a tenth of production, enough to see the query plan change.
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
INSERT INTO customers (id, email, region, created_at)
SELECT i, 'customer' || i || '@shop.test',
       CASE i % 4 WHEN 0 THEN 'north' WHEN 1 THEN 'south' WHEN 2 THEN 'east' ELSE 'west' END,
       datetime('2022-01-01', '+' || (i % 700) || ' days')
FROM n;

WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
INSERT INTO orders (id, customer_id, status, created_at, total_cents)
SELECT i, 1 + (i * 7919) % 2000,
       CASE WHEN i % 10 < 7 THEN 'paid' WHEN i % 10 < 8 THEN 'pending'
            WHEN i % 10 < 9 THEN 'refunded' ELSE 'cancelled' END,
       datetime('2023-01-01', '+' || ((i * 104729) % 63072000) || ' seconds'),
       500 + (i * 48271) % 49500
FROM n;
