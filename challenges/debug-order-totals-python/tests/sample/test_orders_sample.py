"""The service's existing tests. They pass against the code in production: the bugs got past them."""

from datetime import date, datetime, timezone
from decimal import Decimal

from shop.models import LineItem, Order, Promotion
from shop.pricing import quote

D = Decimal
UTC = timezone.utc
VAT = D("0.20")
SPRING10 = Promotion("SPRING10", D("10"), date(2024, 3, 18), date(2024, 3, 31))


def test_quotes_an_order_with_vat():
    order = Order("O-1", "C-1", datetime(2024, 3, 10, 9, 0, tzinfo=UTC), [LineItem("KB-01", D("19.99"), 2)])
    q = quote(order, [SPRING10], VAT)
    assert (q.subtotal, q.discount, q.tax, q.total) == (D("39.98"), D("0"), D("8.00"), D("47.98"))


def test_applies_a_running_promotion_before_tax():
    order = Order("O-2", "C-1", datetime(2024, 3, 20, 9, 0, tzinfo=UTC), [LineItem("MON-27", D("249.00"), 1)], "SPRING10")
    q = quote(order, [SPRING10], VAT)
    assert (q.subtotal, q.discount, q.tax, q.total, q.promo_code) == (D("249.00"), D("24.90"), D("44.82"), D("268.92"), "SPRING10")


def test_ignores_an_unknown_promo_code():
    order = Order("O-3", "C-2", datetime(2024, 3, 20, 9, 0, tzinfo=UTC), [LineItem("CBL-2", D("4.97"), 2)], "WINTER")
    assert quote(order, [SPRING10], VAT).discount == 0


def test_stores_and_loads_an_order(repo):
    order = Order("O-4", "C-3", datetime(2024, 3, 20, 9, 30, tzinfo=UTC), [LineItem("KB-01", D("19.99"), 1)], "SPRING10")
    repo.add(order)
    assert repo.get("O-4") == order
    assert repo.get("O-404") is None


def test_lists_the_orders_of_a_day(repo):
    for n, hour in enumerate([3, 9, 17]):
        repo.add(Order(f"O-{n}", "C-1", datetime(2024, 3, 20, hour, 0, tzinfo=UTC), [LineItem("KB-01", D("19.99"), 1)]))
    repo.add(Order("O-9", "C-1", datetime(2024, 3, 21, 0, 0, tzinfo=UTC), [LineItem("KB-01", D("19.99"), 1)]))
    day = repo.placed_between(datetime(2024, 3, 20, tzinfo=UTC), datetime(2024, 3, 21, tzinfo=UTC))
    assert [o.id for o in day] == ["O-0", "O-1", "O-2"]
