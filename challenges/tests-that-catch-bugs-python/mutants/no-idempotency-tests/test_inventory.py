"""Tests of inventory.py that never reuse an idempotency key."""

import pytest

from inventory import (
    InsufficientStock,
    Inventory,
    InventoryError,
    KeyConflict,
    Reservation,
    UnknownReservation,
    UnknownSku,
)


@pytest.fixture
def inv():
    inventory = Inventory()
    inventory.add_stock("KB-01", 5)
    return inventory


def test_add_stock_accumulates(inv):
    inv.add_stock("KB-01", 3)
    inv.add_stock("MS-3", 1)
    assert inv.available("KB-01") == 8
    assert inv.available("MS-3") == 1


def test_unknown_sku(inv):
    with pytest.raises(UnknownSku):
        inv.available("NOPE")
    with pytest.raises(UnknownSku):
        inv.reserve("k1", "NOPE", 1)


@pytest.mark.parametrize("quantity", [0, -1, 1.5, "2", True, None])
def test_rejects_invalid_quantities(inv, quantity):
    with pytest.raises(ValueError):
        inv.reserve("k1", "KB-01", quantity)
    with pytest.raises(ValueError):
        inv.add_stock("KB-01", quantity)
    assert inv.available("KB-01") == 5
    # The refused call did not use up its key.
    assert inv.reserve("k1", "KB-01", 1) == Reservation("k1", "KB-01", 1)


def test_reserve_takes_units(inv):
    assert inv.reserve("k1", "KB-01", 2) == Reservation("k1", "KB-01", 2)
    assert inv.available("KB-01") == 3


def test_reserves_the_last_units_exactly(inv):
    inv.reserve("k1", "KB-01", 3)
    inv.reserve("k2", "KB-01", 2)
    assert inv.available("KB-01") == 0
    inv.add_stock("KB-01", 1)
    assert inv.reserve("k3", "KB-01", 1).quantity == 1


def test_refuses_more_than_available_counting_reservations(inv):
    inv.reserve("k1", "KB-01", 4)
    with pytest.raises(InsufficientStock):
        inv.reserve("k2", "KB-01", 2)
    assert inv.available("KB-01") == 1
    with pytest.raises(InsufficientStock):
        inv.reserve("k3", "KB-01", 6)


def test_release_returns_units_once(inv):
    inv.reserve("k1", "KB-01", 2)
    inv.release("k1")
    assert inv.available("KB-01") == 5
    inv.release("k1")
    assert inv.available("KB-01") == 5


def test_release_of_an_unknown_key(inv):
    with pytest.raises(UnknownReservation):
        inv.release("never")


def test_errors_share_a_base_class():
    for error in (UnknownSku, InsufficientStock, KeyConflict, UnknownReservation):
        assert issubclass(error, InventoryError)
