"""Only the happy path: reserving within stock and releasing."""

import pytest

from inventory import InsufficientStock, Inventory


def test_reserve_and_release():
    inventory = Inventory()
    inventory.add_stock("KB-01", 5)
    reservation = inventory.reserve("order-1", "KB-01", 2)
    assert reservation.quantity == 2
    assert inventory.available("KB-01") == 3
    inventory.release("order-1")
    assert inventory.available("KB-01") == 5


def test_cannot_reserve_more_than_in_stock():
    inventory = Inventory()
    inventory.add_stock("KB-01", 3)
    inventory.reserve("order-1", "KB-01", 2)
    with pytest.raises(InsufficientStock):
        inventory.reserve("order-2", "KB-01", 2)
