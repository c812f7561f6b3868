INSERT INTO products VALUES (1, 'TEA-01', 'Green tea', '3'), (2, 'TEA-02', 'Black tea', '4.50'), (3, 'MUG-01', 'Mug', '7.25');
INSERT INTO order_lines VALUES (1, 1, 2), (2, 3, 1);
