CREATE TABLE customers (id integer PRIMARY KEY, name text NOT NULL);
CREATE TABLE orders (
  id integer PRIMARY KEY,
  customer_id integer NOT NULL REFERENCES customers,
  placed_on date NOT NULL,
  total_cents integer NOT NULL
);
CREATE TABLE order_items (
  id integer PRIMARY KEY,
  order_id integer NOT NULL REFERENCES orders,
  sku text NOT NULL,
  quantity integer NOT NULL
);
-- Sixty customers under six names (ten of each, so a page boundary falls between namesakes), with 0 to 6
-- orders each, of 1 to 3 items.
INSERT INTO customers
SELECT n, (ARRAY['Ada Lovelace', 'Grace Hopper', 'Linus Torvalds', 'Barbara Liskov', 'Ken Thompson', 'Margaret Hamilton'])[1 + n % 6]
FROM generate_series(1, 60) AS n;
INSERT INTO orders
SELECT row_number() OVER (ORDER BY c.id, k), c.id, date '2026-01-01' + (c.id * 7 + k * 13) % 300, 1000 + c.id * k
FROM customers c, generate_series(1, c.id % 7) AS k;
INSERT INTO order_items
SELECT row_number() OVER (ORDER BY o.id, j), o.id, 'SKU-' || (o.id * 31 + j) % 97, j
FROM orders o, generate_series(1, 1 + o.id % 3) AS j;
GRANT SELECT ON customers, orders, order_items TO assay_app;
