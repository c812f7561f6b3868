import uuid

import pytest

from helpers import KEYS, Api


@pytest.fixture
def alice():
    return Api(KEYS["alice"])


@pytest.fixture
def bob():
    return Api(KEYS["bob"])


@pytest.fixture
def carol():
    return Api(KEYS["carol"])


@pytest.fixture
def marker():
    """A tag or word no other test uses, so tests sharing one server never see each other's notes."""
    return "m" + uuid.uuid4().hex[:12]
