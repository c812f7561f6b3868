"""Mutant: n goes straight into LIMIT: 0 returns nothing and -1 returns everyone, no ValueError."""

from __future__ import annotations

import sqlite3
from typing import List, Optional, Tuple

# Net revenue of one order line, in cents. A NULL discount means no discount.
_LINE_REVENUE = "oi.quantity * oi.unit_price_cents - COALESCE(oi.discount_cents, 0)"


def monthly_revenue(
    conn: sqlite3.Connection, country: Optional[str] = None
) -> List[Tuple[str, Optional[str], int]]:
    sql = f"""
        SELECT strftime('%Y-%m', o.ordered_at) AS month,
               c.country                       AS country,
               SUM({_LINE_REVENUE})            AS revenue_cents
          FROM orders o
          JOIN order_items oi ON oi.order_id = o.id
          LEFT JOIN customers c ON c.id = o.customer_id
         WHERE o.status = 'paid'
           AND (:country IS NULL OR c.country = :country)
         GROUP BY month, c.country
         ORDER BY month, c.country IS NULL, c.country
    """
    return conn.execute(sql, {"country": country}).fetchall()


def top_customers(conn: sqlite3.Connection, n: int) -> List[Tuple[int, str, int]]:
    sql = f"""
        SELECT c.id, c.name, COALESCE(SUM({_LINE_REVENUE}), 0) AS lifetime_value_cents
          FROM customers c
          LEFT JOIN orders o ON o.customer_id = c.id AND o.status = 'paid'
          LEFT JOIN order_items oi ON oi.order_id = o.id
         GROUP BY c.id
         ORDER BY lifetime_value_cents DESC, c.signed_up_at, c.id
         LIMIT :n
    """
    return conn.execute(sql, {"n": n}).fetchall()


def inactive_customers(conn: sqlite3.Connection, start: str, end: str) -> List[Tuple[int, str]]:
    sql = """
        SELECT c.id, c.name
          FROM customers c
         WHERE NOT EXISTS (
                 SELECT 1
                   FROM orders o
                  WHERE o.customer_id = c.id
                    AND o.ordered_at >= :start
                    AND o.ordered_at < :end
               )
         ORDER BY c.id
    """
    return conn.execute(sql, {"start": start, "end": end}).fetchall()
