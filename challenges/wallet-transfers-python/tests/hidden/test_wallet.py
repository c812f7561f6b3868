import pytest
from wallet import InsufficientFunds, UnknownAccount


def test_reads_a_balance(wallet):
    assert wallet.balance(1) == 2500


def test_an_unknown_account_is_refused(wallet, ledger):
    with pytest.raises(UnknownAccount):
        wallet.balance(999)
    with pytest.raises(UnknownAccount):
        wallet.withdraw(999, 100)
    with pytest.raises(UnknownAccount):
        wallet.deposit(999, 100)
    assert ledger() == []


def test_a_withdrawal_returns_the_new_balance_and_is_recorded(wallet, balances, ledger):
    assert wallet.withdraw(1, 700) == 1800
    assert balances(1) == {1: 1800}
    assert ledger() == [(1, -700)]


def test_a_deposit_returns_the_new_balance_and_is_recorded(wallet, balances, ledger):
    assert wallet.deposit(1, 250) == 2750
    assert balances(1) == {1: 2750}
    assert ledger() == [(1, 250)]


def test_the_whole_balance_may_be_withdrawn(wallet, balances):
    assert wallet.withdraw(2, 500) == 0
    assert balances(2) == {2: 0}


def test_an_overdraft_is_refused_and_changes_nothing(wallet, balances, ledger):
    with pytest.raises(InsufficientFunds):
        wallet.withdraw(2, 501)
    with pytest.raises(InsufficientFunds):
        wallet.transfer(2, 3, 501)
    assert balances(2, 3) == {2: 500, 3: 10000}
    assert ledger() == []


def test_amounts_must_be_positive_whole_cents(wallet, balances, ledger):
    for amount in (0, -500, 2.5, "100"):
        for call in (wallet.withdraw, wallet.deposit):
            with pytest.raises(ValueError):
                call(3, amount)
        with pytest.raises(ValueError):
            wallet.transfer(3, 4, amount)
    assert balances(3, 4) == {3: 10000, 4: 10000}
    assert ledger() == []


def test_a_transfer_moves_money_and_records_both_sides(wallet, balances, ledger):
    assert wallet.transfer(1, 3, 1000) is None
    assert balances(1, 3) == {1: 1500, 3: 11000}
    assert ledger() == [(1, -1000), (3, 1000)]


def test_a_transfer_with_an_unknown_account_changes_nothing(wallet, balances, ledger):
    with pytest.raises(UnknownAccount):
        wallet.transfer(1, 999, 100)
    with pytest.raises(UnknownAccount):
        wallet.transfer(999, 1, 100)
    assert balances(1) == {1: 2500}
    assert ledger() == []


def test_a_transfer_to_the_same_account_is_refused(wallet, ledger):
    with pytest.raises(ValueError):
        wallet.transfer(1, 1, 100)
    assert ledger() == []
