-- The catalogue page: products at or under :max_cents, cheapest first (then by sku).
SELECT sku, name, price_cents
FROM products
WHERE price_cents <= :max_cents
ORDER BY price_cents, sku;
