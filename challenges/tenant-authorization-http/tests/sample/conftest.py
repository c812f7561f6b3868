import pytest

from helpers import User


@pytest.fixture(scope="session")
def alice():
    """A user several tests share (registering costs a slow password hash); tests that need an
    untouched user make their own."""
    return User()


@pytest.fixture(scope="session")
def bob():
    return User()
