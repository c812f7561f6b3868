from orders_api import execute

PAGE = """query Page($first: Int, $after: String) {
  customers(first: $first, after: $after) { edges { cursor node { id name } } pageInfo { hasNextPage endCursor } }
}"""

WITH_ORDERS = """query Orders($first: Int, $orders: Int) {
  customers(first: $first) { edges { node { id name orders(first: $orders) { id placedOn totalCents items { sku quantity } } } } }
}"""


def _page(first=None, after=None):
    response = execute(PAGE, {name: value for name, value in (("first", first), ("after", after)) if value is not None})
    assert "errors" not in response, response["errors"]
    return response["data"]["customers"]


def _walk(first):
    """Every page from the first with `first` customers each: the customers, the pages' sizes, the last page."""
    seen, sizes, after = [], [], None
    while True:
        page = _page(first, after)
        seen += [edge["node"] for edge in page["edges"]]
        sizes.append(len(page["edges"]))
        if not page["pageInfo"]["hasNextPage"]:
            return seen, sizes, page
        after = page["pageInfo"]["endCursor"]
        assert len(sizes) <= 60, "pages never end"


def test_answers_the_first_page(customers_in_order):
    page = _page(3)
    assert [edge["node"] for edge in page["edges"]] == customers_in_order()[:3]
    assert page["pageInfo"]["hasNextPage"] is True
    assert page["pageInfo"]["endCursor"] == page["edges"][-1]["cursor"]


def test_pages_ten_customers_by_default(customers_in_order):
    assert [edge["node"] for edge in _page()["edges"]] == customers_in_order()[:10]


def test_walks_every_page_without_gaps_or_repeats(customers_in_order):
    # 60 customers: pages of 7 end on a short page, pages of 12 on a full one, which has no next page either.
    for first in (7, 12):
        seen, sizes, last = _walk(first)
        assert seen == customers_in_order()
        assert sizes[-1] == 60 - first * (len(sizes) - 1) > 0
        assert last["pageInfo"]["endCursor"] == last["edges"][-1]["cursor"]


def test_a_page_starts_after_its_cursor_when_customers_were_added_before_it(customers_in_order, add_customer):
    first_page = _page(5)
    before = customers_in_order()
    # Two new customers sort before the whole first page, one between the pages' namesakes.
    add_customer(61, "Aaron Swartz")
    add_customer(62, "Aaron Swartz")
    add_customer(63, before[5]["name"])
    second_page = _page(5, first_page["pageInfo"]["endCursor"])
    assert [edge["node"] for edge in second_page["edges"]] == [c for c in customers_in_order() if c["id"] != 61 and c["id"] != 62][5:10]


def test_answers_each_customers_latest_orders_with_their_items(orders_of):
    response = execute(WITH_ORDERS, {"first": 20, "orders": 4})
    assert "errors" not in response, response["errors"]
    customers = [edge["node"] for edge in response["data"]["customers"]["edges"]]
    assert len(customers) == 20
    for customer in customers:
        assert customer["orders"] == orders_of(customer["id"], 4), customer["name"]


def test_answers_three_orders_by_default(orders_of):
    response = execute("{ customers(first: 12) { edges { node { id orders { id } } } } }")
    assert "errors" not in response, response["errors"]
    for edge in response["data"]["customers"]["edges"]:
        assert edge["node"]["orders"] == [{"id": order["id"]} for order in orders_of(edge["node"]["id"], 3)]


def test_a_page_with_orders_and_items_costs_three_statements(statements):
    for first in (5, 20, 50):
        before = statements()
        response = execute(WITH_ORDERS, {"first": first, "orders": 5})
        assert "errors" not in response, response["errors"]
        assert statements() - before <= 3, f"a page of {first} customers ran {statements() - before} statements"


def _refused(query, variables):
    response = execute(query, variables)
    assert response.get("errors"), f"{variables} was answered: {response['data']}"
    return response


def test_first_out_of_bounds_is_an_error():
    for first in (0, -1, 51, 100000):
        assert _refused(PAGE, {"first": first})["data"]["customers"] is None
    for orders in (0, 21, 100000):
        _refused(WITH_ORDERS, {"first": 2, "orders": orders})


def test_a_cursor_it_did_not_issue_is_an_error():
    for cursor in ("not a cursor", "bm90IGpzb24=", "WzEsIDJd"):  # not base64, "not json", "[1, 2]"
        assert _refused(PAGE, {"first": 2, "after": cursor})["data"]["customers"] is None
