"""A sample: the hidden tests call every function of solve.py the same way."""
from solve import total


def test_total():
    assert total([1, 2, 3]) == 6
