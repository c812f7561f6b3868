import sqlite3

import pytest

from shop.repository import OrderRepository


@pytest.fixture
def repo():
    conn = sqlite3.connect(":memory:")
    repository = OrderRepository(conn)
    repository.create_schema()
    yield repository
    conn.close()
