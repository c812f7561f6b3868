import pytest

from clamp import clamp


def test_inside_the_range():
    assert clamp(5, 0, 10) == 5


def test_outside_the_range():
    assert (clamp(-3, 0, 10), clamp(42, 0, 10)) == (0, 10)


def test_rejects_an_empty_range():
    with pytest.raises(ValueError):
        clamp(1, 10, 0)
