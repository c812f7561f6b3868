-- Every way the old page wrote a price: whole euros, one decimal, spaces around it, a price whose
-- binary float is just under its cents (0.29, 1.15, 4.35), zero, and a large one.
INSERT INTO products VALUES
  (1, 'TEA-01', 'Green tea', '3'),
  (2, 'TEA-02', 'Black tea', '4.5'),
  (3, 'MUG-01', 'Mug', ' 7.25 '),
  (4, 'SPN-01', 'Spoon', '0.29'),
  (5, 'SPN-02', 'Long spoon', '1.15'),
  (6, 'POT-01', 'Teapot', '4.35'),
  (7, 'GFT-00', 'Gift wrap', '0.00'),
  (8, 'SET-01', 'Tea set', '1234.99'),
  (9, 'CUP-01', 'Cup', '2.10');
INSERT INTO order_lines VALUES (1, 4, 3), (2, 8, 1), (3, 1, 2), (4, 6, 5);
