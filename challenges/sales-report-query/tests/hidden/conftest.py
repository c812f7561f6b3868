import sqlite3

import pytest

SCHEMA = """
CREATE TABLE customers (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL,
    country      TEXT,
    signed_up_at TEXT NOT NULL
);
CREATE TABLE products (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    price_cents INTEGER NOT NULL
);
CREATE TABLE orders (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER REFERENCES customers(id),
    status      TEXT NOT NULL CHECK (status IN ('pending', 'paid', 'refunded', 'cancelled')),
    ordered_at  TEXT NOT NULL
);
CREATE TABLE order_items (
    order_id         INTEGER NOT NULL REFERENCES orders(id),
    product_id       INTEGER NOT NULL REFERENCES products(id),
    quantity         INTEGER NOT NULL CHECK (quantity > 0),
    unit_price_cents INTEGER NOT NULL,
    discount_cents   INTEGER,
    PRIMARY KEY (order_id, product_id)
);
"""

PRODUCTS = [(1, "Keyboard", 5000), (2, "Mouse", 2500), (3, "Monitor", 20000), (4, "Cable", 1000)]


class Shop:
    """An in-memory shop database with helpers to seed it."""

    def __init__(self) -> None:
        self.conn = sqlite3.connect(":memory:")
        self.conn.execute("PRAGMA foreign_keys = ON")
        self.conn.executescript(SCHEMA)
        self.conn.executemany("INSERT INTO products VALUES (?, ?, ?)", PRODUCTS)
        self._next_order = 1

    def customer(self, id, name, country, signed_up_at="2023-06-01 09:00:00"):
        self.conn.execute("INSERT INTO customers VALUES (?, ?, ?, ?)", (id, name, country, signed_up_at))
        return id

    def order(self, customer_id, status, ordered_at, *items):
        """items: (product_id, quantity, unit_price_cents, discount_cents or None)"""
        order_id = self._next_order
        self._next_order += 1
        self.conn.execute("INSERT INTO orders VALUES (?, ?, ?, ?)", (order_id, customer_id, status, ordered_at))
        self.conn.executemany(
            "INSERT INTO order_items VALUES (?, ?, ?, ?, ?)", [(order_id, *item) for item in items]
        )
        return order_id


@pytest.fixture
def shop():
    shop = Shop()
    yield shop
    shop.conn.close()
