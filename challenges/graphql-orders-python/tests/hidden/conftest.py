"""The tests' own connection, as the tests' user (assay_admin): the customers the tests add removed before
each test, the expected answers read from the tables, and the solution's statements counted by
pg_stat_statements."""
import psycopg2
import pytest


@pytest.fixture(scope="session")
def admin():
    conn = psycopg2.connect("")
    conn.autocommit = True
    yield conn
    conn.close()


def _rows(admin, sql, params=None):
    with admin.cursor() as cur:
        cur.execute(sql, params)
        return cur.fetchall()


@pytest.fixture(autouse=True)
def fresh(admin):
    _rows(admin, "DELETE FROM customers WHERE id > 60 RETURNING id")
    _rows(admin, "SELECT pg_stat_statements_reset()")


@pytest.fixture
def customers_in_order(admin):
    """Every customer as {"id", "name"}, in the order the endpoint pages them."""
    return lambda: [{"id": i, "name": n} for i, n in _rows(admin, "SELECT id, name FROM customers ORDER BY name, id")]


@pytest.fixture
def orders_of(admin):
    """A customer's latest orders with their items, as the endpoint answers them."""
    def read(customer_id, first):
        orders = _rows(admin, "SELECT id, placed_on, total_cents FROM orders WHERE customer_id = %s"
                              " ORDER BY placed_on DESC, id DESC LIMIT %s", (customer_id, first))
        return [{"id": i, "placedOn": placed.isoformat(), "totalCents": total, "items": [
            {"sku": sku, "quantity": quantity}
            for sku, quantity in _rows(admin, "SELECT sku, quantity FROM order_items WHERE order_id = %s ORDER BY id", (i,))
        ]} for i, placed, total in orders]
    return read


@pytest.fixture
def add_customer(admin):
    """A customer inserted behind the endpoint's back, as another service's write would be."""
    def add(customer_id, name):
        _rows(admin, "INSERT INTO customers (id, name) VALUES (%s, %s) RETURNING id", (customer_id, name))
    return add


@pytest.fixture
def statements(admin):
    """How many statements the solution's role has run against the three tables since the test began."""
    def count():
        (calls,), = _rows(admin,
            "SELECT coalesce(sum(s.calls), 0) FROM pg_stat_statements s JOIN pg_roles r ON r.oid = s.userid"
            " WHERE r.rolname = 'assay_app' AND (s.query ILIKE '%customers%' OR s.query ILIKE '%orders%'"
            " OR s.query ILIKE '%order_items%')")
        return int(calls)
    return count
