from datetime import datetime, timedelta, timezone
from decimal import Decimal

from shop.models import LineItem, Order
from shop.pricing import quote

D = Decimal
UTC = timezone.utc
PARIS_SUMMER = timezone(timedelta(hours=2))
NEW_YORK = timezone(timedelta(hours=-4))


def fields(order):
    """An Order is the solution's object, which equals only itself here: compare what it holds."""
    return (order.id, order.customer_id, order.placed_at, order.lines, order.promo_code)


def test_round_trips_an_order_with_its_lines(repo):
    placed_at = datetime(2024, 3, 31, 21, 15, 0, tzinfo=NEW_YORK)
    order = Order("O-88240", "C-7", placed_at, [LineItem("KB-01", D("19.99"), 2), LineItem("CBL-2", D("4.90"), 1)], "SPRING10")
    repo.add(order)
    loaded = repo.get("O-88240")
    assert fields(loaded) == fields(order)
    assert loaded.placed_at.utcoffset() is not None
    assert loaded.placed_at == datetime(2024, 4, 1, 1, 15, tzinfo=UTC)
    assert [line.unit_price for line in loaded.lines] == [D("19.99"), D("4.90")]
    assert repo.get("O-404") is None


def test_loaded_orders_do_not_share_lines(repo):
    at = datetime(2024, 3, 20, 9, 0, tzinfo=UTC)
    repo.add(Order("O-1043", "C-1182", at, [LineItem("KB-01", D("19.99"), 1), LineItem("MS-3", D("9.99"), 2)]))
    repo.add(Order("O-1044", "C-2291", at + timedelta(minutes=3), [LineItem("CBL-2", D("4.97"), 1)]))
    repo.add(Order("O-1045", "C-3001", at + timedelta(minutes=5), []))
    first, second = repo.get("O-1043"), repo.get("O-1044")
    assert [line.sku for line in first.lines] == ["KB-01", "MS-3"]
    assert [line.sku for line in second.lines] == ["CBL-2"]
    assert quote(second, [], D("0.20")).total == D("5.96")
    assert repo.get("O-1045").lines == []
    assert [line.sku for line in repo.get("O-1043").lines] == ["KB-01", "MS-3"]


def _seed_mixed_offsets(repo):
    line = [LineItem("KB-01", D("10.00"), 1)]
    placed = {
        "O-1": datetime(2024, 3, 31, 8, 0, tzinfo=UTC),
        "O-2": datetime(2024, 4, 1, 1, 30, tzinfo=PARIS_SUMMER),   # 31 March, 23:30 UTC
        "O-3": datetime(2024, 3, 31, 21, 15, tzinfo=NEW_YORK),     # 1 April, 01:15 UTC
        "O-4": datetime(2024, 3, 30, 22, 30, tzinfo=NEW_YORK),     # 31 March, 02:30 UTC
        "O-5": datetime(2024, 3, 31, 0, 30, tzinfo=PARIS_SUMMER),  # 30 March, 22:30 UTC
        "O-6": datetime(2024, 3, 31, 0, 0, tzinfo=UTC),
        "O-7": datetime(2024, 4, 1, 0, 0, tzinfo=UTC),
        "O-8": datetime(2024, 3, 31, 12, 0, tzinfo=PARIS_SUMMER),  # 31 March, 10:00 UTC
    }
    for order_id, at in placed.items():
        repo.add(Order(order_id, "C-1", at, list(line)))


def test_placed_between_compares_instants_across_offsets(repo):
    _seed_mixed_offsets(repo)
    day = repo.placed_between(datetime(2024, 3, 31, tzinfo=UTC), datetime(2024, 4, 1, tzinfo=UTC))
    assert [o.id for o in day] == ["O-6", "O-4", "O-1", "O-8", "O-2"]
    assert all(o.lines == [LineItem("KB-01", D("10.00"), 1)] for o in day)
    later = repo.placed_between(datetime(2024, 4, 1, tzinfo=UTC), datetime(2024, 4, 2, tzinfo=UTC))
    assert [o.id for o in later] == ["O-7", "O-3"]


def test_placed_between_accepts_bounds_in_any_offset(repo):
    _seed_mixed_offsets(repo)
    # The same UTC day, asked for with Paris and New York bounds.
    start, end = datetime(2024, 3, 31, 2, 0, tzinfo=PARIS_SUMMER), datetime(2024, 4, 1, 2, 0, tzinfo=PARIS_SUMMER)
    assert [o.id for o in repo.placed_between(start, end)] == ["O-6", "O-4", "O-1", "O-8", "O-2"]
    start, end = datetime(2024, 3, 30, 20, 0, tzinfo=NEW_YORK), datetime(2024, 3, 31, 20, 0, tzinfo=NEW_YORK)
    assert [o.id for o in repo.placed_between(start, end)] == ["O-6", "O-4", "O-1", "O-8", "O-2"]
