"""The domain model of the order-pricing service. Money is always a Decimal, never a float."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import List, Optional


@dataclass(frozen=True)
class LineItem:
    """One product on an order: `unit_price` in euros with at most two decimals, `quantity` at least 1."""

    sku: str
    unit_price: Decimal
    quantity: int

    def __post_init__(self) -> None:
        if not isinstance(self.unit_price, Decimal) or self.unit_price < 0:
            raise ValueError(f"unit_price must be a non-negative Decimal, got {self.unit_price!r}")
        if self.unit_price.as_tuple().exponent < -2:
            raise ValueError(f"unit_price has fractions of a cent: {self.unit_price}")
        if isinstance(self.quantity, bool) or not isinstance(self.quantity, int) or self.quantity < 1:
            raise ValueError(f"quantity must be a positive integer, got {self.quantity!r}")

    @property
    def amount(self) -> Decimal:
        return self.unit_price * self.quantity


class Order:
    """An order as the customer placed it. `placed_at` is timezone-aware."""

    def __init__(
        self,
        order_id: str,
        customer_id: str,
        placed_at: datetime,
        lines: Optional[List[LineItem]] = None,
        promo_code: Optional[str] = None,
    ) -> None:
        self.id = order_id
        self.customer_id = customer_id
        self.placed_at = placed_at
        # A fresh list per order: a shared default would carry one order's lines into the next.
        self.lines: List[LineItem] = list(lines) if lines is not None else []
        self.promo_code = promo_code

    def add_line(self, line: LineItem) -> None:
        self.lines.append(line)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Order):
            return NotImplemented
        return (self.id, self.customer_id, self.placed_at, self.lines, self.promo_code) == (
            other.id, other.customer_id, other.placed_at, other.lines, other.promo_code)

    def __repr__(self) -> str:
        return (f"Order({self.id!r}, {self.customer_id!r}, {self.placed_at.isoformat()!r}, "
                f"lines={self.lines!r}, promo_code={self.promo_code!r})")


@dataclass(frozen=True)
class Promotion:
    """A percentage off the whole order, valid from `starts_on` through `ends_on`, both days included."""

    code: str
    percent_off: Decimal
    starts_on: date
    ends_on: date

    def applies_on(self, day: date) -> bool:
        return self.starts_on <= day <= self.ends_on


@dataclass(frozen=True)
class Quote:
    """What the customer pays, in euros rounded to cents."""

    subtotal: Decimal
    discount: Decimal
    tax: Decimal
    total: Decimal
    promo_code: Optional[str] = None
