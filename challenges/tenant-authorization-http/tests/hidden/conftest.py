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


def pytest_collection_modifyitems(items):
    """Login throttling runs last: a server that throttles more than it should (every user behind an
    address, say) then fails that test alone, not the later ones that log in."""
    items.sort(key=lambda item: item.name == "test_rate_limits_failed_logins_per_user")
