"""Sales reports over the shop database. See the statement for the schema and the exact contract."""

from __future__ import annotations

import sqlite3
from typing import List, Optional, Tuple


def monthly_revenue(
    conn: sqlite3.Connection, country: Optional[str] = None
) -> List[Tuple[str, Optional[str], int]]:
    """(month 'YYYY-MM', country or None, revenue in cents) for every month and country with paid sales."""
    raise NotImplementedError


def top_customers(conn: sqlite3.Connection, n: int) -> List[Tuple[int, str, int]]:
    """(customer id, name, lifetime value in cents) of the n most valuable customers."""
    raise NotImplementedError


def inactive_customers(conn: sqlite3.Connection, start: str, end: str) -> List[Tuple[int, str]]:
    """(customer id, name) of every customer who placed no order from `start` (inclusive) to `end` (exclusive)."""
    raise NotImplementedError
