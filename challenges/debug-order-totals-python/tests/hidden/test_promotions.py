from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

from shop.models import LineItem, Order, Promotion
from shop.pricing import active_promotion, quote

D = Decimal
UTC = timezone.utc
SPRING10 = Promotion("SPRING10", D("10"), date(2024, 3, 18), date(2024, 3, 31))
ONE_DAY = Promotion("FLASH20", D("20"), date(2024, 5, 7), date(2024, 5, 7))


def placed(at, code="SPRING10"):
    return Order("O-9", "C-9", at, [LineItem("KB-01", D("50.00"), 1)], code)


def discount(at, promotions=(SPRING10,), code="SPRING10"):
    return quote(placed(at, code), promotions, D("0.20")).discount


def test_promotion_applies_on_its_last_day():
    assert SPRING10.applies_on(date(2024, 3, 31))
    assert ONE_DAY.applies_on(date(2024, 5, 7))
    assert discount(datetime(2024, 3, 31, 19, 58, tzinfo=UTC)) == D("5.00")
    assert discount(datetime(2024, 5, 7, 12, 0, tzinfo=UTC), [ONE_DAY], "FLASH20") == D("10.00")


def test_promotion_applies_on_its_first_day_and_not_outside():
    assert SPRING10.applies_on(date(2024, 3, 18))
    assert SPRING10.applies_on(date(2024, 3, 25))
    assert not SPRING10.applies_on(date(2024, 3, 17))
    assert not SPRING10.applies_on(date(2024, 4, 1))
    assert not ONE_DAY.applies_on(date(2024, 5, 6)) and not ONE_DAY.applies_on(date(2024, 5, 8))
    assert discount(datetime(2024, 3, 18, 9, 0, tzinfo=UTC)) == D("5.00")
    assert discount(datetime(2024, 4, 1, 9, 0, tzinfo=UTC)) == D("0")
    assert discount(datetime(2024, 3, 10, 9, 0, tzinfo=UTC)) == D("0")


def test_promotion_day_is_the_shop_local_day():
    # Paris is UTC+1 until 31 March 2024 02:00, UTC+2 after it.
    assert discount(datetime(2024, 3, 17, 23, 30, tzinfo=UTC)) == D("5.00")   # 18 March, 00:30 in Paris
    assert discount(datetime(2024, 3, 31, 22, 30, tzinfo=UTC)) == D("0")      # 1 April, 00:30 in Paris
    new_york = timezone(timedelta(hours=-4))
    assert discount(datetime(2024, 3, 31, 19, 15, tzinfo=new_york)) == D("0")  # 1 April, 01:15 in Paris
    tokyo = timezone(timedelta(hours=9))
    assert active_promotion(placed(datetime(2024, 3, 18, 7, 30, tzinfo=tokyo)), [SPRING10]) is None  # 17 March in Paris
    assert active_promotion(placed(datetime(2024, 3, 18, 8, 30, tzinfo=tokyo)), [SPRING10]) == SPRING10
