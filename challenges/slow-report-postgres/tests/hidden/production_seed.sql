-- 200 customers and 50000 orders over two years, from fixed arithmetic (no random()): every run sees the
-- same rows. Order g belongs to customer 1 + g % 200, so one customer's orders lie on as many pages.
INSERT INTO customers SELECT c, 'customer ' || c FROM generate_series(1, 200) AS c;
INSERT INTO orders
SELECT g,
       1 + g % 200,
       (ARRAY['paid', 'pending', 'paid', 'refunded', 'cancelled'])[1 + (g / 200) % 5],
       TIMESTAMP '2024-01-01' + ((g * 7919) % 730) * INTERVAL '1 day' + (g % 86400) * INTERVAL '1 second',
       500 + (g * 7919) % 20000
FROM generate_series(1, 50000) AS g;
