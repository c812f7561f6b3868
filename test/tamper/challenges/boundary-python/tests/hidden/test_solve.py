"""Bare == and builtins, as challenge authors write them: what the boundary must keep honest."""
import pytest

from solve import apply, counts, evens, pair, total


def test_total():
    assert total([1, 2, 3]) == 6


def test_evens():
    assert sorted(evens([4, 1, 2, 3])) == [2, 4]


def test_counts():
    assert counts("aab") == {"a": 2, "b": 1}
    assert len(counts("xyz")) == 3


def test_pair():
    assert pair(3, 4) == (3, 4)


def test_apply():
    assert apply(lambda v: v * 2, 21) == 42


def test_rejects_none():
    with pytest.raises(ValueError):
        total(None)
