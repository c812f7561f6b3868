"""Pricing rules: subtotal, promotion discount, tax, each rounded to cents half up."""

from __future__ import annotations

from decimal import ROUND_UP, Decimal
from typing import Iterable, Optional
from zoneinfo import ZoneInfo

from shop.models import Order, Promotion, Quote

CENT = Decimal("0.01")
ZERO = Decimal("0.00")

# Promotions run on the shop's calendar days, whatever the customer's time zone.
SHOP_TZ = ZoneInfo("Europe/Paris")


def to_cents(amount: Decimal) -> Decimal:
    """Rounds an amount to whole cents, half a cent rounding up (away from zero)."""
    return amount.quantize(CENT, rounding=ROUND_UP)


def active_promotion(order: Order, promotions: Iterable[Promotion]) -> Optional[Promotion]:
    """The promotion the order's code names, if it runs on the shop-local day the order was placed."""
    if order.promo_code is None:
        return None
    day = order.placed_at.astimezone(SHOP_TZ).date()
    for promo in promotions:
        if promo.code == order.promo_code and promo.applies_on(day):
            return promo
    return None


def quote(order: Order, promotions: Iterable[Promotion] = (), tax_rate: Decimal = Decimal("0")) -> Quote:
    """Prices an order: the discount applies to the subtotal, the tax to what remains after it."""
    subtotal = sum((line.amount for line in order.lines), ZERO)
    promo = active_promotion(order, promotions)
    discount = to_cents(subtotal * promo.percent_off / 100) if promo is not None else ZERO
    taxable = subtotal - discount
    tax = to_cents(taxable * tax_rate)
    return Quote(
        subtotal=to_cents(subtotal),
        discount=discount,
        tax=tax,
        total=to_cents(taxable + tax),
        promo_code=promo.code if promo is not None else None,
    )
