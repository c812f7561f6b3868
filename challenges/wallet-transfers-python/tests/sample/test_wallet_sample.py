"""Runs against the seeded accounts in the grading sandbox."""
from wallet import Wallet


def test_a_withdrawal_returns_the_new_balance():
    wallet = Wallet()
    try:
        assert wallet.balance(1) == 2500
        assert wallet.withdraw(1, 700) == 1800
    finally:
        wallet.close()
