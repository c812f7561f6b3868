-- Runs once on the production database: move products.price (text) to products.price_cents (integer
-- cents), keeping every row and its exact price. It may run ALTER TABLE, UPDATE and DELETE.
ALTER TABLE products ADD COLUMN price_cents integer;
