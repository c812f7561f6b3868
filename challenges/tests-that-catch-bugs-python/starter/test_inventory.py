"""Tests of inventory.py. Add yours: each should pin one rule of the specification."""

from inventory import Inventory


def test_added_stock_is_available():
    inventory = Inventory()
    inventory.add_stock("KB-01", 5)
    assert inventory.available("KB-01") == 5
