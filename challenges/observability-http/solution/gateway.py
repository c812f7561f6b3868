"""The payment gateway, simulated. Given: keep it as it is.

A charge takes about 100 ms (a round trip to the gateway); the gateway times out on every card number
that ends in 0000.
"""
import secrets
import time


class GatewayError(Exception):
    """The gateway did not confirm the charge."""


def charge(card_number, quantity):
    """Charges the card for `quantity` items; the gateway's id of the charge."""
    time.sleep(0.1)
    if card_number.endswith("0000"):
        raise GatewayError(f"gateway timeout charging card {card_number} for {quantity} item(s)")
    return "ch_" + secrets.token_hex(8)
