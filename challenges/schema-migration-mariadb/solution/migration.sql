-- Add the new column, backfill it exactly, then make the database hold it to its rules.
ALTER TABLE products ADD COLUMN price_cents integer NULL;
-- DECIMAL arithmetic, never a float: '0.29' * 100 as a double is 28.999…, which FLOOR or a cast cuts to 28.
UPDATE products SET price_cents = CAST(CAST(TRIM(price) AS DECIMAL(12, 2)) * 100 AS SIGNED);
ALTER TABLE products MODIFY price_cents integer NOT NULL;
ALTER TABLE products ADD CONSTRAINT products_price_not_negative CHECK (price_cents >= 0);
ALTER TABLE products DROP COLUMN price;
