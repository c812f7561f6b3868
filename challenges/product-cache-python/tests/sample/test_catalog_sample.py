"""Runs against the seeded products table and a fresh Redis in the grading sandbox."""
from catalog import ProductCatalog


def test_gets_a_product():
    assert ProductCatalog().get(1) == {"id": 1, "name": "Desk lamp", "price_cents": 2499}
