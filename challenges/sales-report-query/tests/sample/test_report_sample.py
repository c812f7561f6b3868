from report import inactive_customers, monthly_revenue, top_customers


def test_monthly_revenue_sums_paid_lines(shop):
    ada = shop.customer(1, "Ada", "FR")
    shop.order(ada, "paid", "2024-01-05 10:00:00", (1, 2, 5000, 1000), (4, 1, 1000, None))
    shop.order(ada, "paid", "2024-02-05 10:00:00", (2, 1, 2500, None))

    assert monthly_revenue(shop.conn) == [("2024-01", "FR", 10000), ("2024-02", "FR", 2500)]


def test_top_customers_ranks_by_lifetime_value(shop):
    ada = shop.customer(1, "Ada", "FR")
    bo = shop.customer(2, "Bo", "DE")
    shop.order(ada, "paid", "2024-01-05 10:00:00", (4, 1, 1000, None))
    shop.order(bo, "paid", "2024-01-06 10:00:00", (1, 1, 5000, None))

    assert top_customers(shop.conn, 2) == [(2, "Bo", 5000), (1, "Ada", 1000)]


def test_inactive_customers_lists_customers_without_orders(shop):
    ada = shop.customer(1, "Ada", "FR")
    shop.customer(2, "Bo", "DE")
    shop.order(ada, "paid", "2024-01-05 10:00:00", (4, 1, 1000, None))

    assert inactive_customers(shop.conn, "2024-01-01", "2024-02-01") == [(2, "Bo")]
