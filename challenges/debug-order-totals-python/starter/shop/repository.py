"""Orders stored in SQLite."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from decimal import Decimal
from typing import List, Optional

from shop.models import LineItem, Order

SCHEMA = """
CREATE TABLE IF NOT EXISTS orders (
    id          TEXT PRIMARY KEY,
    customer_id TEXT NOT NULL,
    placed_at   TEXT NOT NULL,
    promo_code  TEXT
);
CREATE TABLE IF NOT EXISTS order_lines (
    order_id   TEXT NOT NULL REFERENCES orders(id),
    position   INTEGER NOT NULL,
    sku        TEXT NOT NULL,
    unit_price TEXT NOT NULL,
    quantity   INTEGER NOT NULL,
    PRIMARY KEY (order_id, position)
);
"""


class OrderRepository:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def create_schema(self) -> None:
        self._conn.executescript(SCHEMA)

    def add(self, order: Order) -> None:
        with self._conn:
            self._conn.execute(
                "INSERT INTO orders (id, customer_id, placed_at, promo_code) VALUES (?, ?, ?, ?)",
                (order.id, order.customer_id, order.placed_at.isoformat(), order.promo_code),
            )
            self._conn.executemany(
                "INSERT INTO order_lines (order_id, position, sku, unit_price, quantity) VALUES (?, ?, ?, ?, ?)",
                [(order.id, i, line.sku, str(line.unit_price), line.quantity) for i, line in enumerate(order.lines)],
            )

    def get(self, order_id: str) -> Optional[Order]:
        row = self._conn.execute(
            "SELECT id, customer_id, placed_at, promo_code FROM orders WHERE id = ?", (order_id,)
        ).fetchone()
        if row is None:
            return None
        order = Order(row[0], row[1], datetime.fromisoformat(row[2]), promo_code=row[3])
        for sku, unit_price, quantity in self._conn.execute(
            "SELECT sku, unit_price, quantity FROM order_lines WHERE order_id = ? ORDER BY position", (order_id,)
        ):
            order.add_line(LineItem(sku, Decimal(unit_price), quantity))
        return order

    def placed_between(self, start: datetime, end: datetime) -> List[Order]:
        """Orders placed from `start` (included) to `end` (excluded), oldest first, then by id."""
        ids = self._conn.execute(
            "SELECT id FROM orders WHERE placed_at >= ? AND placed_at < ? ORDER BY placed_at, id",
            (start.isoformat(), end.isoformat()),
        ).fetchall()
        return [self.get(order_id) for (order_id,) in ids]
