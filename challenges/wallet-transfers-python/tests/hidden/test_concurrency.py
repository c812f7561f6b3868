"""Sixteen callers at once against eight connections: each test checks what must hold whatever the order
the calls ran in."""
import random
from collections import Counter

from crowd import at_once
from wallet import InsufficientFunds

THREADS = 16


def test_concurrent_withdrawals_lose_none(wallet, balances, ledger):
    returned = at_once(THREADS, lambda slot: [wallet.withdraw(3, 10) for _ in range(20)])
    assert balances(3) == {3: 10000 - 320 * 10}
    assert ledger() == [(3, -10)] * 320
    # Each withdrawal saw the balance the one before it left: every new balance was returned once.
    assert sorted(b for calls in returned for b in calls) == list(range(6800, 10000, 10))


def _withdraw_or_refuse(wallet, account_id, amount_cents):
    try:
        wallet.withdraw(account_id, amount_cents)
        return True
    except InsufficientFunds:
        return False


def test_concurrent_withdrawals_never_overdraw(wallet, balances, ledger):
    # 128 withdrawals of 10 cents from 500: exactly 50 may succeed.
    accepted = at_once(THREADS, lambda slot: sum(_withdraw_or_refuse(wallet, 2, 10) for _ in range(8)))
    assert sum(accepted) == 50
    assert balances(2) == {2: 0}
    assert ledger() == [(2, -10)] * 50


ACCOUNTS = [4, 5, 6, 7]


def _mixed_calls(wallet, slot):
    """Twelve transfers, deposits and withdrawals between ACCOUNTS, some of them too large; what each accepted
    call moved, as (account, amount) pairs."""
    rng = random.Random(slot)
    moved = []
    for _ in range(12):
        kind = rng.choice(["transfer", "transfer", "deposit", "withdraw"])
        try:
            if kind == "transfer":
                source, target = rng.sample(ACCOUNTS, 2)
                amount = rng.randint(1, 4000)
                wallet.transfer(source, target, amount)
                moved += [(source, -amount), (target, amount)]
            elif kind == "deposit":
                account, amount = rng.choice(ACCOUNTS), rng.randint(1, 500)
                wallet.deposit(account, amount)
                moved.append((account, amount))
            else:
                account, amount = rng.choice(ACCOUNTS), rng.randint(1, 4000)
                wallet.withdraw(account, amount)
                moved.append((account, -amount))
        except InsufficientFunds:
            pass
    return moved


def test_concurrent_transfers_create_and_lose_no_money(wallet, balances, ledger):
    moved = [pair for calls in at_once(THREADS, lambda slot: _mixed_calls(wallet, slot)) for pair in calls]
    # No check that balances stay above zero: test_concurrent_withdrawals_never_overdraw's, where every run
    # contends for an account's last cents; here only some runs do, so a check would fail by chance.
    final = balances(*ACCOUNTS)
    # What each accepted call moved is in the ledger exactly once, and nothing else is.
    assert Counter(ledger()) == Counter(moved)
    expected = {account: 10000 + sum(amount for a, amount in moved if a == account) for account in ACCOUNTS}
    assert final == expected


def test_opposite_transfers_do_not_deadlock(wallet, balances):
    # Half the callers move money from 8 to 9, half from 9 to 8: every transfer is covered, so each must succeed.
    def calls(slot):
        source, target = (8, 9) if slot % 2 == 0 else (9, 8)
        for _ in range(10):
            wallet.transfer(source, target, 1)

    at_once(THREADS, calls)
    assert balances(8, 9) == {8: 10000, 9: 10000}
