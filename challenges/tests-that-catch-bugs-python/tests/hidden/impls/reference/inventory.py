"""Stock reservations (grading copy)."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Dict


class InventoryError(Exception):
    """Base class of the errors below."""


class UnknownSku(InventoryError):
    """The SKU has never been stocked."""


class InsufficientStock(InventoryError):
    """Fewer units are available than requested."""


class KeyConflict(InventoryError):
    """The idempotency key was already used for a different SKU or quantity."""


class UnknownReservation(InventoryError):
    """No reservation was ever made with this key."""


@dataclass(frozen=True)
class Reservation:
    key: str
    sku: str
    quantity: int


def _check_quantity(quantity: object) -> int:
    if isinstance(quantity, bool) or not isinstance(quantity, int) or quantity < 1:
        raise ValueError(f"quantity must be a positive integer, got {quantity!r}")
    return quantity


class Inventory:
    def __init__(self) -> None:
        self._on_hand: Dict[str, int] = {}
        self._reserved: Dict[str, int] = {}
        self._reservations: Dict[str, Reservation] = {}
        self._released: set = set()
        self._lock = threading.Lock()

    def add_stock(self, sku: str, quantity: int) -> None:
        """Adds `quantity` (a positive int) units of `sku`, stocking it for the first time if need be."""
        _check_quantity(quantity)
        with self._lock:
            self._on_hand[sku] = self._on_hand.get(sku, 0) + quantity
            self._reserved.setdefault(sku, 0)

    def available(self, sku: str) -> int:
        """Units of `sku` on hand and not reserved. Raises UnknownSku for a SKU never stocked."""
        with self._lock:
            return self._available(sku)

    def _available(self, sku: str) -> int:
        if sku not in self._on_hand:
            raise UnknownSku(sku)
        return self._on_hand[sku] - self._reserved[sku]

    def reserve(self, key: str, sku: str, quantity: int) -> Reservation:
        """Reserves `quantity` units of `sku` under the idempotency key `key`.

        Repeating a call with the same key, SKU and quantity returns the first call's reservation and
        reserves nothing more, even after it was released. The same key with another SKU or quantity raises
        KeyConflict. A refused reservation (ValueError, UnknownSku, InsufficientStock) changes nothing and
        does not use up its key.
        """
        _check_quantity(quantity)
        with self._lock:
            existing = self._reservations.get(key)
            if existing is not None:
                if (existing.sku, existing.quantity) != (sku, quantity):
                    raise KeyConflict(key)
                return existing
            if self._available(sku) < quantity:
                raise InsufficientStock(f"{sku}: {self._available(sku)} available, {quantity} requested")
            self._reserved[sku] += quantity
            reservation = Reservation(key, sku, quantity)
            self._reservations[key] = reservation
            return reservation

    def release(self, key: str) -> None:
        """Makes the reservation's units available again. Releasing twice is a no-op.

        Raises UnknownReservation for a key no reservation was made with.
        """
        with self._lock:
            reservation = self._reservations.get(key)
            if reservation is None:
                raise UnknownReservation(key)
            if key in self._released:
                return
            self._released.add(key)
            self._reserved[reservation.sku] -= reservation.quantity
