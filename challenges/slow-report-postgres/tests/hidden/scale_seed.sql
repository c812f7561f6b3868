-- A quarter of a million orders of 1,250 customers over two years, from fixed arithmetic as in production_seed.sql (no
-- random(): every run sees the same rows), so that reading them all is slow enough to see. Loaded as a bulk
-- load is: the keys dropped, the rows inserted, then each key built once over all of them, which takes a
-- fraction of the time that checking and indexing each row as it comes would.
ALTER TABLE orders DROP CONSTRAINT orders_customer_id_fkey, DROP CONSTRAINT orders_pkey;
INSERT INTO customers SELECT c, 'customer ' || c FROM generate_series(1, 1250) AS c;
INSERT INTO orders
SELECT g,
       1 + g % 1250,
       (ARRAY['paid', 'pending', 'paid', 'refunded', 'cancelled'])[1 + (g / 1250) % 5],
       TIMESTAMP '2024-01-01' + ((g::bigint * 7919) % 730) * INTERVAL '1 day' + (g % 86400) * INTERVAL '1 second',
       500 + (g::bigint * 7919) % 20000
FROM generate_series(1, 250000) AS g;
ALTER TABLE orders ADD PRIMARY KEY (id), ADD FOREIGN KEY (customer_id) REFERENCES customers (id);
