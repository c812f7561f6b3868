"""Tests of inventory.py that stay away from the edges: no exact fits, no invalid input."""

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


def test_reserve_takes_units(inv):
    assert inv.reserve("k1", "KB-01", 2) == Reservation("k1", "KB-01", 2)
    assert inv.available("KB-01") == 3


def test_refuses_more_than_available_counting_reservations(inv):
    inv.reserve("k1", "KB-01", 4)
    with pytest.raises(InsufficientStock):
        inv.reserve("k2", "KB-01", 2)
    assert inv.available("KB-01") == 1
    with pytest.raises(InsufficientStock):
        inv.reserve("k3", "KB-01", 6)


def test_retrying_a_reservation_reserves_once(inv):
    first = inv.reserve("k1", "KB-01", 2)
    assert inv.reserve("k1", "KB-01", 2) == first
    assert inv.available("KB-01") == 3


def test_a_key_reused_for_something_else_conflicts(inv):
    inv.add_stock("MS-3", 5)
    inv.reserve("k1", "KB-01", 2)
    with pytest.raises(KeyConflict):
        inv.reserve("k1", "KB-01", 3)
    with pytest.raises(KeyConflict):
        inv.reserve("k1", "MS-3", 2)
    assert inv.available("KB-01") == 3
    assert inv.available("MS-3") == 5


def test_release_returns_units_once(inv):
    inv.reserve("k1", "KB-01", 2)
    inv.release("k1")
    assert inv.available("KB-01") == 5
    inv.release("k1")
    assert inv.available("KB-01") == 5


def test_a_retry_after_release_does_not_reserve_again(inv):
    first = inv.reserve("k1", "KB-01", 2)
    inv.release("k1")
    assert inv.reserve("k1", "KB-01", 2) == first
    assert inv.available("KB-01") == 5


def test_release_of_an_unknown_key(inv):
    with pytest.raises(UnknownReservation):
        inv.release("never")


def test_errors_share_a_base_class():
    for error in (UnknownSku, InsufficientStock, KeyConflict, UnknownReservation):
        assert issubclass(error, InventoryError)
