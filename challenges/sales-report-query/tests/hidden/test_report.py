import pytest

from report import inactive_customers, monthly_revenue, top_customers


# --- monthly_revenue -------------------------------------------------------------------------------------


def test_monthly_revenue_full_report(shop):
    ada = shop.customer(1, "Ada", "FR")
    bo = shop.customer(2, "Bo", "DE")
    cy = shop.customer(3, "Cy", "FR")
    di = shop.customer(4, "Di", None)
    shop.order(ada, "paid", "2023-12-31 23:00:00", (4, 1, 1000, None))
    # Lines are charged at their own unit price, not the catalogue price.
    shop.order(ada, "paid", "2024-01-05 10:00:00", (1, 2, 4500, None), (4, 3, 1000, 500))
    shop.order(bo, "paid", "2024-01-20 08:30:00", (3, 1, 19000, 1000))
    shop.order(cy, "refunded", "2024-01-21 12:00:00", (3, 1, 20000, None))
    shop.order(ada, "paid", "2024-01-31 23:59:59", (2, 1, 2500, None))
    shop.order(cy, "paid", "2024-02-01 00:00:00", (2, 4, 2000, None))
    shop.order(di, "paid", "2024-02-10 15:00:00", (4, 10, 900, 0))
    shop.order(None, "paid", "2024-02-11 16:00:00", (1, 1, 5000, None))
    shop.order(bo, "cancelled", "2024-02-12 09:00:00", (1, 1, 5000, None))
    shop.order(bo, "pending", "2024-03-01 09:00:00", (1, 1, 5000, None))
    shop.order(bo, "paid", "2024-03-15 11:00:00", (2, 2, 2500, 1000))

    assert monthly_revenue(shop.conn) == [
        ("2023-12", "FR", 1000),
        ("2024-01", "DE", 18000),
        ("2024-01", "FR", 14000),
        ("2024-02", "FR", 8000),
        ("2024-02", None, 14000),
        ("2024-03", "DE", 4000),
    ]


def test_monthly_revenue_counts_only_paid_orders(shop):
    eve = shop.customer(1, "Eve", "NL")
    shop.order(eve, "paid", "2024-05-02 10:00:00", (4, 1, 1000, None))
    shop.order(eve, "refunded", "2024-05-03 10:00:00", (3, 1, 5000, None))
    shop.order(eve, "cancelled", "2024-05-04 10:00:00", (3, 1, 7000, None))
    shop.order(eve, "pending", "2024-05-05 10:00:00", (3, 1, 9000, None))
    shop.order(eve, "refunded", "2024-06-01 10:00:00", (1, 2, 5000, None))
    shop.order(eve, "pending", "2024-07-01 10:00:00", (1, 2, 5000, None))

    assert monthly_revenue(shop.conn) == [("2024-05", "NL", 1000)]


def test_monthly_revenue_treats_a_missing_discount_as_zero(shop):
    fay = shop.customer(1, "Fay", "SE")
    shop.order(fay, "paid", "2024-04-01 10:00:00", (1, 1, 5000, None), (2, 2, 2500, 500))
    shop.order(fay, "paid", "2024-04-09 10:00:00", (3, 1, 20000, None))
    shop.order(fay, "paid", "2024-05-09 10:00:00", (4, 3, 1000, None))

    assert monthly_revenue(shop.conn) == [("2024-04", "SE", 29500), ("2024-05", "SE", 3000)]


def test_monthly_revenue_reports_unknown_country_last(shop):
    us = shop.customer(1, "Gus", "US")
    at = shop.customer(2, "Hal", "AT")
    nowhere = shop.customer(3, "Ivy", None)
    shop.order(nowhere, "paid", "2024-01-03 10:00:00", (4, 1, 1000, None))
    shop.order(us, "paid", "2024-01-04 10:00:00", (4, 2, 1000, None))
    shop.order(None, "paid", "2024-01-05 10:00:00", (4, 4, 1000, None))
    shop.order(at, "paid", "2024-01-06 10:00:00", (4, 8, 1000, None))
    shop.order(None, "paid", "2024-02-01 10:00:00", (2, 1, 2500, None))
    shop.order(us, "paid", "2024-02-02 10:00:00", (2, 2, 2500, None))

    assert monthly_revenue(shop.conn) == [
        ("2024-01", "AT", 8000),
        ("2024-01", "US", 2000),
        ("2024-01", None, 5000),
        ("2024-02", "US", 5000),
        ("2024-02", None, 2500),
    ]


def test_monthly_revenue_filters_by_country(shop):
    fr = shop.customer(1, "Jo", "FR")
    ci = shop.customer(2, "Kofi", "Côte d'Ivoire")
    unknown = shop.customer(3, "Lu", None)
    shop.order(fr, "paid", "2024-01-10 10:00:00", (1, 1, 5000, None))
    shop.order(ci, "paid", "2024-01-11 10:00:00", (2, 1, 2500, None))
    shop.order(ci, "paid", "2024-03-11 10:00:00", (2, 2, 2500, None))
    shop.order(unknown, "paid", "2024-01-12 10:00:00", (4, 1, 1000, None))

    assert monthly_revenue(shop.conn, "Côte d'Ivoire") == [("2024-01", "Côte d'Ivoire", 2500), ("2024-03", "Côte d'Ivoire", 5000)]
    assert monthly_revenue(shop.conn, "FR") == [("2024-01", "FR", 5000)]
    assert monthly_revenue(shop.conn, "Atlantis") == []


