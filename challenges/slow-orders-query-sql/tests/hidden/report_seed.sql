-- A small shop whose rows exercise every rule of the report (window 2024-03-01 .. 2024-04-01).
INSERT INTO customers (id, email, region, created_at) VALUES
    (1, 'ana@shop.test', 'north', '2023-01-10 09:00:00'),
    (2, 'ben@shop.test', 'north', '2023-02-11 09:00:00'),
    (3, 'abe@shop.test', 'north', '2023-03-12 09:00:00'),   -- ties with ana in March
    (4, 'dev@shop.test', 'north', '2023-04-13 09:00:00'),
    (5, 'eli@shop.test', 'south', '2023-05-14 09:00:00'),   -- the biggest spender, in another region
    (6, 'fay@shop.test', 'north', '2023-06-15 09:00:00'),
    (7, 'gus@shop.test', 'north', '2023-07-16 09:00:00'),   -- never ordered
    (8, 'hal@shop.test', 'north', '2023-08-17 09:00:00'),   -- nothing paid in March
    (9, 'ivy@shop.test', 'south', '2023-09-18 09:00:00');   -- never ordered

INSERT INTO orders (id, customer_id, status, created_at, total_cents) VALUES
    (1,  1, 'paid',      '2024-03-02 10:00:00',  5000),
    (2,  1, 'paid',      '2024-03-15 12:00:00',  2500),
    (3,  1, 'refunded',  '2024-03-20 09:00:00',  9000),
    (4,  2, 'paid',      '2024-03-01 00:00:00',  4000),   -- the first second of the window
    (5,  2, 'paid',      '2024-04-01 00:00:00',  9999),   -- the first second after it
    (6,  2, 'paid',      '2024-02-29 23:59:59',  8888),   -- the last second before it
    (7,  3, 'paid',      '2024-03-31 23:59:59',  7500),
    (8,  4, 'pending',   '2024-03-10 20:00:00', 20000),
    (9,  4, 'cancelled', '2024-03-11 08:00:00', 15000),
    (10, 4, 'paid',      '2024-03-12 11:00:00',  1000),
    (11, 5, 'paid',      '2024-03-05 16:00:00', 50000),
    (12, 6, 'paid',      '2024-03-20 14:00:00',  3000),
    (13, 6, 'paid',      '2024-03-21 14:00:00',  3000),
    (14, 8, 'pending',   '2024-03-05 10:00:00',  6000),
    (15, 8, 'paid',      '2024-05-01 10:00:00',  7000),
    (16, 8, 'refunded',  '2024-05-02 10:00:00',  1200);
