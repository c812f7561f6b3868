-- A small shop whose orders sit on the report's edges: statuses, the period's first and last instants,
-- and other customers' orders in the same months.
INSERT INTO customers VALUES (1, 'Ana'), (2, 'Bo'), (3, 'Cy');
INSERT INTO orders VALUES
  (1, 1, 'paid',      '2024-04-01 00:00:00', 1000),  -- the period's first instant: in
  (2, 1, 'paid',      '2024-04-15 12:30:00', 2500),
  (3, 1, 'pending',   '2024-04-16 09:00:00', 9999),
  (4, 1, 'refunded',  '2024-05-02 10:00:00', 8888),
  (5, 1, 'cancelled', '2024-05-03 11:00:00', 7777),
  (6, 1, 'paid',      '2024-05-31 23:59:59', 3000),
  (7, 1, 'paid',      '2024-06-30 23:59:59', 4000),  -- the period's last second: in
  (8, 1, 'paid',      '2024-07-01 00:00:00', 5000),  -- the period's end: out
  (9, 1, 'paid',      '2024-03-31 23:59:59', 6000),  -- before the period: out
  (10, 2, 'paid',     '2024-04-20 08:00:00', 1111),
  (11, 2, 'paid',     '2024-05-20 08:00:00', 2222),
  (12, 3, 'pending',  '2024-04-21 08:00:00', 3333),
  (13, 1, 'paid',     '2024-04-14 18:00:00', 500),
  (14, 1, 'paid',     '2024-04-02 00:00:00', 700);   -- the end of a one-day period: out of it
