CREATE TABLE products (id integer PRIMARY KEY, name text NOT NULL, price_cents integer NOT NULL);
INSERT INTO products
SELECT n, 'Product ' || n, 1000 + n * 37 FROM generate_series(1, 50) AS n;
UPDATE products SET name = 'Desk lamp', price_cents = 2499 WHERE id = 1;
-- What each test restores the table to (conftest.py).
CREATE TABLE products_seed AS TABLE products;
GRANT SELECT, UPDATE ON products TO assay_app;
