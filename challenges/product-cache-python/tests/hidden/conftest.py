"""The tests' own connections, as the tests' user (assay_admin): the table restored and Redis emptied
before each test, and the solution's statements counted by pg_stat_statements."""
import os

import psycopg2
import pytest
import redis


@pytest.fixture(scope="session")
def admin():
    conn = psycopg2.connect("")
    conn.autocommit = True
    yield conn
    conn.close()


@pytest.fixture(autouse=True)
def fresh(admin):
    redis.Redis.from_url(os.environ["REDIS_URL"]).flushall()
    with admin.cursor() as cur:
        cur.execute("UPDATE products p SET name = s.name, price_cents = s.price_cents FROM products_seed s WHERE p.id = s.id")
        cur.execute("SELECT pg_stat_statements_reset()")


@pytest.fixture
def queries(admin):
    """How many statements the solution's role has run against the products table since the test began."""
    def count():
        with admin.cursor() as cur:
            cur.execute(
                "SELECT coalesce(sum(s.calls), 0) FROM pg_stat_statements s JOIN pg_roles r ON r.oid = s.userid"
                " WHERE r.rolname = 'assay_app' AND s.query ILIKE '%products%'")
            return int(cur.fetchone()[0])
    return count


@pytest.fixture
def write_directly(admin):
    """A write that bypasses the module, as another service's would."""
    def write(product_id, price_cents):
        with admin.cursor() as cur:
            cur.execute("UPDATE products SET price_cents = %s WHERE id = %s", (price_cents, product_id))
    return write


@pytest.fixture
def catalog():
    """ProductCatalog(...), each closed after the test: the solution's role has ten connections."""
    from catalog import ProductCatalog

    made = []

    def make(**kwargs):
        made.append(ProductCatalog(**kwargs))
        return made[-1]
    yield make
    for instance in made:
        instance.close()
