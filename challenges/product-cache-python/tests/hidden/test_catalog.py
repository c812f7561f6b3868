import time


def test_gets_a_product(catalog):
    assert catalog().get(1) == {"id": 1, "name": "Desk lamp", "price_cents": 2499}


def test_an_unknown_product_is_none(catalog):
    assert catalog().get(9999) is None


def test_a_cached_product_is_the_same_value(catalog):
    products = catalog()
    first = products.get(7)
    again = products.get(7)
    assert again == first == {"id": 7, "name": "Product 7", "price_cents": 1259}
    assert type(again["price_cents"]) is int


def test_repeated_reads_query_the_database_once(catalog, queries):
    products = catalog()
    for _ in range(20):
        assert products.get(3)["price_cents"] == 1111
    assert queries() == 1


def test_the_cache_is_shared_between_instances(catalog, queries):
    # Two processes of the service, one Redis: the second reads what the first cached.
    catalog().get(4)
    assert catalog().get(4)["name"] == "Product 4"
    assert queries() == 1


def test_a_price_update_is_visible_at_once(catalog):
    products = catalog()
    assert products.get(1)["price_cents"] == 2499
    assert products.update_price(1, 1999) is True
    assert products.get(1)["price_cents"] == 1999


def test_a_rename_is_visible_at_once_to_another_instance(catalog):
    reader, writer = catalog(), catalog()
    assert reader.get(2)["name"] == "Product 2"
    assert writer.rename(2, "Standing desk") is True
    assert reader.get(2)["name"] == "Standing desk"
    assert writer.get(2)["name"] == "Standing desk"


def test_an_update_of_an_unknown_product_is_false(catalog):
    assert catalog().update_price(9999, 100) is False


def test_a_direct_database_write_is_visible_after_the_ttl(catalog, write_directly):
    products = catalog(ttl_seconds=1)
    assert products.get(5)["price_cents"] == 1185
    write_directly(5, 4200)
    time.sleep(1.2)
    assert products.get(5)["price_cents"] == 4200
