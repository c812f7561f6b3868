from datetime import date, datetime, timezone
from decimal import Decimal

from shop.models import LineItem, Order, Promotion
from shop.pricing import quote

D = Decimal
UTC = timezone.utc
VAT = D("0.20")
SPRING10 = Promotion("SPRING10", D("10"), date(2024, 3, 18), date(2024, 3, 31))
HALF = Promotion("HALF8", D("12.5"), date(2024, 1, 1), date(2024, 12, 31))


def order(*lines, promo_code=None, placed_at=datetime(2024, 3, 20, 10, 0, tzinfo=UTC)):
    return Order("O-1", "C-1", placed_at, list(lines), promo_code)


def test_quotes_an_order_without_promotion():
    o = order(LineItem("KB-01", D("19.99"), 3), LineItem("CBL-2", D("4.97"), 1))
    q = quote(o, [SPRING10], VAT)
    assert (q.subtotal, q.discount, q.tax, q.total, q.promo_code) == (D("64.94"), D("0"), D("12.99"), D("77.93"), None)
    q = quote(order(LineItem("KB-01", D("19.99"), 3)), [], VAT)
    assert (q.subtotal, q.tax, q.total) == (D("59.97"), D("11.99"), D("71.96"))
    assert quote(order(LineItem("KB-01", D("19.99"), 1), promo_code="NOPE"), [SPRING10], VAT).discount == 0


def test_rounds_half_a_cent_up():
    reduced = D("0.055")
    assert quote(order(LineItem("BK-1", D("11.00"), 1)), [], reduced).tax == D("0.61")
    assert quote(order(LineItem("BK-1", D("15.00"), 1)), [], reduced).tax == D("0.83")
    assert quote(order(LineItem("BK-1", D("7.50"), 3)), [], D("0.07")).tax == D("1.58")
    q = quote(order(LineItem("MS-3", D("9.99"), 4), promo_code="HALF8"), [HALF], VAT)
    assert (q.subtotal, q.discount, q.tax, q.total) == (D("39.96"), D("5.00"), D("6.99"), D("41.95"))


def test_applies_the_discount_before_tax():
    o = order(LineItem("MON-27", D("249.00"), 1), LineItem("CBL-2", D("4.97"), 3), promo_code="SPRING10")
    q = quote(o, [HALF, SPRING10], VAT)
    assert (q.subtotal, q.discount, q.tax, q.total, q.promo_code) == (
        D("263.91"), D("26.39"), D("47.50"), D("285.02"), "SPRING10")
    q = quote(order(LineItem("KB-01", D("33.33"), 1), promo_code="HALF8"), [HALF], D("0.0825"))
    assert (q.discount, q.tax, q.total) == (D("4.17"), D("2.41"), D("31.57"))


def test_quotes_do_not_leak_between_orders():
    first = Order("O-1", "C-1", datetime(2024, 3, 20, 10, 0, tzinfo=UTC))
    first.add_line(LineItem("KB-01", D("19.99"), 2))
    assert quote(first, [], VAT).subtotal == D("39.98")
    second = Order("O-2", "C-2", datetime(2024, 3, 20, 11, 0, tzinfo=UTC))
    second.add_line(LineItem("CBL-2", D("4.97"), 1))
    assert second.lines == [LineItem("CBL-2", D("4.97"), 1)]
    assert quote(second, [], VAT).subtotal == D("4.97")
    assert quote(first, [], VAT).subtotal == D("39.98")
    assert Order("O-3", "C-3", datetime(2024, 3, 20, 12, 0, tzinfo=UTC)).lines == []