def test_monthly_revenue_is_safe_from_sql_injection(shop):
    fr = shop.customer(1, "Mo", "FR")
    de = shop.customer(2, "Ned", "DE")
    shop.order(fr, "paid", "2024-01-10 10:00:00", (1, 1, 5000, None))
    shop.order(de, "paid", "2024-01-11 10:00:00", (2, 1, 2500, None))

    for hostile in ("x' OR '1'='1", "FR' --", "x' OR country IS NOT NULL OR '1'='1", "'; DROP TABLE orders; --"):
        assert monthly_revenue(shop.conn, hostile) == [], hostile
    assert shop.conn.execute("SELECT COUNT(*) FROM orders").fetchone() == (2,)


# --- top_customers ---------------------------------------------------------------------------------------


def test_top_customers_ranks_by_lifetime_value(shop):
    a = shop.customer(1, "Olga", "PL")
    b = shop.customer(2, "Pia", "PL")
    c = shop.customer(3, "Quin", "IE")
    d = shop.customer(4, "Rui", "PT")
    shop.order(a, "paid", "2024-01-01 10:00:00", (4, 3, 1000, None))
    shop.order(b, "paid", "2024-01-02 10:00:00", (1, 1, 5000, None))
    shop.order(b, "paid", "2024-02-02 10:00:00", (2, 2, 2500, None), (4, 1, 1000, 1000))
    shop.order(c, "paid", "2024-01-03 10:00:00", (3, 1, 7500, 500))
    shop.order(c, "refunded", "2024-01-04 10:00:00", (3, 3, 20000, None))
    shop.order(d, "pending", "2024-01-05 10:00:00", (3, 5, 20000, None))

    assert top_customers(shop.conn, 3) == [(2, "Pia", 10000), (3, "Quin", 7000), (1, "Olga", 3000)]
    assert top_customers(shop.conn, 1) == [(2, "Pia", 10000)]


def test_top_customers_breaks_ties_by_signup_then_id(shop):
    c1 = shop.customer(1, "Sam", "US", "2023-03-01 09:00:00")
    c2 = shop.customer(2, "Tia", "US", "2023-01-01 09:00:00")
    c3 = shop.customer(3, "Uma", "US", "2023-01-01 09:00:00")
    c4 = shop.customer(4, "Val", "US", "2023-05-01 09:00:00")
    c5 = shop.customer(5, "Wes", "US", "2022-01-01 09:00:00")
    for customer in (c1, c2, c3):
        shop.order(customer, "paid", "2024-01-01 10:00:00", (1, 1, 5000, None))
    shop.order(c4, "paid", "2024-01-01 10:00:00", (1, 2, 4500, None))
    shop.order(c5, "paid", "2024-01-01 10:00:00", (4, 1, 1000, None))

    assert top_customers(shop.conn, 5) == [
        (4, "Val", 9000),
        (2, "Tia", 5000),
        (3, "Uma", 5000),
        (1, "Sam", 5000),
        (5, "Wes", 1000),
    ]
    assert top_customers(shop.conn, 3) == [(4, "Val", 9000), (2, "Tia", 5000), (3, "Uma", 5000)]


def test_top_customers_includes_customers_without_paid_orders(shop):
    a = shop.customer(1, "Xia", "CN", "2023-01-01 09:00:00")
    b = shop.customer(2, "Yan", "CN", "2023-03-01 09:00:00")
    shop.customer(3, "Zed", "CN", "2023-02-01 09:00:00")
    shop.order(a, "paid", "2024-01-01 10:00:00", (4, 2, 1000, None))
    shop.order(b, "refunded", "2024-01-02 10:00:00", (3, 1, 20000, None))

    assert top_customers(shop.conn, 10) == [(1, "Xia", 2000), (3, "Zed", 0), (2, "Yan", 0)]


def test_top_customers_rejects_a_non_positive_n(shop):
    shop.customer(1, "Abe", "US")
    for n in (0, -1):
        with pytest.raises(ValueError):
            top_customers(shop.conn, n)


# --- inactive_customers ----------------------------------------------------------------------------------


def test_inactive_customers_survives_guest_orders(shop):
    active = shop.customer(1, "Bea", "US")
    lapsed = shop.customer(2, "Cal", "US")
    shop.customer(3, "Dot", "US")
    cancelled = shop.customer(4, "Eli", "US")
    shop.order(active, "paid", "2024-02-10 10:00:00", (4, 1, 1000, None))
    shop.order(lapsed, "paid", "2023-11-10 10:00:00", (4, 1, 1000, None))
    shop.order(lapsed, "paid", "2024-05-10 10:00:00", (4, 1, 1000, None))
    shop.order(cancelled, "cancelled", "2024-03-10 10:00:00", (4, 1, 1000, None))
    shop.order(None, "paid", "2024-02-11 10:00:00", (4, 1, 1000, None))

    assert inactive_customers(shop.conn, "2024-01-01", "2024-04-01") == [(2, "Cal"), (3, "Dot")]
    assert inactive_customers(shop.conn, "2023-01-01", "2023-02-01") == [(1, "Bea"), (2, "Cal"), (3, "Dot"), (4, "Eli")]


def test_inactive_customers_range_is_half_open(shop):
    on_start = shop.customer(1, "Fox", "US")
    on_end = shop.customer(2, "Gil", "US")
    last_second = shop.customer(3, "Hana", "US")
    day_before = shop.customer(4, "Ike", "US")
    shop.order(on_start, "paid", "2024-03-01 00:00:00", (4, 1, 1000, None))
    shop.order(on_end, "paid", "2024-04-01 00:00:00", (4, 1, 1000, None))
    shop.order(last_second, "paid", "2024-03-31 23:59:59", (4, 1, 1000, None))
    shop.order(day_before, "paid", "2024-02-29 23:59:59", (4, 1, 1000, None))

    assert inactive_customers(shop.conn, "2024-03-01", "2024-04-01") == [(2, "Gil"), (4, "Ike")]
